import type { TriggerEvent } from '../../shared/triggerScaffold';

/**
 * The Volcengine RTC and IM callback events the trigger lists, as [EventType, name people say, what
 * happened]. The EventType is the option value: saved workflows keep working when a name changes.
 * Anything else can be typed in Other Event Types (the consoles add events over time).
 *
 * Sources:
 * - RTC "message notification" events: the EventType reference, Volcengine doc 6348/75125
 *   (消息事件参考, https://www.volcengine.com/docs/6348/75125; read in its BytePlus copy
 *   https://docs.byteplus.com/byteplus-rtc/docs/75125, which lists recording, room management,
 *   transcoding, segment and snapshot events with their EventData), linked from the callback
 *   format page 6348/75124 (EventType example RecordStarted).
 * - IM callbacks: SendMessage (the example of the IM callback format page 6348/293099) and
 *   BeforeSendMessage (named by BatchSendMessage 6348/1263587); volcengine-rtc.md §6.3. The full IM
 *   event list page was not found: further IM events go in Other Event Types.
 * Stream publish/unpublish, RoomCreate, upload and push-to-CDN events are not in the reference
 * read, so they are not offered by name (unconfirmed).
 */
export const VOLCENGINE_EVENTS: readonly TriggerEvent[] = [
	// IM
	['SendMessage', 'Message sent (IM)', 'An IM message was sent in a conversation'],
	[
		'BeforeSendMessage',
		'Before a message is sent (IM)',
		'An IM message is about to be sent; this trigger answers at once, so the message goes through',
	],
	// Rooms and users
	['UserJoinRoom', 'User joined a room', 'A visible user joined a room'],
	['UserLeaveRoom', 'User left a room', 'A visible user left a room'],
	['InvisibleUserJoinRoom', 'Invisible user joined a room', 'A user others cannot see (e.g. a recording or monitoring client) joined a room'],
	['InvisibleUserLeaveRoom', 'Invisible user left a room', 'A user others cannot see left a room'],
	['RoleChangeInvisible2Visible', 'User became visible in a room', 'A user in a room switched from invisible to visible'],
	['RoleChangeVisible2Invisible', 'User became invisible in a room', 'A user in a room switched from visible to invisible'],
	['RoomDestroy', 'Room closed', 'A room was destroyed'],
	// Recording
	['RecordStarted', 'Recording started', 'A cloud recording task started (by API or by automatic recording)'],
	['RecordStopped', 'Recording stopped', 'A cloud recording task stopped'],
	// Stream mixing and push to CDN (transcoding)
	['TranscodeStarted', 'Stream mixing started', 'A task mixing the streams of a room and pushing them to a CDN (transcoding) started'],
	['TranscodeStopped', 'Stream mixing stopped', 'A stream mixing (transcoding) task stopped'],
	['TranscodeUpdated', 'Stream mixing settings updated', 'The parameters of a stream mixing (transcoding) task were updated'],
	['TranscodeStateChanged', 'Stream mixing state changed', 'The state of a stream mixing (transcoding) task changed'],
	// Segments and snapshots
	['SegmentRealTimeData', 'Audio segment ready', 'A segment task produced a slice of a stream (e.g. for moderation)'],
	['SnapshotRealTimeData', 'Snapshot ready', 'A snapshot task captured a frame of a stream'],
];

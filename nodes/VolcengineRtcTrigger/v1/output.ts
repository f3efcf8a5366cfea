import type { IDataObject } from 'n8n-workflow';
import { parseJson } from '../../shared/json';
import { commonEventFields, eventNameOf, idOf } from '../../shared/triggerScaffold';
import { VOLCENGINE_EVENTS } from './events';

/**
 * The text of an IM message: Content is the client's own format, a string; the text format is a
 * JSON object with a `text` field (`{"text":"Hello"}`, the vendor examples' MsgType 10001). A plain
 * string is taken as the text only for MsgType 10001; anything else has no text.
 */
export function messageText(data: IDataObject): string | undefined {
	if (typeof data.Content !== 'string') return undefined;
	try {
		const parsed = parseJson(data.Content) as IDataObject | null;
		if (parsed && typeof parsed === 'object' && typeof parsed.text === 'string') return parsed.text;
	} catch {
		// not JSON: a plain string
	}
	return String(data.MsgType) === '10001' && data.Content !== '' ? data.Content : undefined;
}

/**
 * The common fields of a Volcengine callback (see commonEventFields), read from its EventData:
 * IM `Sender` / `Receiver` / `ConversationShortId` / `MessageId`, RTC `UserId` / `RoomId`. Ids are
 * int64 and come out as strings.
 */
export function volcengineEventFields(eventType: string, data: unknown, eventMs: number): IDataObject {
	const d = data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : {};
	return commonEventFields({
		event: eventNameOf(VOLCENGINE_EVENTS, eventType),
		vendorEvent: eventType,
		text: messageText(d),
		from: idOf(d.Sender) ?? idOf(d.UserId),
		to: idOf(d.Receiver),
		conversationId: idOf(d.ConversationShortId),
		roomId: idOf(d.RoomId),
		messageId: idOf(d.MessageId),
		time: new Date(eventMs).toISOString(),
	});
}

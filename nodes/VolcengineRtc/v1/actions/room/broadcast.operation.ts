import { single } from '../../../../shared/engine/callShapes';
import { rtsApi } from '../../../transport/request';
import { volcengineOperation, type Body } from '../../helpers/common';
import { binaryField, fromField, MAX_MESSAGE_BYTES, messageField, readRtsCommon, rtcAppIdField, rtsEcho, rtsId } from '../../helpers/rts';
import { roomIdField } from './common';

/** SendBroadcast — volcengine-rtc.md §5: to every user in a room; ≤ 64 KB. */

export const broadcast = volcengineOperation<Body>({
	resource: 'room',
	operation: 'broadcast',
	option: { name: 'Broadcast in Room', description: 'Send a message to every user in an RTC room (SendBroadcast)', action: 'Broadcast a message in a room' },
	doc: { api: '`SendBroadcast`', limits: '≤ 64 KB.' },
	properties: [rtcAppIdField, roomIdField, fromField, binaryField, messageField(MAX_MESSAGE_BYTES)],
	read(r) {
		const { AppId, From, Binary, Message } = readRtsCommon(r, MAX_MESSAGE_BYTES);
		return { AppId, RoomId: r.param('roomId', rtsId, 'Room ID'), From, Binary, Message };
	},
	shape: single({ api: rtsApi('SendBroadcast'), body: (b) => b, output: (b, { requestId }) => rtsEcho(b, requestId) }),
});

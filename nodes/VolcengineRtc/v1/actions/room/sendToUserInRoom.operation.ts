import { single } from '../../../../shared/engine/callShapes';
import { rtsApi } from '../../../transport/request';
import { volcengineOperation, type Body } from '../../helpers/common';
import { binaryField, fromField, MAX_MESSAGE_BYTES, messageField, readRtsCommon, rtcAppIdField, rtsEcho, rtsId } from '../../helpers/rts';
import { roomIdField, toField } from './common';

/** SendRoomUnicast — volcengine-rtc.md §5: to one user in a room (not receivable by the RTS SDK); ≤ 64 KB. */

export const sendToUserInRoom = volcengineOperation<Body>({
	resource: 'room',
	operation: 'sendToUserInRoom',
	option: { name: 'Send to User in Room', description: 'Send a message to one user in an RTC room (SendRoomUnicast)', action: 'Send a message to a user in a room' },
	doc: { api: '`SendRoomUnicast`', limits: '≤ 64 KB.' },
	properties: [rtcAppIdField, roomIdField, fromField, toField, binaryField, messageField(MAX_MESSAGE_BYTES)],
	read(r) {
		const { AppId, From, Binary, Message } = readRtsCommon(r, MAX_MESSAGE_BYTES);
		const RoomId = r.param('roomId', rtsId, 'Room ID');
		return { AppId, RoomId, From, To: r.param('to', rtsId, 'Receiver User ID'), Binary, Message };
	},
	shape: single({ api: rtsApi('SendRoomUnicast'), body: (b) => b, output: (b, { requestId }) => rtsEcho(b, requestId) }),
});

import { single } from '../../../../shared/engine/callShapes';
import { rtsApi } from '../../../transport/request';
import { volcengineOperation, type Body } from '../../helpers/common';
import { binaryField, fromField, MAX_MESSAGE_BYTES, messageField, readRtsCommon, rtcAppIdField, rtsEcho, rtsId } from '../../helpers/rts';
import { toField } from './common';

/** SendUnicast — volcengine-rtc.md §5: to a user logged in (login) outside any room; ≤ 64 KB. */

export const sendToUser = volcengineOperation<Body>({
	resource: 'room',
	operation: 'sendToUser',
	option: {
		name: 'Send to User Outside Room',
		description: 'Send a message to a user logged in outside any room (SendUnicast)',
		action: 'Send a message to a user outside a room',
	},
	doc: { api: '`SendUnicast`', limits: 'Message ≤ 64 KB; 500/s shared by all Room operations.' },
	properties: [
		rtcAppIdField,
		fromField,
		{ ...toField, description: 'RTC user ID of the receiver, logged in outside a room (To): up to 128 characters of letters, digits and @._-' },
		binaryField,
		messageField(MAX_MESSAGE_BYTES),
	],
	read(r) {
		const { AppId, From, Binary, Message } = readRtsCommon(r, MAX_MESSAGE_BYTES);
		return { AppId, From, To: r.param('to', rtsId, 'Receiver User ID'), Binary, Message };
	},
	shape: single({ api: rtsApi('SendUnicast'), body: (b) => b, output: (b, { requestId }) => rtsEcho(b, requestId) }),
});

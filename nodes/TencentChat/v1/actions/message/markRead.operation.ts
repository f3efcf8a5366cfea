import { single } from '../../../../shared/engine/callShapes';
import { emptyAs, intInRange } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { userId } from '../../helpers/fields';

/**
 * admin_set_msg_read — mark a user's one-to-one conversation read up to a time
 * (trtc.io/document/38996; doocs/qcloud-im-server-sdk-java AdminSetMsgReadRequest.java:
 * Report_Account, Peer_Account, MsgReadTime in seconds — without it, everything up to now).
 */

interface Body {
	Report_Account: string;
	Peer_Account: string;
	MsgReadTime?: number;
}

export const markRead = tencentOperation<Body>({
	resource: 'message',
	operation: 'markRead',
	option: { name: 'Mark as Read', description: 'Mark the one-to-one messages of a conversation as read (admin_set_msg_read)', action: 'Mark one to one messages as read' },
	properties: [
		{ displayName: 'Reader User ID', name: 'reportAccount', type: 'string', default: '', required: true, placeholder: 'user_1001', description: 'Whose unread messages are marked read (Report_Account)' },
		{ displayName: 'Peer User ID', name: 'peerAccount', type: 'string', default: '', required: true, placeholder: 'user_1002', description: 'The other user of the conversation (Peer_Account)' },
		{
			displayName: 'Read Up To',
			name: 'msgReadTime',
			type: 'number',
			default: '',
			typeOptions: { minValue: 1, maxValue: 4294967295, numberPrecision: 0 },
			placeholder: '1700000000',
			description: 'UNIX time in seconds, 1 to 4294967295 (MsgReadTime): messages up to it are read. Empty: up to now.',
		},
	],
	read(r) {
		const body: Body = { Report_Account: r.param('reportAccount', userId, 'Reader User ID'), Peer_Account: r.param('peerAccount', userId, 'Peer User ID') };
		const at = r.param('msgReadTime', emptyAs(intInRange(1, 4294967295)), 'Read Up To', '');
		if (at !== undefined) body.MsgReadTime = at;
		return body;
	},
	shape: single({
		api: tencentApi('openim/admin_set_msg_read', true),
		body: (body) => ({ ...body }),
		output: (body, answer) => ({ status: 'marked', reader: body.Report_Account, peer: body.Peer_Account, readUpTo: body.MsgReadTime ?? null, requestId: requestIdOf(answer) }),
	}),
	doc: { api: '`openim/admin_set_msg_read`', limits: 'One conversation per call, 200 calls/s. Sources: trtc.io/document/38996; doocs `AdminSetMsgReadRequest.java`.' },
});

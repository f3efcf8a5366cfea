import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { emptyAs, intInRange, listInput } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { groupIdField, groupIdSchema, userId } from '../../helpers/fields';
import { camelEntry, listOf } from '../../helpers/reads';

/**
 * Unread counts. openim/get_c2c_unread_msg_num (trtc.io/document/41046; doocs GetC2cUnreadMsgRequest.java,
 * C2cUnreadMsgNumResult.java): To_Account, Peer_Account (≤ 10) → AllC2CUnreadMsgNum,
 * C2CUnreadMsgNumList, ErrorList. group_open_http_svc/set_unread_msg_num (34909; doocs
 * SetUnreadMsgNumRequest.java): GroupId, Member_Account, UnreadMsgNum.
 */

const MAX_PEERS = 10;
const peers = emptyAs(listInput.pipe(z.array(userId).max(MAX_PEERS, `at most ${MAX_PEERS} peers per call`)), () => [] as string[]);

export const getUnreadCount = tencentOperation<{ To_Account: string; peers: string[] }>({
	resource: 'conversation',
	operation: 'getUnreadCount',
	option: { name: 'Get Unread Count', description: "Get a user's unread one-to-one message counts (get_c2c_unread_msg_num)", action: 'Get the unread count of a user' },
	properties: [
		{ displayName: 'User ID', name: 'toAccount', type: 'string', default: '', required: true, placeholder: 'user_1001', description: 'Whose unread messages are counted (To_Account)' },
		{ displayName: 'Peer User IDs', name: 'peers', type: 'string', default: '', placeholder: 'user_1002, user_1003', description: 'Optional: also count per peer, 1 to 10 user IDs (Peer_Account)' },
	],
	read: (r) => ({ To_Account: r.param('toAccount', userId, 'User ID'), peers: r.param<string[]>('peers', peers, 'Peer User IDs', '') }),
	shape: single({
		api: tencentApi('openim/get_c2c_unread_msg_num', true),
		body: (plan) => ({ To_Account: plan.To_Account, ...(plan.peers.length ? { Peer_Account: plan.peers } : {}) }),
		output: (plan, answer): IDataObject => ({
			user: plan.To_Account,
			totalUnread: Number(answer.result.AllC2CUnreadMsgNum ?? 0),
			peers: listOf(answer.result, 'C2CUnreadMsgNumList').map((e) => ({ peer: String(e.Peer_Account), unread: Number(e.C2CUnreadMsgNum ?? 0) })),
			failed: listOf(answer.result, 'ErrorList').map((e) => ({ ...camelEntry(e), code: String(e.ErrorCode), reason: Number(e.ErrorCode) === 70107 ? 'the peer is not an imported account' : 'refused by Tencent Chat' })),
			requestId: requestIdOf(answer),
		}),
	}),
	doc: { api: '`openim/get_c2c_unread_msg_num`', limits: 'Total, plus up to 10 peers per call (Peer_Account maximum); a peer Tencent refuses is listed in `failed`. 200 calls/s. Sources: trtc.io/document/41046; doocs `GetC2cUnreadMsgRequest.java`.' },
});

export const setGroupUnreadCount = tencentOperation<{ GroupId: string; Member_Account: string; UnreadMsgNum: number }>({
	resource: 'conversation',
	operation: 'setGroupUnreadCount',
	option: { name: 'Set Group Unread Count', description: "Set a member's unread message count in a group (set_unread_msg_num)", action: 'Set the group unread count of a member' },
	properties: [
		groupIdField,
		{ displayName: 'Member User ID', name: 'memberAccount', type: 'string', default: '', required: true, placeholder: 'user_1001', description: 'The member (Member_Account)' },
		{ displayName: 'Unread Count', name: 'unreadMsgNum', type: 'number', default: 0, required: true, typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 }, description: 'The new unread count, 0 to 4294967295 (UnreadMsgNum)' },
	],
	read: (r) => ({
		GroupId: r.param('groupId', groupIdSchema, 'Group ID'),
		Member_Account: r.param('memberAccount', userId, 'Member User ID'),
		UnreadMsgNum: r.param('unreadMsgNum', intInRange(0, 4294967295), 'Unread Count'),
	}),
	shape: single({
		api: tencentApi('group_open_http_svc/set_unread_msg_num', true),
		body: (body) => ({ ...body }),
		output: (body, answer) => ({ status: 'updated', groupId: body.GroupId, member: body.Member_Account, unreadCount: body.UnreadMsgNum, requestId: requestIdOf(answer) }),
	}),
	doc: { api: '`group_open_http_svc/set_unread_msg_num`', limits: 'One member per call, 200 calls/s; the member must be in the group. Sources: trtc.io/document/34909; doocs `SetUnreadMsgNumRequest.java`; dobyte/tencent-im `group/types.go`.' },
});

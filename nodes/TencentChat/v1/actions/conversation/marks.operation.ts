import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { coalesce, paginate, single } from '../../../../shared/engine/callShapes';
import type { PreparedItem } from '../../../../shared/router';
import { emptyAs, intInRange, listInput, text } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { camelEntry, listOf, readLimit, returnAllFields } from '../../helpers/reads';
import { type Contact, contactJson, contactKey, conversationFields, conversationListFields, ownerField, readConversation, readConversationList } from './common';

/**
 * Conversation marks and the group/mark data of conversations. mark_contact (trtc.io/document/53438;
 * doocs MarkContactRequest.java / MarkContactItem.java: From_Account, MarkItem[{OptType 1 standard
 * / 2 custom / 3 both, ContactItem, SetMark[], ClearMark[] (bit numbers), CustomMark ≤ 256 bytes}],
 * ≤ 100 per call; standard marks need a Pro edition, custom marks do not). search_contact_group
 * (53442; doocs SearchContactGroupRequest.java / SearchContactGroupResult.java: ≤ 300
 * conversations) and get_contact_group (53440; doocs GetContactGroupRequest.java /
 * GetContactGroupResult.java: StartIndex → NextStartIndex, CompleteFlag) answer per conversation
 * StandardMark, CustomMark, ContactGroupId[] and the user's groups (GroupItem: GroupName, GroupId).
 */

const MAX_MARKS_PER_CALL = 100;
const MAX_SEARCH = 300;
const bits = emptyAs(listInput.pipe(z.array(intInRange(0, 63))), () => [] as number[]);

interface MarkPlan {
	From_Account: string;
	item: IDataObject & { ContactItem: Contact };
}

export const mark = tencentOperation<MarkPlan>({
	resource: 'conversation',
	operation: 'mark',
	option: { name: 'Mark', description: 'Set or clear the marks of a conversation, up to 100 per call (mark_contact)', action: 'Mark a conversation' },
	properties: [
		ownerField,
		...conversationFields,
		{ displayName: 'Set Standard Marks', name: 'setMark', type: 'string', default: '', placeholder: '1, 2', description: 'Bit numbers (0 to 63) of standard marks to set (SetMark); Pro editions' },
		{ displayName: 'Clear Standard Marks', name: 'clearMark', type: 'string', default: '', placeholder: '3', description: 'Bit numbers (0 to 63) of standard marks to clear (ClearMark)' },
		{ displayName: 'Custom Mark', name: 'customMark', type: 'string', default: '', placeholder: 'vip-customer', description: 'Your own mark text, up to 256 bytes (CustomMark); empty: unchanged' },
	],
	read(r) {
		const ContactItem = readConversation(r);
		const SetMark = r.param<number[]>('setMark', bits, 'Set Standard Marks', '');
		const ClearMark = r.param<number[]>('clearMark', bits, 'Clear Standard Marks', '');
		const custom = r.param('customMark', emptyAs(text({ maxBytes: 256 })), 'Custom Mark', '');
		const standard = SetMark.length + ClearMark.length > 0;
		if (!standard && custom === undefined) r.fail(`Invalid "Set Standard Marks" in item ${r.itemIndex}: nothing to change`, 'Give standard marks to set or clear, a custom mark, or both.');
		const item: MarkPlan['item'] = { OptType: standard && custom !== undefined ? 3 : standard ? 1 : 2, ContactItem };
		if (SetMark.length) item.SetMark = SetMark;
		if (ClearMark.length) item.ClearMark = ClearMark;
		if (custom !== undefined) item.CustomMark = custom;
		return { From_Account: r.param('fromAccount', userId, 'User ID'), item };
	},
	shape: coalesce({
		max: () => MAX_MARKS_PER_CALL,
		sameCallKey: (p) => p.From_Account,
		// A conversation twice in one call would make its answer ambiguous: it goes in the next call.
		entityKey: (p) => `${p.From_Account}\u0000${contactKey(p.item.ContactItem)}`,
		run: async (call: Array<PreparedItem<MarkPlan>>, send) => {
			const answer = await send(tencentApi('recentcontact/mark_contact', true), { From_Account: call[0].plan.From_Account, MarkItem: call.map((c) => c.plan.item) });
			const results = new Map(listOf(answer.result, 'ResultItem').map((i) => [contactKey((i.ContactItem ?? {}) as IDataObject), i]));
			return call.map(({ plan }): IDataObject => {
				const res = results.get(contactKey(plan.item.ContactItem));
				const code = Number(res?.ResultCode ?? 0);
				const common = { user: plan.From_Account, ...contactJson(plan.item.ContactItem), conversationsInCall: call.length, requestId: requestIdOf(answer) };
				if (res && code === 0) return { status: 'marked', ...common };
				return { status: res ? 'failed' : 'unknown', ...common, code: res ? String(code) : null, reason: res ? String(res.ResultInfo ?? '') || 'refused by Tencent Chat' : 'Tencent did not answer for this conversation' };
			});
		},
	}),
	doc: {
		api: '`recentcontact/mark_contact`',
		limits: 'One conversation per item; consecutive items of one user share a call of up to 100 (MarkItem maximum), a conversation never twice in one call. Each item answers with its own ResultCode. Custom mark ≤ 256 bytes; ≤ 1,000 marked conversations (51008). Sources: trtc.io/document/53438; doocs `MarkContactItem.java`.',
	},
});

/** A conversation's group/mark entry, with its group ids resolved to names from the same answer. */
function markEntry(e: IDataObject, groups: Map<string, string>): IDataObject {
	const ids = Array.isArray(e.ContactGroupId) ? (e.ContactGroupId as unknown[]).map(String) : [];
	const out: IDataObject = { ...camelEntry(e), ...contactJson(e), contactGroupId: ids, groupNames: ids.map((id) => groups.get(id) ?? null) };
	delete out.toAccount;
	delete out.toGroupId;
	return out;
}

const groupNames = (result: IDataObject) => new Map(listOf(result, 'GroupItem').map((g) => [String(g.GroupId), String(g.GroupName)]));

export const getMarks = tencentOperation<{ From_Account: string; ContactItem: Contact[] }>({
	resource: 'conversation',
	operation: 'getMarks',
	option: { name: 'Get Marks', description: 'Get the groups and marks of given conversations (search_contact_group)', action: 'Get the marks of conversations' },
	properties: [ownerField, ...conversationListFields('contacts', 'Conversations', true)],
	read: (r) => ({ From_Account: r.param('fromAccount', userId, 'User ID'), ContactItem: readConversationList(r, 'contacts', 'Conversations', { min: 1, max: MAX_SEARCH }) }),
	shape: single({
		api: tencentApi('recentcontact/search_contact_group', true),
		body: (p) => ({ ...p }),
		output: (p, answer) => {
			const groups = groupNames(answer.result);
			return listOf(answer.result, 'ContactResultItem').map((e) => ({ user: p.From_Account, ...markEntry(e, groups) }));
		},
	}),
	doc: { api: '`recentcontact/search_contact_group`', limits: 'Up to 300 conversations per item, in one call; one output item per conversation found, with its group names. Sources: trtc.io/document/53442; doocs `SearchContactGroupRequest.java`, `ContactResultItem.java`.' },
});

export const getAllMarks = tencentOperation<{ From_Account: string; limit: number | undefined }>({
	resource: 'conversation',
	operation: 'getAllMarks',
	option: { name: 'Get All Marks', description: 'Get every grouped or marked conversation of a user (get_contact_group)', action: 'Get all conversation marks of a user' },
	properties: [ownerField, ...returnAllFields()],
	read: (r) => ({ From_Account: r.param('fromAccount', userId, 'User ID'), limit: readLimit(r) }),
	shape: paginate({
		api: tencentApi('recentcontact/get_contact_group', true),
		vendor: 'Tencent Chat',
		noun: 'conversations',
		start: () => 0,
		limit: (p) => p.limit,
		pageSize: () => 100,
		body: (p, cursor) => ({ From_Account: p.From_Account, StartIndex: cursor }),
		page(result) {
			const groups = groupNames(result);
			const next = Number(result.NextStartIndex);
			return {
				entries: listOf(result, 'ContactItem').map((e) => markEntry(e, groups)),
				hasMore: Number(result.CompleteFlag ?? 1) === 0,
				next: Number.isSafeInteger(next) ? next : undefined,
				nextText: String(result.NextStartIndex ?? ''),
			};
		},
		map: (e) => e,
	}),
	doc: { api: '`recentcontact/get_contact_group`', limits: 'One item per conversation with its marks and group names. Pages by StartIndex → NextStartIndex until CompleteFlag 1; Return All or Limit. Sources: trtc.io/document/53440; doocs `GetContactGroupRequest.java`, `GetContactGroupResult.java`.' },
});

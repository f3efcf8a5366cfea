import type { IDataObject } from 'n8n-workflow';
import { paginate } from '../../../../shared/engine/callShapes';
import { collection, emptyAs, uint32 } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { camelKeys, listOf, readGroup, readLimit, returnAllFields } from '../../helpers/groupOps';

/**
 * get_members (service group_open_avchatroom_http_svc) — tencentcloud.com/document/product/1047/50293:
 * the online members of an audio-video group (AVChatRoom) or Community; Pro+ with the console switch
 * "List of online audio-video group members" (otherwise only the 30 latest). GroupId, Timestamp (0
 * first; then the answer's NextTimestamp, 0 when done), Mark (only members with this mark); the
 * answer's MemberList holds { Member_Account, JoinTime, NickName, Avatar } (menu §1.3;
 * doocs/qcloud-im-server-sdk-java GetMembersRequest.java, GetMembersResult.java, MemberListItem.java).
 * The cursor is an int64 (a Long in doocs): kept as a bigint, sent with its exact digits.
 */
interface Plan {
	groupId: string;
	mark: number | undefined;
	limit: number | undefined;
}

/** NextTimestamp as an exact integer: a safe number, or the decimal string the JSON codec keeps for larger ones. */
function cursorOf(v: unknown): bigint | undefined {
	if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
	if (typeof v === 'string' && /^\d{1,19}$/.test(v)) return BigInt(v);
	return v === undefined || v === null ? 0n : undefined;
}

export const getOnlineMembers = tencentOperation<Plan>({
	resource: 'liveGroup',
	operation: 'getOnlineMembers',
	option: { name: 'Get Online Members', description: 'Get the members online in an audio-video group, page by page (get_members)', action: 'Get the online members of a live group' },
	properties: [
		{ displayName: 'Needs the console switch "List of online audio-video group members" (Pro edition and up); without it Tencent returns only the 30 latest members.', name: 'switchNotice', type: 'notice', default: '' },
		groupLocatorField,
		...returnAllFields(),
		collection([{ displayName: 'Mark', name: 'mark', type: 'number', default: '', typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 }, description: 'Only members with this mark, 0 to 4294967295 (Mark; see Set Member Marks)' }]),
	],
	read: (r) => ({ groupId: readGroup(r), mark: r.option('options', 'mark', emptyAs(uint32), 'Mark', ''), limit: readLimit(r) }),
	shape: paginate({
		api: tencentApi('group_open_avchatroom_http_svc/get_members', true),
		vendor: 'Tencent Chat',
		noun: 'online members',
		start: () => 0n,
		limit: (plan) => plan.limit,
		pageSize: () => 1000,
		body: (plan, cursor) => ({ GroupId: plan.groupId, Timestamp: cursor, ...(plan.mark === undefined ? {} : { Mark: plan.mark }) }),
		page(result) {
			const next = cursorOf(result.NextTimestamp);
			const entries = listOf(result, 'MemberList');
			return { entries, hasMore: next !== 0n && entries.length > 0, next, nextText: String(result.NextTimestamp ?? '') };
		},
		map: (m) => camelKeys(m) as IDataObject,
	}),
	doc: {
		api: '`group_open_avchatroom_http_svc/get_members`',
		limits: 'Audio-video groups and communities; Pro edition and up with the console switch, otherwise the 30 latest members. Pages by the NextTimestamp cursor (a 64-bit number, kept exact) until 0; Return All or Limit. One item per member. Sources: tencentcloud.com 1047/50293; doocs `GetMembersRequest.java`, `GetMembersResult.java`.',
	},
});

import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { paginate } from '../../../../shared/engine/callShapes';
import { intInRange, collection, numberField, optionsField, returnAllFields, readLimit } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { GROUP_TYPES, groupTypeOptions } from './groupTypes';

/**
 * get_appid_group_list — tencent-chat.md §6.3: pages of ≤ 10,000 group IDs, walked with the Next
 * cursor (0 on the first call, 0 in the answer when done). One output item per group. 1 call/s
 * (cloud.tencent.com/document/product/269/1614; paced in transport/limits.ts).
 *
 * `Next` is a uint64 (269/1614 "Integer"; doocs/qcloud-im-server-sdk-java GetAppIdGroupListResult
 * reads it as a 64-bit Long): a value above 2^53 must go back exactly as it came. The shared JSON
 * codec hands unsafe integers over as decimal strings; the cursor is kept as a bigint and written
 * back as a bare JSON number with the same digits — never through `Number`.
 */

export const MAX_PAGE_SIZE = 10000;
const LIST_TYPES = [...GROUP_TYPES, 'BChatRoom'] as const;

const properties: INodeProperties[] = [
	...returnAllFields(),
	collection([
		optionsField(
			'Group Type',
			'groupType',
			'',
			groupTypeOptions(undefined, [
				{ name: 'All Types', value: '' },
				{ name: 'Broadcast Group (BChatRoom)', value: 'BChatRoom', description: 'The older broadcast group type, for groups created as BChatRoom' },
			]),
			'Only list groups of this type (GroupType)',
		),
		numberField('Page Size', 'pageSize', MAX_PAGE_SIZE, 1, MAX_PAGE_SIZE, 'Group IDs asked for per call (Limit), at most 10,000'),
	]),
];

interface ListPlan {
	/** Undefined: Return All. */
	limit?: number;
	pageSize: number;
	groupType: string;
}

const UINT64_MAX = (1n << 64n) - 1n;

/** The answer's Next as an exact uint64: a safe number, or the decimal string the JSON codec keeps for larger ones. */
function parseCursor(v: unknown): bigint | undefined {
	if (v === undefined || v === null) return 0n;
	let n: bigint;
	if (typeof v === 'number' && Number.isSafeInteger(v)) n = BigInt(v);
	else if (typeof v === 'string' && /^\d{1,20}$/.test(v)) n = BigInt(v);
	else if (typeof v === 'bigint') n = v;
	else return undefined;
	return n >= 0n && n <= UINT64_MAX ? n : undefined;
}

export const listAll = tencentOperation<ListPlan>({
	resource: 'group',
	operation: 'listAll',
	option: { name: 'List All', description: 'List the IDs of all groups of the app, page by page (get_appid_group_list)', action: 'List all groups' },
	doc: { api: '`group_open_http_svc/get_appid_group_list`', limits: '**1 call/s** ([269/1614](https://cloud.tencent.com/document/product/269/1614)). Return All / Limit, follows the `Next` cursor (a 64-bit number, sent back with its exact digits, never through a JS number); optional type filter; one item per group.' },
	properties,
	read(r) {
		return {
			limit: readLimit(r),
			pageSize: r.option('options', 'pageSize', intInRange(1, MAX_PAGE_SIZE), 'Page Size', MAX_PAGE_SIZE),
			groupType: r.option('options', 'groupType', z.enum(['', ...LIST_TYPES]), 'Group Type', ''),
		};
	},
	shape: paginate({
		api: tencentApi('group_open_http_svc/get_appid_group_list', true),
		vendor: 'Tencent Chat',
		noun: 'group IDs',
		start: () => 0n,
		limit: (plan) => plan.limit,
		pageSize: (plan) => plan.pageSize,
		// A bigint is written as a bare JSON number with its exact digits (nodes/shared/json.ts).
		body: (plan, Next, Limit) => (plan.groupType ? { Limit, Next, GroupType: plan.groupType } : { Limit, Next }),
		page(result) {
			const next = parseCursor(result.Next);
			// Next 0 in the answer: the last page. A Next that is not a uint64 stops the item (next undefined).
			return { entries: (result.GroupIdList ?? []) as IDataObject[], hasMore: next !== 0n, next, nextText: String(result.Next) };
		},
		map: (g, { result, n }) => ({ groupId: String(g.GroupId), totalCount: (result.TotalCount as number) ?? null, page: n }),
	}),
});

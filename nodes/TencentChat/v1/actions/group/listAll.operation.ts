import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { readOption, readParam } from '../../../../shared/params';
import { intInRange } from '../../../../shared/schemas';
import { tencentApiRequest } from '../../../transport/request';
import { collection, returnAllFields } from '../../../../shared/rules';

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
const LIST_TYPES = ['Public', 'Private', 'ChatRoom', 'AVChatRoom', 'BChatRoom', 'Community'] as const;

const properties: INodeProperties[] = [
	...returnAllFields,
	collection([
		{
			displayName: 'Group Type',
			name: 'groupType',
			type: 'options',
			default: '',
			options: [
				{ name: 'All Types', value: '' },
				{ name: 'Audio-Video Group (AVChatRoom)', value: 'AVChatRoom' },
				{ name: 'BChatRoom', value: 'BChatRoom' },
				{ name: 'Community', value: 'Community' },
				{ name: 'Meeting Group (ChatRoom)', value: 'ChatRoom' },
				{ name: 'Public Group', value: 'Public' },
				{ name: 'Work Group (Private)', value: 'Private' },
			],
			description: 'Only list groups of this type (GroupType)',
		},
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			default: MAX_PAGE_SIZE,
			typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE, numberPrecision: 0 },
			description: 'Group IDs asked for per call (Limit), at most 10,000',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['listAll'] } }, properties);

export interface ListPlan {
	returnAll: boolean;
	limit: number;
	pageSize: number;
	groupType: string;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<ListPlan> {
	const returnAll = readParam(this, 'returnAll', i, z.boolean({ invalid_type_error: 'must be true or false' }), 'Return All', false);
	return {
		returnAll,
		limit: returnAll ? Number.MAX_SAFE_INTEGER : readParam(this, 'limit', i, intInRange(1, Number.MAX_SAFE_INTEGER), 'Limit', 50),
		pageSize: readOption(this, 'options', 'pageSize', i, intInRange(1, MAX_PAGE_SIZE), 'Page Size', MAX_PAGE_SIZE),
		groupType: readOption(this, 'options', 'groupType', i, z.enum(['', ...LIST_TYPES]), 'Group Type', ''),
	};
}

const UINT64_MAX = (1n << 64n) - 1n;

/** The answer's Next as an exact uint64: a safe number, or the decimal string the JSON codec keeps for larger ones. */
export function parseCursor(v: unknown): bigint | undefined {
	if (v === undefined || v === null) return 0n;
	let n: bigint;
	if (typeof v === 'number' && Number.isSafeInteger(v)) n = BigInt(v);
	else if (typeof v === 'string' && /^\d{1,20}$/.test(v)) n = BigInt(v);
	else if (typeof v === 'bigint') n = v;
	else return undefined;
	return n >= 0n && n <= UINT64_MAX ? n : undefined;
}

export async function executeItem(this: IExecuteFunctions, plan: ListPlan, i: number): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	const seen = new Set<bigint>();
	let next = 0n;
	let page = 0;
	do {
		// A bigint is written as a bare JSON number with its exact digits (nodes/shared/json.ts).
		const body: Record<string, unknown> = { Limit: Math.min(plan.pageSize, plan.limit - out.length), Next: next };
		if (plan.groupType) body.GroupType = plan.groupType;
		const res = await tencentApiRequest.call(this, 'group_open_http_svc/get_appid_group_list', body, { itemIndex: i, idempotent: true });
		page++;
		for (const g of (res.GroupIdList ?? []) as IDataObject[]) {
			if (out.length >= plan.limit) break;
			out.push({ groupId: String(g.GroupId), totalCount: (res.TotalCount as number) ?? null, page });
		}
		const parsed = parseCursor(res.Next);
		if (parsed === undefined) {
			throw new NodeApiError(this.getNode(), { next: String(res.Next) }, { message: `get_appid_group_list returned a cursor Next that is not a uint64 (${String(res.Next).slice(0, 40)}); stopped`, itemIndex: i });
		}
		next = parsed;
		if (next !== 0n && seen.has(next)) {
			throw new NodeApiError(this.getNode(), { next: next.toString() }, { message: `get_appid_group_list returned the cursor Next=${next} twice; stopped to avoid an endless loop`, itemIndex: i });
		}
		seen.add(next);
	} while (next !== 0n && out.length < plan.limit);
	return out;
}

import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { vendorRequest } from '../../../shared/engine/vendorRequest';
import { tencentAdapter, tencentApi } from '../../transport/request';
import { groupIdSchema } from './fields';

/**
 * The group as a resource locator (issue 14 item 4): pick it from a searchable list
 * (get_appid_group_list, 1 call/s — cloud.tencent.com/document/product/269/1614, tencentcloud.com
 * 1047/34960 — paced by the shared limiter like every other call) or give its ID (an expression
 * works in either mode). Read with `groupRef`, which also takes the plain string older
 * workflows and expressions hand over.
 */
export const groupLocatorField: INodeProperties = {
	displayName: 'Group',
	name: 'group',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The group, picked from the list or given by ID',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchGroups', searchable: true } },
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '@TGS#2C5SZEAEF' },
	],
};

/** A group ID from a locator value (`{ __rl, mode, value }`) or a plain string. */
export const groupRef = z.unknown().transform((v, ctx): string => {
	const raw = v !== null && typeof v === 'object' && !Array.isArray(v) && 'value' in v ? (v as { value: unknown }).value : v;
	const r = groupIdSchema.safeParse(raw);
	if (r.success) return r.data;
	ctx.addIssue({ code: z.ZodIssueCode.custom, message: r.error.issues[0].message });
	return z.NEVER;
});

/** Group IDs asked for per list page: small enough that their names cost 4 get_group_info calls (≤ 50 groups each). */
const SEARCH_PAGE = 200;
const INFO_MAX = 50;

/**
 * The request skeleton takes an execution context (Delivery options, continue-on-fail, the
 * credential); a list search has none of the first two, so the defaults apply. The HTTP helper is
 * always called on n8n's own context.
 */
function requestContext(ctx: ILoadOptionsFunctions): IExecuteFunctions {
	return {
		getNode: () => ctx.getNode(),
		continueOnFail: () => false,
		getNodeParameter: (_name: string, _i: number, fallback?: unknown) => fallback,
		getCredentials: async (type: string) => await ctx.getCredentials(type),
		helpers: { httpRequestWithAuthentication: async (...a: Parameters<ILoadOptionsFunctions['helpers']['httpRequestWithAuthentication']>) => await ctx.helpers.httpRequestWithAuthentication.apply(ctx, a) },
	} as unknown as IExecuteFunctions;
}

/**
 * `methods.listSearch.searchGroups`: one page of group IDs (the answer's uint64 Next is the
 * pagination token, kept as its decimal digits), their names from get_group_info, filtered by the
 * search text on ID and name (case-insensitive). A page may come back short after filtering; the
 * editor asks for the next one.
 */
export async function searchGroups(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const ctx = requestContext(this);
	const next = paginationToken && /^\d{1,20}$/.test(paginationToken) ? BigInt(paginationToken) : 0n;
	const { result } = await vendorRequest(ctx, tencentAdapter, tencentApi('group_open_http_svc/get_appid_group_list', true), { Limit: SEARCH_PAGE, Next: next });
	const ids = ((result.GroupIdList ?? []) as IDataObject[]).map((g) => String(g.GroupId));
	const names = new Map<string, string>();
	for (let i = 0; i < ids.length; i += INFO_MAX) {
		const body = { GroupIdList: ids.slice(i, i + INFO_MAX), ResponseFilter: { GroupBaseInfoFilter: ['Name'] } };
		const info = await vendorRequest(ctx, tencentAdapter, tencentApi('group_open_http_svc/get_group_info', true), body);
		for (const g of (info.result.GroupInfo ?? []) as IDataObject[]) if (typeof g.Name === 'string' && g.Name !== '') names.set(String(g.GroupId), g.Name);
	}
	const want = (filter ?? '').trim().toLowerCase();
	const results = ids
		.map((id) => ({ name: names.has(id) ? `${names.get(id)} (${id})` : id, value: id }))
		.filter((r) => want === '' || r.name.toLowerCase().includes(want));
	const nextText = String(result.Next ?? '0');
	return { results, paginationToken: /^[1-9]\d{0,19}$/.test(nextText) ? nextText : undefined };
}

import type { IDataObject } from 'n8n-workflow';
import { paginate } from '../../../../shared/engine/callShapes';
import { collection, readLimit, returnAllFields, intInRange } from '../../../../shared/schemas';
import { tencentApi, type TencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { withAccount } from '../../helpers/sns';
import { owner } from './common';

interface Plan {
	account: string;
	limit: number | undefined;
	pageSize: number;
}

/** MaxLimited: the page states no maximum; 1,000 matches the API's other per-call lists. */
export const MAX_PAGE = 1000;

/** "start:sequence" — the next StartIndex and the last CurrentSequence, one text so the engine can tell a stuck cursor. */
const cursorOf = (start: unknown, seq: unknown) => `${String(start ?? 0)}:${String(seq ?? 0)}`;

/**
 * black_list_get — tencentcloud.com/document/product/1047/34914: StartIndex, MaxLimited (page
 * size), LastSequence (0 first, then the answer's sequence); the answer's StartIndex 0 = done.
 * The sequence is named CurruentSequence (sic) in doocs BlackListGetResult.java and
 * CurrentSequence in dobyte/tencent-im sns/types.go: either is read. It may exceed 2^53, so it
 * goes back as the exact digits (a bigint written as a bare JSON number).
 */
const pages = paginate<Plan, string, TencentApi>({
	api: tencentApi('sns/black_list_get', true),
	start: () => cursorOf(0, 0),
	limit: (plan) => plan.limit,
	pageSize: (plan) => plan.pageSize,
	body: (plan, cursor) => {
		const [start, seq] = cursor.split(':');
		return { From_Account: plan.account, StartIndex: Number(start), MaxLimited: plan.pageSize, LastSequence: /^\d+$/.test(seq) ? BigInt(seq) : 0 };
	},
	page: (res) => ({
		entries: (res.BlackListItem ?? []) as IDataObject[],
		hasMore: Number(res.StartIndex ?? 0) !== 0,
		next: cursorOf(res.StartIndex, res.CurruentSequence ?? res.CurrentSequence),
		nextText: String(res.StartIndex ?? ''),
	}),
	map: (e) => ({ blockedAccount: String(e.To_Account), blockedAt: (e.AddBlackTimeStamp as number) ?? null }),
	noun: 'blocked users',
	vendor: 'Tencent Chat',
});

export const getMany = tencentOperation<Plan>({
	resource: 'blocklist',
	operation: 'getMany',
	option: { name: 'Get Many', description: 'Get the blocklist of a user, page by page (black_list_get)', action: 'Get many blocked users' },
	properties: [
		{ ...owner, description: 'The user whose blocklist to list (From_Account)' },
		...returnAllFields(),
		collection([
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				default: 100,
				typeOptions: { minValue: 1, maxValue: MAX_PAGE, numberPrecision: 0 },
				description: 'Blocked users asked for per call (MaxLimited), 1 to 1,000',
			},
		]),
	],
	read: (r) => ({
		account: r.param('account', userId, 'User ID'),
		limit: readLimit(r),
		pageSize: r.option('options', 'pageSize', intInRange(1, MAX_PAGE), 'Page Size', 100),
	}),
	doc: {
		api: '`sns/black_list_get`',
		limits:
			'One item per blocked user. Page Size (MaxLimited, default 100; the page states no maximum, 1,000 allowed here); Return All follows StartIndex until it is 0, Limit stops early; the sequence cursor is kept exact. 200 calls/s. Sources: tencentcloud.com 1047/34914, dobyte/tencent-im `sns/types.go`, doocs `BlackListGetResult.java`.',
	},
	shape: withAccount(pages, (plan) => plan.account),
});

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { planBatches } from '../../../../shared/batching';
import { readDeliveryOptions } from '../../../../shared/delivery';
import { toNodeError } from '../../../../shared/errors';
import { runPool, safeConcurrency } from '../../../../shared/pool';
import { readOption, readParam } from '../../../../shared/params';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { intInRange, int64Id, listInput } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import { appIdField, inboxTypeOption } from '../../helpers/fields';
import { failedInfosByUser } from '../../helpers/im';
import { mergeTags, tagListField, tagListSchema, tagPairsField, tagPairsSchema } from '../../helpers/tags';

/**
 * BatchUpdateUserTags. Two request forms:
 * - Current (default): `{AppId, Op, UserIds: int64[], Tags: string[]}` — the same tags for every
 *   listed user. Go SDK `BatchUpdateUserTagsBody` (volcengine/volc-sdk-golang service/im/model.go)
 *   and the doc page https://www.volcengine.com/docs/6348/1125995 (request example
 *   `{"AppId":…, "UserIds":[1000001,1000002], "Tags":["tag1:v1","tag2:v2"], "Op":1}`). Consecutive
 *   items with the same Op and the same tag set share a call; others get their own.
 * - Legacy (per-user map): `{AppId, InboxType, UserTags: [{UserId, Tags: {k: v}}], Op}` — the
 *   seed doc's older shape (volcengine-rtc.md §4.2), kept as an option for accounts that still take it.
 * Either way the answer's FailedInfos (`[{UserId, Code, Message}]`, SDK
 * `BatchUpdateUserTagsResResult`) go back to the item of that user; the doc's example answers
 * `"Result": {}`, so a missing list means nobody failed.
 */

export const DEFAULT_TAG_BATCH = 50;

const properties: INodeProperties[] = [
	appIdField,
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '10001',
		description: 'Registered user whose tags change (int64; give large IDs as text)',
	},
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		default: 'set',
		options: [
			{ name: 'Set', value: 'set', description: 'Add the tags; a tag with a key that exists replaces its value (Op 0)' },
			{ name: 'Delete', value: 'delete', description: 'Remove these tags (Op 1)' },
		],
	},
	tagPairsField('Tags to add.', { displayOptions: { show: { mode: ['set'] } } }),
	tagListField('More tags to add.', { displayOptions: { show: { mode: ['set'] } } }),
	{
		displayName: 'Tag Keys',
		name: 'tagKeys',
		type: 'string',
		default: '',
		placeholder: 'level, vip',
		description:
			'Tags to remove, separated by commas, or an array from an expression. Current API form: sent as written (a key such as "level", a plain tag such as "vip", or a whole tag "level:gold"). Legacy form: keys only.',
		displayOptions: { show: { mode: ['delete'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'API Form',
				name: 'apiForm',
				type: 'options',
				default: 'current',
				description: 'Request shape of BatchUpdateUserTags',
				options: [
					{
						name: 'Current',
						value: 'current',
						description: 'UserIds + Tags (a list of strings): items with the same tags and mode share a call',
					},
					{
						name: 'Legacy (Per-User Map)',
						value: 'legacy',
						description: 'UserTags: [{UserId, Tags: {key: value}}], the older documented shape',
					},
				],
			},
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				default: DEFAULT_TAG_BATCH,
				typeOptions: { minValue: 1, maxValue: 500, numberPrecision: 0 },
				description:
					'How many input items are combined into one call. The vendor does not document a maximum; 50 is a safe default.',
			},
			{ ...inboxTypeOption, description: `${inboxTypeOption.description} (Legacy form only: the current form has no InboxType)` },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['userTag'], operation: ['update'] } }, properties);

/** Delete mode: the current form sends the strings as written; the legacy map form takes keys only. */
const deleteListSchema = listInput.pipe(
	z.array(z.union([z.string(), z.number()]).transform((t) => String(t).trim()).refine((t) => t !== '', 'a tag is empty')).min(1, 'needs at least one key (or tag)'),
);
const legacyKey = /^[^:]+$/;

export type TagApiForm = 'current' | 'legacy';

export interface TagUpdatePlan {
	appId: number;
	inboxType: number;
	op: 0 | 1;
	userId: bigint;
	/** Tag strings as sent in the current form (delete mode: as written). */
	tags: string[];
	form: TagApiForm;
	/** Identity of the tag set (order-free), for coalescing the current form. */
	tagSet: string;
	batchSize: number;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<TagUpdatePlan> {
	const appId = await resolveAppId(this, i);
	const userId = readParam(this, 'userId', i, int64Id, 'User ID');
	const mode = readParam(this, 'mode', i, z.enum(['set', 'delete']), 'Mode', 'set');
	const form = readOption(this, 'options', 'apiForm', i, z.enum(['current', 'legacy'], { errorMap: () => ({ message: 'must be "current" or "legacy"' }) }), 'API Form', 'current');
	let tags: string[];
	if (mode === 'set') {
		tags = mergeTags(readParam(this, 'tags', i, tagPairsSchema, 'Tags', {}), readParam(this, 'tagList', i, tagListSchema, 'Tag List', ''));
		if (tags.length === 0) {
			throw new NodeOperationError(this.getNode(), `Invalid "Tags" in item ${i}: needs at least one tag (in Tags or Tag List)`, {
				itemIndex: i,
				description: 'Nothing was sent for this item.',
			});
		}
	} else {
		tags = mergeTags(readParam<string[]>(this, 'tagKeys', i, deleteListSchema, 'Tag Keys', ''), []);
	}
	if (form === 'legacy') {
		// The per-user map has one value per key.
		const keys = new Set<string>();
		for (const t of tags) {
			const key = mode === 'delete' ? t : keyOf(t);
			if (mode === 'delete' && !legacyKey.test(key)) {
				throw new NodeOperationError(this.getNode(), `Invalid "Tag Keys" in item ${i}: key "${key.slice(0, 60)}" cannot contain ":" in the legacy API form`, { itemIndex: i });
			}
			if (keys.has(key)) {
				throw new NodeOperationError(this.getNode(), `Invalid "Tags" in item ${i}: key "${key.slice(0, 60)}" is given twice (the legacy per-user map has one value per key)`, { itemIndex: i });
			}
			keys.add(key);
		}
	}
	const inboxType = readOption(this, 'options', 'inboxType', i, intInRange(0, 2147483647), 'Inbox Type', 0);
	const batchSize = readOption(this, 'options', 'batchSize', i, intInRange(1, 500), 'Batch Size', DEFAULT_TAG_BATCH);
	return { appId, inboxType, op: mode === 'set' ? 0 : 1, userId, tags, form, tagSet: [...tags].sort().join('\n'), batchSize };
}

/** The key of a key:value tag (the whole tag when it has no ":"). */
const keyOf = (tag: string): string => {
	const at = tag.indexOf(':');
	return at < 0 ? tag : tag.slice(0, at);
};

/** Legacy `Tags` map of one user: `key:value` → {key: value}; a plain tag (or a key to delete) → {key: ""}. */
function legacyMap(plan: TagUpdatePlan): Record<string, string> {
	const out: Record<string, string> = {};
	for (const t of plan.tags) {
		const at = plan.op === 1 ? -1 : t.indexOf(':');
		Object.defineProperty(out, at < 0 ? t : t.slice(0, at), { value: at < 0 ? '' : t.slice(at + 1), enumerable: true, writable: true, configurable: true });
	}
	return out;
}

/** Items with the same key may share one call. */
const callKey = ({ plan: p }: PreparedItem<TagUpdatePlan>): string =>
	[p.appId, p.form, p.op, p.form === 'current' ? p.tagSet : p.inboxType].join('\u0000');

/**
 * Consecutive items share a call when they have the same app, form and mode — and, in the current
 * form (one tag list for all users of the call), the same tag set; in the legacy form, the same
 * inbox. A user never appears twice in one call.
 *
 * When no user appears in two items, the order between items cannot change any user's tags, so
 * items with the same key are first brought together (stable, by first appearance): 120 users with
 * 4 levels take 4 calls, not 120. When a user appears twice, input order is kept as it is.
 */
export function planCalls(items: Array<PreparedItem<TagUpdatePlan>>): Array<Array<PreparedItem<TagUpdatePlan>>> {
	const users = new Set(items.map(({ plan }) => `${plan.appId}|${plan.userId}`));
	let ordered = items;
	if (users.size === items.length) {
		const groups = new Map<string, Array<PreparedItem<TagUpdatePlan>>>();
		for (const item of items) {
			const k = callKey(item);
			const g = groups.get(k);
			if (g) g.push(item);
			else groups.set(k, [item]);
		}
		ordered = [...groups.values()].flat();
	}
	return planBatches(ordered, {
		max: (head) => head.plan.batchSize,
		compatible: (a, b) => callKey(a) === callKey(b),
		key: (item) => item.plan.userId,
	});
}

function requestBody(call: Array<PreparedItem<TagUpdatePlan>>): Record<string, unknown> {
	const head = call[0].plan;
	if (head.form === 'current') {
		// Field order as in the doc's request example.
		return { AppId: head.appId, UserIds: call.map(({ plan }) => plan.userId), Tags: head.tags, Op: head.op };
	}
	return { AppId: head.appId, InboxType: head.inboxType, UserTags: call.map(({ plan }) => ({ UserId: plan.userId, Tags: legacyMap(plan) })), Op: head.op };
}

export async function executeBatch(
	this: IExecuteFunctions,
	items: Array<PreparedItem<TagUpdatePlan>>,
): Promise<Map<number, ItemResult | Error>> {
	const out = new Map<number, ItemResult | Error>();
	const calls = planCalls(items);
	const concurrency = safeConcurrency(calls, (call) => call.map((x) => x.plan.userId), readDeliveryOptions(this, 0).concurrency);
	const stop: { error?: unknown } = {};
	await runPool(calls, concurrency, async (call) => {
		if (stop.error) return;
		try {
			// Idempotent: setting or deleting the same tags twice has the same effect.
			const { result, requestId } = await volcengineApiRequest.call(this, 'BatchUpdateUserTags', requestBody(call), {
				itemIndex: call[0].itemIndex,
				idempotent: true,
			});
			const failures = failedInfosByUser(result);
			for (const { itemIndex, plan } of call) {
				const f = failures.get(String(plan.userId));
				const json: IDataObject = {
					userId: String(plan.userId),
					mode: plan.op === 0 ? 'set' : 'delete',
					tags: plan.form === 'legacy' && plan.op === 0 ? legacyMap(plan) : plan.tags,
					apiForm: plan.form,
					status: f ? 'failed' : 'updated',
					requestId: requestId ?? null,
					batchSize: call.length,
				};
				if (f) Object.assign(json, f);
				out.set(itemIndex, json);
			}
		} catch (error) {
			if (!this.continueOnFail()) stop.error ??= toNodeError(this.getNode(), error, call[0].itemIndex);
			for (const { itemIndex } of call) out.set(itemIndex, error as Error);
		}
	});
	if (stop.error) throw stop.error;
	return out;
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { planBatches } from '../../../../shared/batching';
import { readDeliveryOptions } from '../../../../shared/delivery';
import { toNodeError } from '../../../../shared/errors';
import { runPool, safeConcurrency } from '../../../../shared/pool';
import { readOption, readParam } from '../../../../shared/params';
import type { ItemResult, PreparedItem } from '../../../../shared/router';
import { intInRange, int64Id, keyValueMap, listInput } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import { appIdField, inboxTypeOption } from '../../helpers/fields';

/**
 * BatchUpdateUserTags — volcengine-rtc.md §4.2 (current documented shape: UserTags + Op).
 * Many input items are coalesced into one call; each FailedInfos entry goes back to its item.
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
			{ name: 'Set', value: 'set', description: 'Add the tags, overwriting the value of keys that exist (Op 0)' },
			{ name: 'Delete', value: 'delete', description: 'Remove the tags with these keys (Op 1)' },
		],
	},
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'fixedCollection',
		placeholder: 'Add Tag',
		default: {},
		typeOptions: { multipleValues: true },
		displayOptions: { show: { mode: ['set'] } },
		options: [
			{
				displayName: 'Tag',
				name: 'pairs',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: 'level' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'vip' },
				],
			},
		],
	},
	{
		displayName: 'Tag Keys',
		name: 'tagKeys',
		type: 'string',
		default: '',
		placeholder: 'level, city',
		description: 'Keys to remove, separated by commas, or an array from an expression',
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
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				default: DEFAULT_TAG_BATCH,
				typeOptions: { minValue: 1, maxValue: 500, numberPrecision: 0 },
				description:
					'How many input items are combined into one call. The vendor does not document a maximum; 50 is a safe default.',
			},
			inboxTypeOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['userTag'], operation: ['update'] } }, properties);

const tagKeysSchema = listInput.pipe(
	z
		.array(z.string().trim().min(1, 'a key is empty').refine((k) => !k.includes(':'), 'a tag key cannot contain ":"'))
		.min(1, 'needs at least one key'),
);
const tagsSchema = keyValueMap({ keyPattern: /^[^:]+$/, keyRule: 'cannot contain ":"', valuePattern: /^[^:]*$/, valueRule: 'cannot contain ":"', requireValue: true }).refine(
	(t) => Object.keys(t).length > 0,
	'needs at least one tag',
);

export interface TagUpdatePlan {
	appId: number;
	inboxType: number;
	op: 0 | 1;
	userId: bigint;
	tags: Record<string, string>;
	batchSize: number;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<TagUpdatePlan> {
	const appId = await resolveAppId(this, i);
	const userId = readParam(this, 'userId', i, int64Id, 'User ID');
	const mode = readParam(this, 'mode', i, z.enum(['set', 'delete']), 'Mode', 'set');
	let tags: Record<string, string>;
	if (mode === 'set') tags = readParam(this, 'tags', i, tagsSchema, 'Tags', {});
	else tags = Object.fromEntries(readParam<string[]>(this, 'tagKeys', i, tagKeysSchema, 'Tag Keys', '').map((k) => [k, '']));
	const inboxType = readOption(this, 'options', 'inboxType', i, intInRange(0, 2147483647), 'Inbox Type', 0);
	const batchSize = readOption(this, 'options', 'batchSize', i, intInRange(1, 500), 'Batch Size', DEFAULT_TAG_BATCH);
	return { appId, inboxType, op: mode === 'set' ? 0 : 1, userId, tags, batchSize };
}

/** Consecutive items with the same app, inbox and mode share a call; a user never appears twice in one call. */
export function planCalls(items: Array<PreparedItem<TagUpdatePlan>>): Array<Array<PreparedItem<TagUpdatePlan>>> {
	return planBatches(items, {
		max: (head) => head.plan.batchSize,
		compatible: (a, b) => a.plan.appId === b.plan.appId && a.plan.inboxType === b.plan.inboxType && a.plan.op === b.plan.op,
		key: (item) => item.plan.userId,
	});
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
		const head = call[0].plan;
		const body = {
			AppId: head.appId,
			InboxType: head.inboxType,
			UserTags: call.map(({ plan }) => ({ UserId: plan.userId, Tags: plan.tags })),
			Op: head.op,
		};
		try {
			// Idempotent: setting or deleting the same tags twice has the same effect.
			const { result, requestId } = await volcengineApiRequest.call(this, 'BatchUpdateUserTags', body, {
				itemIndex: call[0].itemIndex,
				idempotent: true,
			});
			const failures = new Map<string, IDataObject>();
			for (const f of (result.FailedInfos ?? []) as IDataObject[]) failures.set(String(f.UserId), f);
			for (const { itemIndex, plan } of call) {
				const f = failures.get(String(plan.userId));
				const json: IDataObject = {
					userId: String(plan.userId),
					mode: plan.op === 0 ? 'set' : 'delete',
					tags: plan.op === 0 ? plan.tags : Object.keys(plan.tags),
					status: f ? 'failed' : 'updated',
					requestId: requestId ?? null,
					batchSize: call.length,
				};
				if (f) {
					json.code = String(f.Code ?? '');
					json.message = String(f.Message ?? '');
				}
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

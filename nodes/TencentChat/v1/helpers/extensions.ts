import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { fanOut, paginate, type CallShape } from '../../../shared/engine/callShapes';
import { countFields, entriesWith, Fate, statusOf } from '../../../shared/engine/outcomes';
import type { ItemReader } from '../../../shared/engine/reader';
import { text, toInt64Id, Refusal } from '../../../shared/schemas';
import { tencentApi, type TencentApi } from '../../transport/request';
import { tencentOperation } from './common';
import { camelEntry, listOf, readLimit, returnAllFields } from './reads';

/**
 * Message extensions (key-value pairs on a sent message; Pro editions, console switch "Set message
 * extension", the message sent with SupportMessageExtension 1), one-to-one and group alike:
 * set_key_values / group_set_key_values (trtc.io/document/51195, 52170): OperateType 1 set,
 * 2 delete, 3 clear all; ExtensionList ≤ 20 pairs per call, Key ≤ 100 bytes, Value ≤ 1,000
 * bytes, each with the Seq last read for that key (0 for a new key); the answer lists each pair
 * with its own ErrorCode. get_key_values / group_get_key_values (51194, 52169): pairs with Seq ≥
 * StartSeq, CompleteFlag 1 when all are returned, ≤ 300 pairs per message.
 * Fields: doocs/qcloud-im-server-sdk-java model/request/{SetKeyValuesRequest,GroupSetKeyValuesRequest,
 * GetKeyValuesRequest,GroupGetKeyValuesRequest}.java, model/response/{KeyValueSeq,ExtensionMsg,
 * GetKeyValuesResult}.java (Seq and StartSeq are Long: int64, kept exact here).
 */

export const MAX_EXTENSIONS_PER_CALL = 20;
const OPERATE = { set: 1, delete: 2, clear: 3 } as const;
type Operate = keyof typeof OPERATE;

export const setExtensionFields: INodeProperties[] = [
	{
		displayName: 'Action',
		name: 'operateType',
		type: 'options',
		default: 'set',
		options: [
			{ name: 'Set Keys', value: 'set', description: 'Create or change the given keys (OperateType 1)' },
			{ name: 'Delete Keys', value: 'delete', description: 'Remove the given keys (OperateType 2)' },
			{ name: 'Clear All', value: 'clear', description: 'Remove every key of the message (OperateType 3)' },
		],
	},
	{
		displayName: 'Extensions',
		name: 'extensions',
		type: 'fixedCollection',
		placeholder: 'Add Extension',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'Key-value pairs; sent in calls of 20',
		displayOptions: { show: { operateType: ['set', 'delete'] } },
		options: [
			{
				displayName: 'Extension',
				name: 'pairs',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: 'likes', description: 'Up to 100 bytes' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: '12', description: 'Up to 1,000 bytes (ignored when deleting)' },
					{
						displayName: 'Seq',
						name: 'seq',
						type: 'string',
						default: '0',
						description: 'The Seq of the key from Get Extensions, or 0 for a new key; Tencent refuses a change based on an older Seq',
					},
				],
			},
		],
	},
];

export interface Extension {
	Key: string;
	Value: string;
	Seq: bigint;
}

const seqText = (v: unknown): bigint | Refusal => (v === 0 || v === '0' || v === '' || v === undefined ? 0n : toInt64Id(v));
const pairSchema = z.object({ key: text({ maxBytes: 100 }), value: text({ maxBytes: 1000, allowEmpty: true }).optional(), seq: z.unknown() });

export function readExtensions(r: ItemReader): { operate: Operate; list: Extension[] } {
	const operate = r.param('operateType', z.enum(['set', 'delete', 'clear']), 'Action', 'set');
	if (operate === 'clear') return { operate, list: [] };
	const rows = (r.param('extensions', z.object({ pairs: z.array(z.unknown()).optional() }).passthrough(), 'Extensions', {}).pairs ?? []) as unknown[];
	if (rows.length === 0) r.fail('Invalid "Extensions" in item ' + r.itemIndex + ': needs at least one key', 'Add a key, or choose Clear All.');
	const seen = new Set<string>();
	const list = rows.map((row, k) => {
		const p = pairSchema.safeParse(row);
		if (!p.success) r.fail(`Invalid "Extensions[${k}]" in item ${r.itemIndex}: ${p.error.issues[0].path.join('.')} ${p.error.issues[0].message}`);
		const seq = seqText(p.data.seq);
		if (seq instanceof Refusal) r.fail(`Invalid "Extensions[${k}].Seq" in item ${r.itemIndex}: ${seq.message}`);
		if (seen.has(p.data.key)) r.fail(`Invalid "Extensions[${k}]" in item ${r.itemIndex}: key "${p.data.key}" is given twice`);
		seen.add(p.data.key);
		return { Key: p.data.key, Value: operate === 'delete' ? '' : (p.data.value ?? ''), Seq: seq };
	});
	return { operate, list };
}

/**
 * The set shape of both APIs: the pairs in calls of 20, one after the other (a later pair may be
 * the same message's next version); a pair the answer lists with an ErrorCode fails alone.
 */
export interface SetExtensionsPlan {
	operate: Operate;
	list: Extension[];
	/** The message's fields of the request (From_Account/To_Account/MsgKey or GroupId/MsgSeq). */
	target: Record<string, unknown>;
	/** The same, as the output shows them (camelCase, ids as text). */
	echo: IDataObject;
}

/** Clear All sends no pairs: one placeholder entry stands for the one call. */
const CLEAR: Extension = { Key: '*', Value: '', Seq: 0n };

export function setExtensionsShape(api: TencentApi): CallShape<SetExtensionsPlan, TencentApi> {
	return fanOut({
		list: (plan) => (plan.operate === 'clear' ? [CLEAR] : plan.list),
		max: () => MAX_EXTENSIONS_PER_CALL,
		ordered: true,
		idOf: (e) => e.Key,
		noun: 'keys',
		done: 'updated',
		async send(plan, chunk, _n, send) {
			const body: Record<string, unknown> = { ...plan.target, OperateType: OPERATE[plan.operate] };
			if (plan.operate !== 'clear') body.ExtensionList = chunk;
			const { result, requestId } = await send(api, body);
			const failed: Array<[string, number]> = [];
			for (const e of listOf(result, 'ExtensionList')) {
				const code = Number(e.ErrorCode ?? 0);
				if (code !== 0) failed.push([String((e.Extension as IDataObject | undefined)?.Key ?? ''), code]);
			}
			return { failed, requestId, value: listOf(result, 'ExtensionList').map((e) => camelEntry((e.Extension ?? {}) as IDataObject)) };
		},
		output(plan, r) {
			const status = statusOf(r);
			const out: IDataObject = {
				status: status === 'sent' ? (plan.operate === 'set' ? 'updated' : plan.operate === 'delete' ? 'deleted' : 'cleared') : status,
				action: plan.operate,
				...plan.echo,
				extensions: (r.values as IDataObject[][]).flat(),
				failed: [...r.failedCodes].map(([key, code]) => ({ key, code: String(code), reason: EXTENSION_REASONS[Number(code)] ?? 'refused by Tencent Chat' })),
				requestIds: r.requestIds,
			};
			if (r.chunkErrors.size) Object.assign(out, countFields(r), { notSent: entriesWith(r, Fate.NotSent, (e) => e.Key), errors: [...r.chunkErrors.values()] });
			return out;
		},
	});
}

/** Per-pair codes of the answer (client SDK error table, ERR_SVR_MSG_EXTENSION_*; unconfirmed on the REST pages). */
const EXTENSION_REASONS: Record<number, string> = { 23001: 'the key changed since the given Seq: read it again and retry' };

export const getExtensionProperties: INodeProperties[] = [
	...returnAllFields(),
	{ displayName: 'Start Seq', name: 'startSeq', type: 'string', default: '', placeholder: '2', description: 'Only keys whose Seq is at least this (StartSeq); empty: all' },
];

export interface GetExtensionsPlan {
	target: Record<string, unknown>;
	start: bigint;
	limit: number | undefined;
}

export function readGetExtensions(r: ItemReader, target: Record<string, unknown>): GetExtensionsPlan {
	const raw = r.param('startSeq', z.unknown(), 'Start Seq', '');
	const start = raw === '' || raw === undefined || raw === null ? 0n : toInt64Id(raw);
	if (start instanceof Refusal) r.fail(`Invalid "Start Seq" in item ${r.itemIndex}: ${start.message}`);
	return { target, start, limit: readLimit(r) };
}

/** Pages by StartSeq: the next page starts after the highest Seq returned, until CompleteFlag 1. */
export function getExtensionsShape(path: string): CallShape<GetExtensionsPlan, TencentApi> {
	return paginate({
		api: tencentApi(path, true),
		vendor: 'Tencent Chat',
		noun: 'keys',
		start: (plan) => plan.start,
		limit: (plan) => plan.limit,
		pageSize: () => 200,
		body: (plan, cursor) => ({ ...plan.target, ...(cursor > 0n ? { StartSeq: cursor } : {}) }),
		page(result) {
			const entries = listOf(result, 'ExtensionList');
			let top = -1n;
			for (const e of entries) {
				const s = toInt64Id(e.Seq);
				if (!(s instanceof Refusal) && s > top) top = s;
			}
			return { entries, hasMore: Number(result.CompleteFlag ?? 1) === 0, next: top >= 0n ? top + 1n : undefined, nextText: String(result.LatestSeq ?? '') };
		},
		map: camelEntry,
	});
}

/**
 * The two operations of one kind of message (one-to-one or group): Set … Extensions and Get …
 * Extensions, on the fields that name the message (`fields`, read by `readTarget`).
 */
export function extensionOperations(o: {
	resource: string;
	names: { set: string; get: string };
	what: string;
	vendorNames: { set: string; get: string };
	fields: INodeProperties[];
	readTarget: (r: ItemReader) => { target: Record<string, unknown>; echo: IDataObject };
	docs: { set: string; get: string };
}) {
	const setPath = `openim_msg_ext_http_svc/${o.vendorNames.set}`;
	const getPath = `openim_msg_ext_http_svc/${o.vendorNames.get}`;
	const setOp = tencentOperation<SetExtensionsPlan>({
		resource: o.resource,
		operation: o.names.set,
		option: { name: titleOf(o.names.set), description: `Set, delete or clear the key-value extensions of ${o.what} (${o.vendorNames.set})`, action: `Set extensions of ${o.what}` },
		properties: [...o.fields, ...setExtensionFields],
		read: (r) => ({ ...o.readTarget(r), ...readExtensions(r) }),
		orderKey: (plan) => `ext:${Object.values(plan.target).map(String).join('\u0000')}`,
		// Not repeated blindly: after a lost answer the pairs' Seq is stale, a repeat would be refused and look failed.
		shape: setExtensionsShape(tencentApi(setPath)),
		doc: { api: `\`${setPath}\``, limits: o.docs.set },
	});
	const getOp = tencentOperation<GetExtensionsPlan>({
		resource: o.resource,
		operation: o.names.get,
		option: { name: titleOf(o.names.get), description: `Get the key-value extensions of ${o.what} (${o.vendorNames.get})`, action: `Get extensions of ${o.what}` },
		properties: [...o.fields, ...getExtensionProperties],
		read: (r) => readGetExtensions(r, o.readTarget(r).target),
		shape: getExtensionsShape(getPath),
		doc: { api: `\`${getPath}\``, limits: o.docs.get },
	});
	return { setOp, getOp };
}

/** `setMessageExtensions` → `Set Message Extensions`. */
const titleOf = (camel: string) => camel.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

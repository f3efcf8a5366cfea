import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import type { CallShape } from '../../../../shared/engine/callShapes';
import { listInput, utf8Length } from '../../../../shared/schemas';
import { tencentApi, type TencentApi } from '../../../transport/request';
import { requestIdOf, type Body } from '../../helpers/common';
import { listOf } from '../../helpers/groupOps';

/**
 * Group counters — tencentcloud.com/document/product/1047/53427 (get), 53428 (update), 53429
 * (delete): GroupId, GroupCounterKeys (get, delete; none = all on get), GroupCounter of
 * { Key ≤ 128 bytes, Value int64 } ≤ 20 per call and Mode Set / Increase / Decrease (update); the
 * answers carry GroupCounter (menu §1.3; doocs/qcloud-im-server-sdk-java Get/Update/DeleteGroupCounterRequest.java,
 * model/group/GroupCounterItem.java: Value is a Long). Pro edition and up; not for Community groups.
 * Values are int64: read into bigints, sent with their exact digits, returned as decimal strings.
 */
export const MAX_KEYS = 20;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

const key = z
	.string()
	.trim()
	.min(1)
	.refine((k) => utf8Length(k) <= 128, 'has a key longer than 128 bytes');
export const keysSchema = listInput.pipe(z.array(key).max(MAX_KEYS, `has more than ${MAX_KEYS} keys`));

/** An int64 from a safe number or a decimal string (expressions often give strings; large values must). */
export const int64 = z.unknown().transform((v, ctx): bigint => {
	const s = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : typeof v === 'string' ? v.trim() : '';
	if (!/^-?\d{1,19}$/.test(s) || BigInt(s) < INT64_MIN || BigInt(s) > INT64_MAX) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a whole number between -9223372036854775808 and 9223372036854775807 (a larger one as text)' });
		return z.NEVER;
	}
	return BigInt(s);
});

export const keysField = (required: boolean, description: string): INodeProperties => ({
	displayName: 'Keys',
	name: 'keys',
	type: 'string',
	default: '',
	required,
	placeholder: 'likes, shares',
	description,
});

/** The counters of an answer, key → value as exact decimal text. */
export function countersOf(result: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const c of listOf(result, 'GroupCounter')) out[String(c.Key)] = String(c.Value ?? '0');
	return out;
}

/** One call on one group's counters: `{ status, groupId, counters, requestId }`. */
export const counterCall = (command: string, status: string, idempotent: (body: Body) => boolean = () => true): CallShape<{ body: Body }, TencentApi> => ({
	kind: 'item',
	async run({ body }, send) {
		const answer = await send(tencentApi(`group_open_http_svc/${command}`, idempotent(body)), body);
		return { status, groupId: String(body.GroupId), counters: countersOf(answer.result), requestId: requestIdOf(answer) };
	},
});

export const counterDoc = (command: string, what: string, page: string) => ({
	api: `\`group_open_http_svc/${command}\``,
	limits: `${what} Pro edition and up; not for communities. Values are whole numbers of up to 19 digits (64-bit), returned as exact decimal text. Sources: tencentcloud.com 1047/${page}; doocs \`GroupCounterItem.java\`.`,
});

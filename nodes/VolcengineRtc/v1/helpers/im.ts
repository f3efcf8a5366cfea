import { randomUUID } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { emptyAs, intInRange, int64Id, keyValueMap, listInput, text, utf8Length } from '../../../shared/schemas';

/**
 * Schemas and output mappers shared by the IM-style operations (volcengine-rtc.md §4.4–4.8).
 * Every int64 goes to the vendor as a bigint (a bare JSON number) and comes back out as a string.
 */

const INT64_MAX = 9223372036854775807n;

/** A list of int64 ids (array, or text separated by commas / new lines); at least one. */
export const int64List = (what: string) => listInput.pipe(z.array(int64Id).min(1, `needs at least one ${what}`));

/** Like `int64List`, but empty input is allowed (optional id lists such as Mentioned Users). */
export const optionalInt64List = listInput.pipe(z.array(int64Id));

/** An optional int64 id: empty means "not set". */
export const optionalInt64Id = emptyAs(int64Id);

/** An optional whole number in a range: empty (or null) means "not set". */
export const optionalInt = (min: number, max: number) => emptyAs(intInRange(min, max));

/** A cursor or index: an int64 that may be 0. Empty means "not set". */
export const optionalCursor = emptyAs(
	z.unknown().transform((v, ctx): bigint => {
		const s = typeof v === 'bigint' ? v.toString() : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : typeof v === 'string' ? v.trim() : undefined;
		if (s === undefined) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a whole number of 0 or more (give large values as text)' });
			return z.NEVER;
		}
		if (!/^\d{1,19}$/.test(s) || BigInt(s) > INT64_MAX) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a whole number from 0 to 9223372036854775807, got "${s.slice(0, 40)}"` });
			return z.NEVER;
		}
		return BigInt(s);
	}),
);

/**
 * Removes repeated ids, keeping the first occurrence (order kept). A long list of int64 ids is
 * first sorted as a BigInt64Array (8 bytes an id, outside the JS heap): without repeats (the usual
 * case) it comes back as it is, else only the repeated values are tracked. A Set of a million
 * bigints would hold ~50 MB of heap at the moment the list itself is largest.
 */
export function uniqueIds<T>(ids: T[]): T[] {
	if (ids.length > 1024 && ids.every((id) => typeof id === 'bigint' && id <= INT64_MAX && id >= -INT64_MAX - 1n)) {
		const sorted = BigInt64Array.from(ids as bigint[]).sort();
		let repeated: Set<bigint> | undefined;
		for (let k = 1; k < sorted.length; k++) if (sorted[k] === sorted[k - 1]) (repeated ??= new Set()).add(sorted[k]);
		if (!repeated) return ids;
		const seen = new Set<bigint>();
		const only = repeated;
		return ids.filter((id) => !only.has(id as bigint) || (seen.has(id as bigint) ? false : (seen.add(id as bigint), true)));
	}
	const seen = new Set<T>();
	return ids.filter((id) => (seen.has(id) ? false : (seen.add(id), true)));
}

/**
 * ClientMsgId (§4.4): the idempotency key of SendMessage / BatchSendGroupMessage. Given by the user
 * (an expression over their own message id makes re-runs de-duplicate too), or drawn once per item
 * in `prepare`, before the first attempt, so every retry of that item carries the same value.
 */
export const MAX_CLIENT_MSG_ID_BYTES = 128;
export const clientMsgIdInput = emptyAs(
	text({ maxBytes: MAX_CLIENT_MSG_ID_BYTES }).transform((s) => s.trim()),
	randomUUID,
);

/** User Ext (§4.7): at most 20 keys; key ≤ 50 bytes and not starting with "s:"; value ≤ 500 bytes. */
export const userExt = keyValueMap({ keyPattern: /^(?!s:)/, keyRule: 'cannot start with "s:" (reserved by the IM service)', maxValueBytes: 500 }).superRefine(
	(ext, ctx) => {
		const keys = Object.keys(ext);
		if (keys.length > 20) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `has ${keys.length} keys; the limit is 20` });
		const long = keys.find((k) => utf8Length(k) > 50);
		if (long !== undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `key "${long.slice(0, 60)}" is over 50 bytes` });
	},
);

// ---- output ----------------------------------------------------------------------------------

/** An int64 from a vendor answer as an exact string (`parseJson` already keeps unsafe ones as strings). */
export const idString = (v: unknown): string | null => (v === undefined || v === null || v === '' ? null : String(v));

/** FailedInfos (§4.2, §4.7) by user id. */
export function failedInfosByUser(result: IDataObject): Map<string, { code: string; message: string }> {
	const out = new Map<string, { code: string; message: string }>();
	for (const f of (Array.isArray(result.FailedInfos) ? result.FailedInfos : []) as IDataObject[]) {
		out.set(String(f.UserId), { code: String(f.Code ?? ''), message: String(f.Message ?? '') });
	}
	return out;
}

const MESSAGE_FIELDS: Record<string, string> = {
	AppId: 'appId',
	ConversationShortId: 'conversationShortId',
	ConversationType: 'conversationType',
	MessageId: 'messageId',
	Sender: 'sender',
	MsgType: 'msgType',
	Content: 'content',
	CreateTime: 'createTime',
	Status: 'status',
	Ext: 'ext',
	IndexInConversation: 'indexInConversation',
	RefMsgInfo: 'refMsgInfo',
};
const MESSAGE_ID_FIELDS = new Set(['conversationShortId', 'messageId', 'sender', 'indexInConversation']);

/** One message of GetMessages / GetConversationMessages (§4.8), int64 ids as strings, unknown fields kept. */
export function messageJson(m: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [k, v] of Object.entries(m)) {
		const name = MESSAGE_FIELDS[k] ?? k;
		if (MESSAGE_ID_FIELDS.has(name)) out[name] = idString(v);
		else if (name === 'refMsgInfo' && v && typeof v === 'object') {
			const r = v as IDataObject;
			out.refMsgInfo = {
				referencedMessageId: idString(r.ReferencedMessageId),
				hint: (r.Hint as string) ?? '',
				...(r.ReferencedMessageType !== undefined ? { referencedMessageType: r.ReferencedMessageType } : {}),
				...(r.Status !== undefined ? { status: r.Status } : {}),
			};
		} else out[name] = v as IDataObject[string];
	}
	return out;
}

import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { ItemReader } from '../../../shared/engine/reader';
import { collection, int64Id, intInRange } from '../../../shared/schemas';

/**
 * What the Tencent read operations share (message history, receipts, extensions, conversations):
 * Return All / Limit, the Page Size option, the one output mapping (camelCase keys, sequence
 * numbers and keys as text) and the int64-safe MsgSeq field. Numbers the JSON codec could not hold
 * exactly arrive as decimal strings (nodes/shared/json.ts), so `String()` keeps every digit.
 */

/** Return All / Limit: one home, shared/schemas/fields.ts. */
export { readLimit, returnAllFields } from '../../../shared/schemas';

/** The "Page Size" option of an API that returns at most `max` entries per call. */
export const pageSizeOptions = (max: number, what: string, extra: INodeProperties[] = []): INodeProperties =>
	collection([
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			default: max,
			typeOptions: { minValue: 1, maxValue: max, numberPrecision: 0 },
			description: `${what} asked for per call, 1 to ${max}`,
		},
		...extra,
	]);

export const readPageSize = (r: ItemReader, max: number): number => r.option('options', 'pageSize', intInRange(1, max), 'Page Size', max);

/** Keys whose values are identifiers or sequence numbers: always text in the output. */
const ID_KEY = /(Seq|Random|Key|Id|Cursor)$/;

/** `From_Account` → `fromAccount`, `C2CUnreadMsgNum` → `c2cUnreadMsgNum`, `MsgSeq` → `msgSeq`. */
export function camelKey(k: string): string {
	const s = k.replace(/_/g, '');
	const lead = /^[A-Z0-9]+(?=[A-Z][a-z]|$)/.exec(s)?.[0] ?? s[0];
	return lead.toLowerCase() + s.slice(lead.length);
}

/** One vendor entry with camelCase keys (top level; MsgBody elements stay as Tencent writes them), ids as text. */
export function camelEntry(entry: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [k, v] of Object.entries(entry)) {
		out[camelKey(k)] = ID_KEY.test(k) && (typeof v === 'number' || typeof v === 'bigint') ? String(v) : v;
	}
	return out;
}

/** The entries of an answer's list field (absent or not an array: none). */
export const listOf = (result: IDataObject, key: string): IDataObject[] => (Array.isArray(result[key]) ? (result[key] as IDataObject[]) : []);

/** A group message's MsgSeq: a positive integer, exact as text or bigint (never rounded through a double). */
export const msgSeqSchema = int64Id;

export const msgSeqField = (description: string): INodeProperties => ({
	displayName: 'Message Sequence Number',
	name: 'msgSeq',
	type: 'string',
	default: '',
	required: true,
	placeholder: '1024',
	description,
});

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { Fate, fateName, outcomeStatus, receiversWith, type FanOutResult } from '../fanout';
import { nodeOf } from '../params';

/**
 * The partial-output vocabulary of every operation that reaches several receivers (both vendors):
 * an item's `status`, each receiver's outcome, and the counts. The accounting itself (one byte per
 * receiver) is nodes/shared/fanout.ts, which the Tencent node still uses directly.
 */
export type ItemStatus = 'sent' | 'partial' | 'failed' | 'unknown';
export type ReceiverOutcome = 'delivered' | 'failed' | 'unknown' | 'notSent';

export { errorFor, Fate, fateName } from '../fanout';

/** `sent` all delivered; `failed` none delivered and none unknown; `unknown` none confirmed but some may have it; else `partial`. */
export const statusOf = (r: Pick<FanOutResult, 'counts'>): ItemStatus => outcomeStatus(r.counts);

/** deliveredCount, failedCount, unknownCount, notSentCount. */
export const countFields = (r: FanOutResult): IDataObject => ({
	deliveredCount: r.counts.delivered,
	failedCount: r.counts.failed,
	unknownCount: r.counts.unknown,
	notSentCount: r.counts.notSent,
});

/** The entries (ids) with one outcome, in input order. */
export const entriesWith = <E>(r: FanOutResult & { entries: E[] }, fate: Fate, idOf: (e: E) => string = String): string[] =>
	receiversWith(r, r.entries, idOf, fate);

/** The end of every fan-out lives in nodes/shared/fanout.ts (`settleFanOut`), called by the fanOut shape. */
export { describeTally, fanOutFails } from '../fanout';

// ---- the shared output vocabulary (node version 1.1 of both action nodes) -------------------

/**
 * From node version 1.1 on, both action nodes describe every receiver in the same words (README →
 * Outputs): `failed` entries `{ receiver, code, reason }` (the vendor's code as text and a readable
 * reason next to it), `unknown` and `notSent` lists of receivers, `messageIds` per receiver, `from`.
 * Version 1 keeps the field names of 0.1.0 (failedReceivers / failedAccounts, msgKeys, …), so saved
 * workflows that read them keep working.
 */
// nodeOf: n8n's getNode() deep-copies the node on every call; read once per execution.
export const sharedVocabulary = (ctx: IExecuteFunctions): boolean => nodeOf(ctx).typeVersion >= 1.1;

export interface FailedReceiver extends IDataObject {
	receiver: string;
	code: string;
	reason: string;
}

export interface ReceiverLists extends IDataObject {
	failed: FailedReceiver[];
	unknown: string[];
	notSent: string[];
}

/** A vendor code (and the receiver it names) in plain words. */
export type ReasonOf = (code: string | number, receiver: string) => string;

/** A receiver's failure in plain words, from the vendor's code (`reasonOf`) or from the refused call (`call`). */
function failureOf(r: FanOutResult, k: number, id: string, reasonOf: ReasonOf): FailedReceiver {
	const code = r.failedCodes.get(id);
	if (code !== undefined) return { receiver: id, code: String(code), reason: reasonOf(code, id) };
	// Not named by the vendor: the whole call was refused; the call's code and message say why.
	const call = r.chunkErrors.get(r.chunkOf(k));
	return { receiver: id, code: String(call?.code ?? call?.httpCode ?? 'refused'), reason: String(call?.error ?? 'the call carrying this receiver was refused') };
}

/**
 * Every receiver of a fan-out that did not end delivered, in input order: failed (with code and
 * reason), unknown (the call may or may not have been processed; a blind re-run could message them
 * twice), not sent. Lists are always present (empty when none), so a workflow can read them.
 */
export function receiverLists<E>(r: FanOutResult & { entries: E[] }, reasonOf: ReasonOf, idOf: (e: E) => string = String): ReceiverLists {
	const lists: ReceiverLists = { failed: [], unknown: [], notSent: [] };
	for (let k = 0; k < r.count; k++) {
		const f = r.fates[k];
		if (f === Fate.Delivered) continue;
		const id = idOf(r.entries[k]);
		if (f === Fate.Failed) lists.failed.push(failureOf(r, k, id, reasonOf));
		else if (f === Fate.Unknown) lists.unknown.push(id);
		else lists.notSent.push(id);
	}
	return lists;
}

/** One receiver's row (Output: One Item per Receiver), in the shared vocabulary: status, and code + reason unless delivered. */
export function receiverRow<E>(r: FanOutResult & { entries: E[] }, k: number, reasonOf: ReasonOf, idOf: (e: E) => string = String): IDataObject {
	const id = idOf(r.entries[k]);
	const f = r.fates[k];
	const row: IDataObject = { receiver: id, status: fateName(f) };
	if (f === Fate.Failed) {
		const { code, reason } = failureOf(r, k, id, reasonOf);
		Object.assign(row, { code, reason });
	} else if (f === Fate.Unknown) {
		const call = r.chunkErrors.get(r.chunkOf(k));
		row.reason = call ? `The answer to this receiver's call was lost: ${String(call.error ?? '')}` : 'The answer did not confirm this receiver';
	} else if (f !== Fate.Delivered) row.reason = 'Not sent: an earlier call was refused';
	return row;
}

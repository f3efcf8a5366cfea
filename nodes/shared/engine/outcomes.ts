import type { IDataObject } from 'n8n-workflow';
import { Fate, fanOutStatus, receiversWith, type FanOutResult } from '../fanout';

/**
 * The partial-output vocabulary of every operation that reaches several receivers (both vendors):
 * an item's `status`, each receiver's outcome, and the counts. The accounting itself (one byte per
 * receiver) is nodes/shared/fanout.ts, which the Tencent node still uses directly.
 */
export type ItemStatus = 'sent' | 'partial' | 'failed' | 'unknown';
export type ReceiverOutcome = 'delivered' | 'failed' | 'unknown' | 'notSent';

export { errorFor, Fate, fateName } from '../fanout';

/** `sent` every receiver delivered; `failed` none delivered and every call refused; else `partial`. */
export const statusOf = (r: FanOutResult): ItemStatus => fanOutStatus(r) as ItemStatus;

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

/**
 * The end of every fan-out: nothing went out (every call refused, unknown or skipped, and the
 * vendor named no receiver as failed) — the item fails with the first error instead of a summary.
 */
export function settle(r: FanOutResult): void {
	if (r.counts.delivered === 0 && r.failedCodes.size === 0 && r.firstError) throw r.firstError;
}

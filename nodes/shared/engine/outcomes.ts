import type { IDataObject } from 'n8n-workflow';
import { Fate, outcomeStatus, receiversWith, type FanOutResult } from '../fanout';

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

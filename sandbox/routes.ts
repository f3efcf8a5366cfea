/* eslint-disable */
// Sandbox code (not shipped): the one route-table shape of both vendor emulators.
//
// A vendor half is a gateway (authentication, envelope, dispatch) plus resource files, each of
// which exports a list of routes; `<vendor>/index.ts` composes them with `routeTable`. A route
// names its API as the vendor does (a Volcengine Action such as `BatchSendMessage`, or a Tencent
// path after `/v4/` such as `openim/sendmsg`), the quotas a call takes before it is handled, and
// the handler. The handler throws the vendor's own error (VolcError, TimError) and returns the
// success payload; the gateway alone writes the envelope (ResponseMetadata/Result, or
// ActionStatus/ErrorCode). The quota step is shared, so `throttleNext` works the same way for both.
import type { Sandbox } from './types';
import type { Vendor } from './faults';

export type Body = Record<string, unknown>;

/** One sliding-window quota (sandbox/limits.ts) a call takes from before it is handled. */
export interface QuotaRule {
	/** Quota-book key after the gateway's scope (`volc:`, `tim:<SdkAppId>:`); default the route's api. Routes that share one budget name the same key. */
	key?: string;
	limit: number;
	/** Default 1000: a rate per second. */
	windowMs?: number;
	/** Units one call takes (default 1); 0 = this call is not counted. */
	units?: (body: Body) => number;
	/** What the vendor answers when the quota is spent. */
	code: string | number;
	message: string;
}

/**
 * `Ctx` is the gateway's per-request context (the sandbox, the vendor's state, the clock, who
 * called); `Answer` is what a handler returns for the envelope. Vendor-specific route data (the
 * Volcengine Versions, the Tencent service family) is added by intersection: `Route<Ctx> & {…}`.
 */
export interface Route<Ctx, Answer = unknown> {
	/** Volcengine Action, or Tencent `<service>/<command>` (the path after /v4/). */
	api: string;
	/** Taken in order before the handler runs; the first one is the call rate (the one throttleNext refuses). */
	quotas?: QuotaRule[];
	/** What a forced throttle (throttleNext) answers when the route has no quota here (its limit is checked in the handler). */
	throttled?: Pick<QuotaRule, 'code' | 'message'>;
	handle(ctx: Ctx, body: Body): Answer;
}

/** Composes resource files' route lists into one table; an api listed twice is a programming error. */
export function routeTable<R extends Route<any, any>>(...lists: R[][]): ReadonlyMap<string, R> {
	const table = new Map<string, R>();
	for (const list of lists) {
		for (const r of list) {
			if (table.has(r.api)) throw new Error(`sandbox: route ${r.api} is defined twice`);
			table.set(r.api, r);
		}
	}
	return table;
}

/**
 * Takes the route's quotas (when limits are enforced), after any forced throttle armed with
 * `throttleNext(vendor, api, n)`, which refuses the first quota (or the route's `throttled` answer)
 * whether or not limits are enforced.
 * A refusal counts in `stats.throttled` and throws `refuse(rule)`, the vendor's own error.
 */
export function takeQuotas(
	sb: Sandbox,
	vendor: Vendor,
	scope: string,
	route: Route<any, any>,
	body: Body,
	now: number,
	refuse: (rule: Pick<QuotaRule, 'code' | 'message'>) => Error,
): void {
	const rules = route.quotas ?? [];
	const forced = rules[0] ?? route.throttled;
	if (forced && sb.throttles.draw(vendor, route.api)) {
		sb.stats.throttled++;
		throw refuse(forced);
	}
	if (!sb.config.enforceLimits) return;
	for (const rule of rules) {
		const units = rule.units ? rule.units(body) : 1;
		if (units <= 0) continue;
		if (!sb.quotas.take(`${scope}${rule.key ?? route.api}`, rule.limit, rule.windowMs ?? 1000, units, now, sb.config.limitScale)) {
			sb.stats.throttled++;
			throw refuse(rule);
		}
	}
}

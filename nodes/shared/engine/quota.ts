import type { RateRule } from '../limiter';
import { quotaRule, type DeliveryOptions } from '../delivery';

/**
 * The one quota type of both vendors: the limiter's `RateRule` (requests per second, receivers per
 * minute) plus what only the adapters need. `group` makes several APIs share one budget (the
 * limiter key); `perDay` is not paced (the limiter works per second and per minute) but tells the
 * adapter that a throttle answer means "spent for today".
 */
export interface Quota extends RateRule {
	group?: string;
	perDay?: number;
}

/** The rate rule the limiter enforces for one call: the documented quota with the Delivery overrides. */
export const ruleOf = (quota: Quota, options: DeliveryOptions): RateRule => quotaRule(quota, options);

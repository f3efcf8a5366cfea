/**
 * Volcengine RTC endpoints (volcengine-rtc.md §1). The region value is the signing region; the
 * overseas gateway's signing region is unconfirmed (§9), so both candidates are offered.
 */
export const VOLCENGINE_REGIONS = {
	'cn-north-1': { host: 'rtc.volcengineapi.com', label: 'China (cn-north-1)' },
	'ap-southeast-1': {
		host: 'open-ap-singapore-1.volcengineapi.com',
		label: 'Overseas, Singapore (ap-southeast-1)',
	},
	'ap-singapore-1': {
		host: 'open-ap-singapore-1.volcengineapi.com',
		label: 'Overseas, Singapore (ap-singapore-1 signing region)',
	},
} as const;

export type VolcengineRegion = keyof typeof VOLCENGINE_REGIONS;

export const VOLCENGINE_SERVICE = 'rtc';

/** IM-style messaging family (§4). */
export const IM_VERSION = '2020-12-01';
/** RTC real-time signalling family (§5). */
export const RTS_VERSION = '2023-07-20';

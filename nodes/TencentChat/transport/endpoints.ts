/** Tencent Cloud Chat data centers (tencent-chat.md §1.1). The domain must match the app's data center. */
export const TENCENT_REGIONS = {
	chinaMainland: { host: 'console.tim.qq.com', label: 'Chinese Mainland' },
	singapore: { host: 'adminapisgp.im.qcloud.com', label: 'Singapore' },
	seoul: { host: 'adminapikr.im.qcloud.com', label: 'Seoul' },
	tokyo: { host: 'adminapijpn.im.qcloud.com', label: 'Tokyo' },
	frankfurt: { host: 'adminapiger.im.qcloud.com', label: 'Frankfurt' },
	mumbai: { host: 'adminapiind.im.qcloud.com', label: 'Mumbai (older pages only)' },
	siliconValley: { host: 'adminapiusa.im.qcloud.com', label: 'Silicon Valley (USA)' },
	jakarta: { host: 'adminapiidn.im.qcloud.com', label: 'Jakarta' },
	riyadh: { host: 'adminapiksa.im.qcloud.com', label: 'Riyadh (unconfirmed domain)' },
} as const;

export type TencentRegion = keyof typeof TENCENT_REGIONS;

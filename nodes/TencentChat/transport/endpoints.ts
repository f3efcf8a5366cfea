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

/** The credential's "Push API": which family of all-user push, attribute and tag paths is called. */
export type TencentPushApi = 'legacy' | 'timpush';

/**
 * All-user push and its attribute/tag APIs exist twice: the legacy `v4/all_member_push/im_*`
 * (tencentcloud.com 1047/37166 ff., dobyte/tencent-im push/api.go, doocs/qcloud-im-server-sdk-java
 * core/Member.java) and the current Push service `v4/timpush/*` (1047/60561 push, trtc.io 60563
 * set_attr_name, 60568 add_tag, 60570/67823 clear_all_tags — the one whose name is not the legacy
 * name without "im_"). The other timpush names (get_attr_name, get_attr, set_attr, remove_attr,
 * get_tag, remove_tag) follow the seed spec's list (tencent-chat.md §4.8) and were not seen on a page.
 * Operations name the legacy path; `pushPath` maps it when the credential asks for the current API.
 */
export const TIMPUSH_PATHS: Readonly<Record<string, string>> = {
	'all_member_push/im_push': 'timpush/push',
	'all_member_push/im_set_attr_name': 'timpush/set_attr_name',
	'all_member_push/im_get_attr_name': 'timpush/get_attr_name',
	'all_member_push/im_get_attr': 'timpush/get_attr',
	'all_member_push/im_set_attr': 'timpush/set_attr',
	'all_member_push/im_remove_attr': 'timpush/remove_attr',
	'all_member_push/im_get_tag': 'timpush/get_tag',
	'all_member_push/im_add_tag': 'timpush/add_tag',
	'all_member_push/im_remove_tag': 'timpush/remove_tag',
	'all_member_push/im_remove_all_tags': 'timpush/clear_all_tags',
};

export const pushPath = (path: string, api: TencentPushApi): string => (api === 'timpush' ? (TIMPUSH_PATHS[path] ?? path) : path);

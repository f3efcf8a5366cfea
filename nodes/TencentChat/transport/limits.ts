import type { ApiQuota } from '../../VolcengineRtc/transport/limits';

/**
 * Documented default quotas of the Tencent Chat REST APIs (tencent-chat.md §1.4), per SDKAppID.
 * The client paces itself to them (nodes/shared/limiter.ts); users can lower or raise them per node.
 */
export const DEFAULT_TENCENT_QUOTA: ApiQuota = { perSecond: 200 };

export const TENCENT_QUOTAS: Record<string, ApiQuota> = {
	'openim/batchsendmsg': { perSecond: 200, unitsPerMinute: 12000 },
	'group_open_http_svc/send_broadcast_msg': { perSecond: 1 },
	// > 1 s between pushes (90024).
	'all_member_push/im_push': { perSecond: 0.9 },
	'all_member_push/im_set_attr_name': { perSecond: 100 },
	'all_member_push/im_get_attr_name': { perSecond: 100 },
	'all_member_push/im_get_attr': { perSecond: 100 },
	'all_member_push/im_set_attr': { perSecond: 100 },
	'all_member_push/im_remove_attr': { perSecond: 100 },
	'all_member_push/im_get_tag': { perSecond: 100 },
	'all_member_push/im_add_tag': { perSecond: 100 },
	'all_member_push/im_remove_tag': { perSecond: 100 },
	'all_member_push/im_remove_all_tags': { perSecond: 100 },
	'im_open_login_svc/multiaccount_import': { perSecond: 100 },
	'im_open_login_svc/account_check': { perSecond: 100 },
};

export const tencentQuota = (path: string): ApiQuota => TENCENT_QUOTAS[path] ?? DEFAULT_TENCENT_QUOTA;

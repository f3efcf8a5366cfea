import type { Quota } from '../../shared/engine/quota';

/**
 * Documented default quotas of the Tencent Chat REST APIs (tencent-chat.md §1.4), per SDKAppID.
 * The client paces itself to them (nodes/shared/limiter.ts); users can lower or raise them per node.
 */
export const DEFAULT_TENCENT_QUOTA: Quota = { perSecond: 200 };

export const TENCENT_QUOTAS: Record<string, Quota> = {
	'openim/batchsendmsg': { perSecond: 200, unitsPerMinute: 12000 },
	'group_open_http_svc/send_broadcast_msg': { perSecond: 1 },
	// "最高调用频率 1次/秒" on every version of the page (cloud.tencent.com/document/product/269/1614,
	// tencentcloud.com/document/product/1047/34960).
	'group_open_http_svc/get_appid_group_list': { perSecond: 1 },
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
	// The current Push service (TIMPush) paths: push > 1 s apart like im_push (tencentcloud.com
	// 1047/60561); attributes and tags 100/s (trtc.io 60563 set_attr_name, 60568 add_tag, 60570 clear_all_tags).
	'timpush/push': { perSecond: 0.9 },
	'timpush/set_attr_name': { perSecond: 100 },
	'timpush/get_attr_name': { perSecond: 100 },
	'timpush/get_attr': { perSecond: 100 },
	'timpush/set_attr': { perSecond: 100 },
	'timpush/remove_attr': { perSecond: 100 },
	'timpush/get_tag': { perSecond: 100 },
	'timpush/add_tag': { perSecond: 100 },
	'timpush/remove_tag': { perSecond: 100 },
	'timpush/clear_all_tags': { perSecond: 100 },
	'im_open_login_svc/multiaccount_import': { perSecond: 100 },
	'im_open_login_svc/account_check': { perSecond: 100 },
	// get_history: "10 calls per second" (tencentcloud.com/document/product/1047/34885).
	'open_msg_svc/get_history': { perSecond: 10 },
};

export const tencentQuota = (path: string): Quota => TENCENT_QUOTAS[path] ?? DEFAULT_TENCENT_QUOTA;

/**
 * Per-group message rate of send_group_msg: "每个群组每秒最多 40 条" — live groups (AVChatRoom)
 * take about 40 messages/s per group and discard the rest with MsgDropReason "MsgFreqCtrl"
 * (trtc.io/document/38173; cloud.tencent.com/document/product/269/1629). Paced per GroupId,
 * on top of the app-wide 200/s of the API.
 */
export const GROUP_MESSAGES_PER_SECOND: Quota = { perSecond: 40 };

/**
 * Daily quotas: an answer with one of these codes means "used up for today". It is never retried
 * within the run (a retry cannot succeed before the quota resets) and is not a throttle.
 * 90047: "Push times exceed the daily limit (default: 100)" (tencentcloud.com/document/product/1047/74196).
 */
export const DAILY_QUOTA_CODES: ReadonlyMap<number, string> = new Map([[90047, 'all-user pushes (default 100 per day)']]);

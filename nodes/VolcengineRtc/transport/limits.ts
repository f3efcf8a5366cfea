/**
 * Documented default quotas of the Volcengine RTC APIs (volcengine-rtc.md §4, §5). The client paces
 * itself to them (see nodes/shared/limiter.ts); users can lower or raise them per node.
 * `group` makes several actions share one budget; `unitsPerMinute` counts receivers.
 */
export interface ApiQuota {
	/** Requests per second. */
	perSecond: number;
	/** Receivers (messages) per minute, for APIs the vendor counts per receiver. */
	unitsPerMinute?: number;
	/** Actions with the same group share one requests-per-second budget. */
	group?: string;
}

export const DEFAULT_VOLCENGINE_QUOTA: ApiQuota = { perSecond: 50 };

export const VOLCENGINE_QUOTAS: Record<string, ApiQuota> = {
	UserBroadcast: { perSecond: 50 },
	BatchUpdateUserTags: { perSecond: 50 },
	BatchSendMessage: { perSecond: 50, unitsPerMinute: 12000 },
	SendMessage: { perSecond: 50 },
	BatchSendGroupMessage: { perSecond: 5 },
	RecallMessage: { perSecond: 50 },
	RegisterUsers: { perSecond: 50 },
	UnRegisterUsers: { perSecond: 50 },
	BatchGetUser: { perSecond: 100 },
	// QPS unconfirmed (§4.7, §4.8, §9), paced at the default 50/s: BatchUpdateUser, GetMessages,
	// GetConversationMessages, DeleteMessage, DeleteConversationMessage, ModifyMessage, QueryOnlineStatus.
	// §5: SendUnicast + SendRoomUnicast + SendBroadcast + BatchSendRoomUnicast ≤ 500 requests/s together.
	SendUnicast: { perSecond: 500, group: 'rts' },
	SendRoomUnicast: { perSecond: 500, group: 'rts' },
	SendBroadcast: { perSecond: 500, group: 'rts' },
	BatchSendRoomUnicast: { perSecond: 500, group: 'rts' },
};

export const volcengineQuota = (action: string): ApiQuota => VOLCENGINE_QUOTAS[action] ?? DEFAULT_VOLCENGINE_QUOTA;

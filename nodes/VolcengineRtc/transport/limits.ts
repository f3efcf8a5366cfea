import type { Quota } from '../../shared/engine/quota';

/**
 * Documented default quotas of the Volcengine RTC APIs (volcengine-rtc.md §4, §5). The client paces
 * itself to them (see nodes/shared/limiter.ts); users can lower or raise them per node.
 * `group` makes several actions share one budget; `unitsPerMinute` counts receivers; a throttle
 * of an action with `perDay` means "spent for today". One quota type for both vendors
 * (nodes/shared/engine/quota.ts); the old name stays as a local alias.
 */
export type ApiQuota = Quota;

export const DEFAULT_VOLCENGINE_QUOTA: ApiQuota = { perSecond: 50 };

export const VOLCENGINE_QUOTAS: Record<string, ApiQuota> = {
	// UserBroadcast: "该接口限制每天请求 20 次" — https://www.volcengine.com/docs/6348/1125997 (current page);
	// the older page's QPS 50 is kept as the per-second pace.
	UserBroadcast: { perSecond: 50, perDay: 20 },
	BatchUpdateUserTags: { perSecond: 50 },
	BatchSendMessage: { perSecond: 50, unitsPerMinute: 12000 },
	SendMessage: { perSecond: 50 },
	BatchSendGroupMessage: { perSecond: 5 },
	RecallMessage: { perSecond: 50 },
	RegisterUsers: { perSecond: 50 },
	UnRegisterUsers: { perSecond: 50 },
	BatchGetUser: { perSecond: 100 },
	// "QPS 不得超过 100", at most 20 messages per call — https://www.volcengine.com/docs/6348/337138
	GetConversationMessages: { perSecond: 100 },
	// Conversation administration (issue 14): "QPS 不得超过 50" — 6348/337013 (CreateConversation),
	// 6348/1208779 (GetAppToken); "QPS 不得超过 100" — 6348/337049 (GetUserConversations), 6348/337118
	// (BatchGetConversations); "最大请求次数：100 次/秒" — 6348/1223552 (GetMessagesReadReceipt).
	CreateConversation: { perSecond: 50 },
	GetAppToken: { perSecond: 50 },
	GetUserConversations: { perSecond: 100 },
	BatchGetConversations: { perSecond: 100 },
	GetMessagesReadReceipt: { perSecond: 100 },
	// Conversation members and access lists: QPS 100 for the reads (doc 6348/336992, 336993, 336996,
	// 788464, 1051347, 1051348); the writes are documented at 50, the default.
	BatchGetConversationParticipant: { perSecond: 100 },
	ScanConversationParticipantList: { perSecond: 100 },
	IsUserInConversation: { perSecond: 100 },
	BatchGetBlockParticipants: { perSecond: 100 },
	BatchGetWhitelistParticipant: { perSecond: 100 },
	QueryLiveParticipantStatus: { perSecond: 100 },
	// QPS unconfirmed (§4.7, §4.8, §9), paced at the default 50/s: BatchUpdateUser, GetMessages,
	// DeleteMessage, DeleteConversationMessage, ModifyMessage, QueryOnlineStatus.
	// Room control (RTC OpenAPI): doc 6348/1188353 (BanRoomUser 40), 1188351 (UpdateBanRoomUserRule 20),
	// 357742 (KickUser 60), 357815 (DismissRoom 60), 1188354 (BanUserStream 60), 80655 (UnbanUserStream 60).
	BanRoomUser: { perSecond: 40 },
	UpdateBanRoomUserRule: { perSecond: 20 },
	KickUser: { perSecond: 60 },
	DismissRoom: { perSecond: 60 },
	BanUserStream: { perSecond: 60 },
	UnbanUserStream: { perSecond: 60 },
	// 6348/1188352
	LimitTokenPrivilege: { perSecond: 40 },
	// §5: SendUnicast + SendRoomUnicast + SendBroadcast + BatchSendRoomUnicast ≤ 500 requests/s together.
	SendUnicast: { perSecond: 500, group: 'rts' },
	SendRoomUnicast: { perSecond: 500, group: 'rts' },
	SendBroadcast: { perSecond: 500, group: 'rts' },
	BatchSendRoomUnicast: { perSecond: 500, group: 'rts' },
};

export const volcengineQuota = (action: string): ApiQuota => VOLCENGINE_QUOTAS[action] ?? DEFAULT_VOLCENGINE_QUOTA;

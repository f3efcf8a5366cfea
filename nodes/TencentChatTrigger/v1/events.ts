import type { TriggerEvent } from '../../shared/triggerScaffold';

/**
 * Every Tencent Chat webhook command the trigger lists, as [CallbackCommand, name people say, what
 * happened]. The CallbackCommand is the option value: saved workflows keep working when a name
 * changes.
 *
 * Sources, cross-checked:
 * - the Webhooks menu of the Chat server API docs, all 36 commands with their page ids
 *   (shared/specs/tencent-chat-menu.md §2.1; "Webhook Command List" https://www.tencentcloud.com/document/product/1047/34355,
 *   the newer ones on their own pages: Alert.RequestOverLimit D·60256, Group.CallbackAfterMemberFieldChanged D·60393,
 *   Group.CallbackAfterGroupAttrChanged D·60394, Group.CallbackAfterReadReceipt D·60395,
 *   Group.CallbackAfterChangeGroupOwner D·60396, Chatbot.OnC2CSignalMessage D·59057);
 * - doocs/qcloud-im-server-sdk-java src/main/java/io/github/doocs/im/constant/CallbackCommand.java: all 36,
 *   plus Bot.*, Group.CallbackOnDailyGroupQuotaAlarm, ContentCallback.ResultNotify, OfficialAccount.*, Push.*
 *   (listed here too: they are real commands a console can switch on);
 * - dobyte/tencent-im callback/callback.go: the 21 older commands (State, Sns, C2C, Group up to
 *   CallbackAfterGroupInfoChanged), all agreeing;
 * - Follow.* (tencent-chat.md §8.4) and C2C.CallbackAfterModifyMsg (https://cloud.tencent.com/document/product/269/128224)
 *   are in neither SDK.
 * There is no `C2C.CallbackAfterReadReceipt`: one-to-one reads are C2C.CallbackAfterMsgReport, read
 * receipts of group messages Group.CallbackAfterReadReceipt.
 */
export const TENCENT_EVENTS: readonly TriggerEvent[] = [
	// Operations and online status
	['Alert.RequestOverLimit', 'API calls near the rate limit', 'An API of the app was called at more than 80% of its rate limit'],
	['State.StateChange', 'User logged in, logged out or disconnected', "A user's online status changed"],
	// Profiles and relationships
	['Profile.CallbackPortraitSet', 'User updated their profile', 'A user changed their profile (nickname, avatar and other fields)'],
	['Sns.CallbackPrevFriendAdd', 'Before a user adds a friend', 'A user is about to add friends; your answer can refuse each of them'],
	['Sns.CallbackPrevFriendResponse', 'Before a user answers a friend request', 'A user is about to accept or decline friend requests; your answer can refuse each of them'],
	['Sns.CallbackFriendAdd', 'User added a friend', 'Two users became friends'],
	['Sns.CallbackFriendDelete', 'User removed a friend', 'A user removed someone from their friends'],
	['Sns.CallbackBlackListAdd', 'User blocked someone', 'A user added someone to their blocklist'],
	['Sns.CallbackBlackListDelete', 'User unblocked someone', 'A user removed someone from their blocklist'],
	['Follow.CallbackAfterFollowAdd', 'User followed someone', 'A user started following another user'],
	['Follow.CallbackAfterFollowDelete', 'User unfollowed someone', 'A user stopped following another user'],
	// One-to-one messages
	['C2C.CallbackBeforeSendMsg', 'Before a one-to-one message is sent', 'A user is sending a one-to-one message; your answer can let it through, refuse it or change it'],
	['C2C.CallbackAfterSendMsg', 'One-to-one message sent', 'A one-to-one message was delivered'],
	['C2C.CallbackAfterMsgReport', 'One-to-one message read', 'A user marked a one-to-one conversation as read'],
	['C2C.CallbackAfterMsgWithDraw', 'One-to-one message recalled', 'A one-to-one message was recalled'],
	['C2C.CallbackAfterModifyMsg', 'One-to-one message edited', 'A one-to-one message was edited after it was sent'],
	// Groups
	['Group.CallbackBeforeCreateGroup', 'Before a group is created', 'A user is creating a group; your answer can refuse it'],
	['Group.CallbackAfterCreateGroup', 'Group created', 'A group was created'],
	['Group.CallbackBeforeApplyJoinGroup', 'Before a user asks to join a group', 'A user is asking to join a group; your answer can refuse it'],
	['Group.CallbackBeforeInviteJoinGroup', 'Before users are invited to a group', 'Users are being invited to a group; your answer can refuse some of them'],
	['Group.CallbackAfterNewMemberJoin', 'Member joined a group', 'Users joined a group (by request, invitation or an admin)'],
	['Group.CallbackAfterMemberExit', 'Member left a group', 'Users left a group or were removed from it'],
	['Group.CallbackBeforeSendMsg', 'Before a message is sent in a group', 'A user is sending a group message; your answer can let it through, refuse it or change it'],
	['Group.CallbackAfterSendMsg', 'Message sent in a group', 'A group message was delivered'],
	['Group.CallbackSendMsgException', 'Group message failed to send', 'A group message was not sent (bad parameters, too many messages, …)'],
	['Group.CallbackAfterRecallMsg', 'Group message recalled', 'Group messages were recalled'],
	['Group.CallbackAfterReadReceipt', 'Group message read by members', 'Members sent read receipts for group messages'],
	['Group.CallbackAfterGroupFull', 'Group is full', 'A group reached its member limit'],
	['Group.CallbackAfterGroupDestroyed', 'Group disbanded', 'A group was disbanded'],
	['Group.CallbackAfterGroupInfoChanged', 'Group profile changed', "A group's name, introduction, notice or avatar changed"],
	['Group.CallbackAfterGroupAttrChanged', 'Group attributes changed', "A group's custom attributes were set, cleared, reset or deleted"],
	['Group.CallbackAfterMemberFieldChanged', 'Group member profile changed', "A member's role, name card or custom fields changed"],
	['Group.CallbackAfterChangeGroupOwner', 'Group owner changed', 'The ownership of a group was transferred'],
	['Group.CallbackOnMemberStateChange', 'Live group member went online or offline', 'A member of an audio-video group (AVChatRoom) went online or offline'],
	['Group.CallbackOnDailyGroupQuotaAlarm', 'Daily group quota nearly used up', "The app's daily net new groups came close to its limit"],
	['Group.CallbackBeforeCreateTopic', 'Before a topic is created in a community', 'A user is creating a topic in a community group; your answer can refuse it'],
	['Group.CallbackAfterCreateTopic', 'Topic created in a community', 'A topic was created in a community group'],
	['Group.CallbackAfterTopicDestroyed', 'Topic deleted in a community', 'A topic of a community group was deleted'],
	['Group.CallbackAfterTopicInfoChanged', 'Topic profile changed', "A community topic's name, introduction, notice or avatar changed"],
	// Chatbots, moderation
	['Bot.OnC2CMessage', 'Chatbot received a one-to-one message', 'A user sent a one-to-one message to a chatbot'],
	['Bot.OnGroupMessage', 'Chatbot mentioned in a group', 'A group message mentioned a chatbot'],
	['Chatbot.OnC2CSignalMessage', 'Chatbot received pass-through data', 'The app sent custom pass-through content to a chatbot; your answer carries what goes back'],
	['ContentCallback.ResultNotify', 'Moderation result ready', 'Cloud moderation finished checking a piece of content'],
	// Official accounts (channels users subscribe to)
	['OfficialAccount.CallbackBeforeCreateOfficialAccount', 'Before an official account is created', 'An official account (a channel users subscribe to) is being created; your answer can refuse it'],
	['OfficialAccount.CallbackAfterCreateOfficialAccount', 'Official account created', 'An official account (a channel users subscribe to) was created'],
	['OfficialAccount.CallbackAfterOfficialAccountInfoChanged', 'Official account profile changed', "An official account's profile changed"],
	['OfficialAccount.CallbackAfterOfficialAccountDestroyed', 'Official account deleted', 'An official account was deleted'],
	['OfficialAccount.CallbackBeforeAddSubscriber', 'Before a user subscribes to an official account', 'A user is subscribing to an official account; your answer can refuse it'],
	['OfficialAccount.CallbackAfterAddSubscriber', 'User subscribed to an official account', 'A user subscribed to an official account'],
	['OfficialAccount.CallbackAfterOfficialAccountFull', 'Official account is full', 'An official account reached its subscriber limit'],
	['OfficialAccount.CallbackAfterDeleteSubscriber', 'Subscriber removed from an official account', 'Subscribers left or were removed from an official account'],
	['OfficialAccount.CallbackBeforeSendMsg', 'Before an official account message is sent', 'An official account is sending a message; your answer can let it through, refuse it or change it'],
	['OfficialAccount.CallbackAfterSendMsg', 'Official account message sent', 'An official account message was delivered'],
	['OfficialAccount.CallbackAfterMsgWithDraw', 'Official account message recalled', 'An official account message was recalled'],
	// Push
	['Push.OfflinePush', 'Push notification result', 'The result of an offline push notification to devices'],
	['Push.AllMemberPush', 'Push to all users result', 'The result of a push to all users (or to users with given attributes or tags)'],
];

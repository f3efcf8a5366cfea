// Sandbox code (not shipped): Tencent Chat community topics — create_topic, destroy_topic,
// get_topic, modify_topic (million_group_open_http_svc) and import_topic (group_open_http_svc)
// (tencentcloud.com 1047/49468–49471, 53448; doocs *GroupTopicRequest.java). A custom TopicId is
// "<GroupId>@TOPIC#_<part>" (49471).
import { bytes, groupOf, stringField, TimError, UINT32_MAX } from './fields';
import { extraOf, type TencentTopic } from './groupExtra';
import { route, type TimRoute } from './route';
import type { TencentGroup, TimCtx } from './state';

/** Topics exist only in Community groups created with SupportTopic (sandbox: 10007 otherwise). */
function communityOf(ctx: TimCtx, body: Record<string, unknown>): TencentGroup {
	const g = groupOf(ctx, body);
	if (g.type !== 'Community' || !g.supportTopic) throw new TimError(10007, `${g.groupId} is not a topic-enabled community`);
	return g;
}

function profile(body: Record<string, unknown>, t: Partial<TencentTopic>) {
	const custom = stringField(body, 'CustomString', 10004, false);
	if (custom !== undefined && bytes(custom) > 3000) throw new TimError(10004, 'CustomString is longer than 3000 bytes');
	const from = stringField(body, 'From_Account', 10004, false);
	if (custom !== undefined) t.customString = custom;
	for (const [k, f] of [['FaceUrl', 'faceUrl'], ['Notification', 'notification'], ['Introduction', 'introduction']] as const) {
		const v = stringField(body, k, 10004, false);
		if (v !== undefined) t[f] = v;
	}
	return from;
}

function newTopic(ctx: TimCtx, body: Record<string, unknown>, createTime: number) {
	const g = communityOf(ctx, body);
	const name = stringField(body, 'TopicName', 10004, true);
	const topics = extraOf(g, ctx.nowSec).topics;
	let id = stringField(body, 'TopicId', 10004, false);
	if (id !== undefined && !id.startsWith(`${g.groupId}@TOPIC#_`)) throw new TimError(10004, `TopicId must be "${g.groupId}@TOPIC#_<your part>"`);
	if (id !== undefined && topics.has(id)) throw new TimError(10021, `TopicId ${id} is already used`);
	id ??= `${g.groupId}@TOPIC#_${topics.size + 1}`;
	const t: TencentTopic = { topicId: id, name, createTime, muteAll: false };
	const from = profile(body, t);
	if (from !== undefined && !g.members.has(from)) throw new TimError(10007, `From_Account ${from} is not a member of ${g.groupId}`);
	topics.set(id, t);
	return { TopicId: id };
}

const create_topic = (ctx: TimCtx, body: Record<string, unknown>) => newTopic(ctx, body, ctx.nowSec);

function import_topic(ctx: TimCtx, body: Record<string, unknown>) {
	const at = body.CreateTime;
	if (at !== undefined && (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > UINT32_MAX)) throw new TimError(10004, 'CreateTime must be Unix seconds');
	return newTopic(ctx, body, (at as number | undefined) ?? ctx.nowSec);
}

function destroy_topic(ctx: TimCtx, body: Record<string, unknown>) {
	const g = communityOf(ctx, body);
	const ids = body.TopicIdList;
	if (!Array.isArray(ids) || ids.length === 0 || ids.some((x) => typeof x !== 'string')) throw new TimError(10004, 'TopicIdList must be a non-empty array of strings');
	const topics = extraOf(g).topics;
	return { DestroyResultItem: (ids as string[]).map((id) => (topics.delete(id) ? { TopicId: id, ErrorCode: 0, ErrorInfo: '' } : { TopicId: id, ErrorCode: 10010, ErrorInfo: 'topic does not exist' })) };
}

function topicJson(g: TencentGroup, t: TencentTopic) {
	return {
		TopicId: t.topicId, TopicName: t.name, GroupID: g.groupId, CreateTime: t.createTime, FaceUrl: t.faceUrl ?? '', Notification: t.notification ?? '',
		Introduction: t.introduction ?? '', CustomString: t.customString ?? '', ShutUpAllFlag: t.muteAll ? 1 : 0, NextMsgSeq: 1, LastMsgTime: 0,
	};
}

function get_topic(ctx: TimCtx, body: Record<string, unknown>) {
	const g = communityOf(ctx, body);
	const from = stringField(body, 'From_Account', 10004, true);
	if (!g.members.has(from)) throw new TimError(10007, `From_Account ${from} is not a member of ${g.groupId}`);
	const topics = extraOf(g).topics;
	const ids = Array.isArray(body.TopicIdList) && body.TopicIdList.length ? (body.TopicIdList as string[]) : [...topics.keys()];
	return {
		TopicAndSelfInfo: ids.map((id) => {
			const t = topics.get(id);
			if (!t) return { ErrorCode: 10010, ErrorInfo: `topic ${id} does not exist`, TopicInfo: { TopicId: id } };
			return { ErrorCode: 0, ErrorInfo: '', TopicInfo: topicJson(g, t), SelfInfo: { MsgFlag: 'AcceptAndNotify', ReadedSeq: 0, JoinTime: 0 } };
		}),
	};
}

function modify_topic(ctx: TimCtx, body: Record<string, unknown>) {
	const g = communityOf(ctx, body);
	const id = stringField(body, 'TopicId', 10004, true);
	const t = extraOf(g).topics.get(id);
	if (!t) throw new TimError(10010, `Topic ${id} does not exist`);
	const mute = stringField(body, 'MuteAllMember', 10004, false);
	if (mute !== undefined && mute !== 'On' && mute !== 'Off') throw new TimError(10004, 'MuteAllMember must be On or Off');
	const next = { ...t };
	profile(body, next);
	const name = stringField(body, 'TopicName', 10004, false);
	if (name !== undefined) next.name = name;
	if (mute !== undefined) next.muteAll = mute === 'On';
	extraOf(g).topics.set(id, next);
	return {};
}

export const topicRoutes: TimRoute[] = [
	route('million_group_open_http_svc/create_topic', 'group', 200, create_topic),
	route('million_group_open_http_svc/destroy_topic', 'group', 200, destroy_topic),
	route('million_group_open_http_svc/get_topic', 'group', 200, get_topic),
	route('million_group_open_http_svc/modify_topic', 'group', 200, modify_topic),
	route('group_open_http_svc/import_topic', 'group', 200, import_topic),
];

// Sandbox code (not shipped): Volcengine live-group member actions — admins, member profiles and
// status (Go SDK volc-sdk-golang service/im/model.go; doc pages 6348/1051343, 1051348, 1162951).
import type { Body } from '../routes';
import { arrayField, int64Field, intField, objectEntry, stringField, stringMap, VolcError } from './fields';
import { detailsOf, liveGroupIn, memberDetail, userIds } from './memberState';
import { action, type VolcRoute } from './route';
import type { VolcCtx } from './state';

function managers(api: string, listKey: string, role: number) {
	return (ctx: VolcCtx, body: Body) => {
		const conv = liveGroupIn(ctx, body, api);
		int64Field(body, 'Operator');
		const failed: bigint[] = [];
		for (const id of userIds(body, listKey)) {
			// Only members can be admins; the owner keeps its role.
			if (!conv.members.has(id) || id === conv.owner) failed.push(id);
			else conv.members.set(id, role);
		}
		return { FailedManagerUserIds: failed };
	};
}

/** "一次最多支持 10 个成员" (6348/1162951). */
const MAX_LIVE_UPDATE = 10;

function BatchUpdateLiveParticipants(ctx: VolcCtx, body: Body) {
	const conv = liveGroupIn(ctx, body, 'BatchUpdateLiveParticipants');
	const infos = arrayField(body, 'ParticipantInfos').map((x, i) => objectEntry(x, `ParticipantInfos[${i}]`));
	if (infos.length === 0) throw new VolcError('InvalidParameter', 'ParticipantInfos is empty');
	if (infos.length > MAX_LIVE_UPDATE) throw new VolcError('InvalidParameter.UserCountOverLimit', `ParticipantInfos has ${infos.length} members; the limit is ${MAX_LIVE_UPDATE}`);
	const markAction = body.MarkAction === undefined ? 1 : intField(body, 'MarkAction', false);
	if (markAction !== 1 && markAction !== 2) throw new VolcError('InvalidParameter', 'MarkAction must be 1 or 2');
	const failed: Array<{ UserId: bigint; Code: string; Message: string }> = [];
	for (const info of infos) {
		const id = int64Field(info, 'UserId')!;
		const nick = stringField(info, 'NickName', false);
		const avatar = stringField(info, 'AvatarUrl', false);
		const ext = stringMap(info, 'Ext');
		// "AvatarUrl、NickName和Ext均为非必填参数,但是至少需要填一个,否则服务端会报错"
		if (nick === undefined && avatar === undefined && ext === undefined) throw new VolcError('InvalidParameter', `ParticipantInfos entry of ${id} needs AvatarUrl, NickName or Ext`);
		const marks = info.Marks === undefined || info.Marks === null ? [] : arrayField(info, 'Marks').map((m, i) => stringField({ [`Marks[${i}]`]: m }, `Marks[${i}]`, true)!);
		if (!conv.members.has(id)) {
			// The doc's example failure.
			failed.push({ UserId: id, Code: 'ParticipantNotInConversation', Message: 'participant not in conversation' });
			continue;
		}
		const m = memberDetail(ctx, conv, id);
		if (nick !== undefined) m.nickName = nick;
		if (avatar !== undefined) m.avatarUrl = avatar;
		if (ext !== undefined) m.ext = ext;
		for (const mark of marks) {
			if (markAction === 1) m.marks.add(mark);
			else m.marks.delete(mark);
		}
	}
	return failed.length ? { FailedInfos: failed } : {};
}

/** "一次最多支持查询 200 个群成员状态。如查询群成员数超过 200,只返回前 200 个成员状态" (6348/1051348). */
const MAX_STATUS = 200;

function QueryLiveParticipantStatus(ctx: VolcCtx, body: Body) {
	const conv = liveGroupIn(ctx, body, 'QueryLiveParticipantStatus');
	const ids = userIds(body, 'ParticipantUserIds', Number.MAX_SAFE_INTEGER).slice(0, MAX_STATUS);
	const d = detailsOf(conv);
	return {
		Status: ids.map((id) => ({
			AppId: conv.appId,
			ConversationShortId: conv.shortId,
			ParticipantUserId: id,
			IsInConversation: conv.members.has(id),
			CreateTime: conv.members.has(id) ? memberDetail(ctx, conv, id).createTime : (d.members.get(id)?.createTime ?? 0),
		})),
	};
}

export const liveRoutes: VolcRoute[] = [
	action('BatchAddManager', 50, managers('BatchAddManager', 'ManagerUserIds', 2), { size: ['ManagerUserIds'] }),
	action('BatchRemoveManager', 50, managers('BatchRemoveManager', 'RemoveManagerUserIds', 0), { size: ['RemoveManagerUserIds'] }),
	action('BatchUpdateLiveParticipants', 50, BatchUpdateLiveParticipants, { size: ['ParticipantInfos'] }),
	action('QueryLiveParticipantStatus', 100, QueryLiveParticipantStatus, { size: ['ParticipantUserIds'] }),
];

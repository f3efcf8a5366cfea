import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { collection, keyValueMap } from '../../../../shared/schemas';
import { extOption, appIdField } from '../../helpers/fields';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { conversationLocator, memberField, readConversationId, readMember } from '../../helpers/conversations';
import { getSettingsApi, settingsJson } from './getSettings.operation';

/**
 * ModifyConversationSetting — volc-sdk-golang service/im/model.go
 * ModifyConversationSettingBodyConversationSettingInfo: IsMute ("默认值为 false"), IsStickTop /
 * IsSetFavorite ("是否需要修改置顶/收藏时间") with StickTopTime / SetFavoriteTime (ms; GetConversationSetting
 * reads 0 as "not pinned" / "not a favourite"), Ext.
 * Because a missing IsMute means false, the node first reads the member's settings
 * (GetConversationSetting) and sends the current IsMute unless you change it, so pinning a
 * conversation never unmutes it. Pin / favourite set the time to now, unpin / unfavourite to 0.
 */

const bool = z.boolean({ invalid_type_error: 'must be true or false' });
const api = imApi('ModifyConversationSetting', true); // the same settings twice have the same effect

interface Plan {
	appId: number;
	conversationShortId: bigint;
	participantUserId: bigint;
	mute?: boolean;
	pinned?: boolean;
	favorite?: boolean;
	ext?: Record<string, string>;
	at: number;
}

export const updateSettings = volcengineOperation<Plan>({
	resource: 'conversation',
	operation: 'updateSettings',
	option: {
		name: 'Update Member Settings',
		description: "Mute, pin or favourite a conversation for one member, or change the member's Ext (ModifyConversationSetting)",
		action: "Update a member's settings of a conversation",
	},
	properties: [
		appIdField,
		conversationLocator('The conversation'),
		memberField('Member whose settings to change'),
		collection(
			[
				{ ...extOption, description: "The member's key/value pairs for this conversation (Ext)" },
				{ displayName: 'Favourite', name: 'favorite', type: 'boolean', default: true, description: 'Whether the conversation is a favourite of the member (IsSetFavorite, SetFavoriteTime)' },
				{ displayName: 'Muted', name: 'mute', type: 'boolean', default: true, description: 'Whether the member gets no notifications for it (IsMute)' },
				{ displayName: 'Pinned', name: 'pinned', type: 'boolean', default: true, description: "Whether it is pinned to the top of the member's list (IsStickTop, StickTopTime)" },
			],
			'Update Fields',
			'updateFields',
		),
	],
	async read(r) {
		const plan: Plan = { appId: await resolveAppId(r), conversationShortId: readConversationId(r), participantUserId: readMember(r), at: Date.now() };
		if (r.has('updateFields', 'mute')) plan.mute = r.option('updateFields', 'mute', bool, 'Muted', true);
		if (r.has('updateFields', 'pinned')) plan.pinned = r.option('updateFields', 'pinned', bool, 'Pinned', true);
		if (r.has('updateFields', 'favorite')) plan.favorite = r.option('updateFields', 'favorite', bool, 'Favourite', true);
		if (r.has('updateFields', 'ext')) {
			const ext = r.option('updateFields', 'ext', keyValueMap(), 'Extra Fields (Ext)', {});
			if (Object.keys(ext).length) plan.ext = ext;
		}
		if (plan.mute === undefined && plan.pinned === undefined && plan.favorite === undefined && plan.ext === undefined) {
			r.fail(`"Update Fields" is empty in item ${r.itemIndex}`, 'Add at least one setting to change. Nothing was sent.');
		}
		return plan;
	},
	shape: {
		kind: 'item',
		async run(plan, send) {
			const ids = { ConversationShortId: plan.conversationShortId, ParticipantUserId: plan.participantUserId };
			let mute = plan.mute;
			if (mute === undefined) {
				const current = await send(getSettingsApi, { AppId: plan.appId, ...ids, NoReadIndex: true });
				mute = ((current.result.ConversationSettingInfo ?? {}) as IDataObject).IsMute === true;
			}
			const info: Body = { ...ids, IsMute: mute };
			if (plan.pinned !== undefined) Object.assign(info, { IsStickTop: true, StickTopTime: plan.pinned ? plan.at : 0 });
			if (plan.favorite !== undefined) Object.assign(info, { IsSetFavorite: true, SetFavoriteTime: plan.favorite ? plan.at : 0 });
			if (plan.ext) info.Ext = plan.ext;
			const { requestId } = await send(api, { AppId: plan.appId, ConversationSettingInfo: info });
			return {
				status: 'updated',
				...settingsJson({ ConversationSettingInfo: info }),
				updated: (['mute', 'pinned', 'favorite', 'ext'] as const).filter((k) => plan[k] !== undefined),
				requestId: requestId ?? null,
			};
		},
	},
	doc: {
		api: 'ModifyConversationSetting',
		limits:
			'One member of one conversation per item. A missing IsMute means "not muted" (volc-sdk-golang `service/im/model.go`), so unless you set Muted the node first reads the current value (GetConversationSetting: two calls). Pinned / Favourite set StickTopTime / SetFavoriteTime to now, or 0 to undo. QPS not documented (paced at 50/s).',
	},
});

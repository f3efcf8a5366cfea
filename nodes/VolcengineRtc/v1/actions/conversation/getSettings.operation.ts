import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { collection } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { conversationLocator, memberField, readConversationId, readMember, recordJson } from '../../helpers/conversations';
import { appIdField } from '../../helpers/fields';

/**
 * GetConversationSetting — volc-sdk-golang service/im/model.go GetConversationSettingBody
 * (NoReadIndex: true = without the read position) / …ConversationSettingInfo (IsMute, IsStickTop,
 * StickTopTime ms "0表示未置顶", IsSetFavorite, SetFavoriteTime, ReadIndex, Ext).
 */

export const getSettingsApi = imApi('GetConversationSetting', true);

/** One member's settings, camelCase, ids as strings. */
export const settingsJson = (result: IDataObject): IDataObject => recordJson((result.ConversationSettingInfo ?? {}) as IDataObject);

export const getSettings = volcengineOperation<Body>({
	resource: 'conversation',
	operation: 'getSettings',
	option: {
		name: 'Get Member Settings',
		description: "Read a member's settings of a conversation: muted, pinned, favourite, read position (GetConversationSetting)",
		action: "Get a member's settings of a conversation",
	},
	properties: [
		appIdField,
		conversationLocator('The conversation'),
		memberField('Member whose settings to read'),
		collection([
			{
				displayName: 'Include Read Position',
				name: 'withReadIndex',
				type: 'boolean',
				default: true,
				description: "Whether to return the member's read position (ReadIndex; NoReadIndex false)",
			},
		]),
	],
	async read(r) {
		const withReadIndex = r.option('options', 'withReadIndex', z.boolean({ invalid_type_error: 'must be true or false' }), 'Include Read Position', true);
		return { AppId: await resolveAppId(r), ConversationShortId: readConversationId(r), ParticipantUserId: readMember(r), NoReadIndex: !withReadIndex };
	},
	shape: single({
		api: getSettingsApi,
		body: (body) => body,
		output: (_body, answer) => ({ ...settingsJson(answer.result), requestId: answer.requestId ?? null }),
	}),
	doc: {
		api: 'GetConversationSetting',
		limits: 'One member of one conversation per item. QPS not documented (paced at 50/s). Fields: volc-sdk-golang `service/im/model.go` GetConversationSettingBody.',
	},
});

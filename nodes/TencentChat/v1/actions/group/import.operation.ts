import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { collection, emptyAs, intInRange, text } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation, type Body } from '../../helpers/common';
import { optionalUserId } from '../../helpers/fields';
import { groupTypeOptions, put } from '../../helpers/groupOps';
import { profileFields, readProfile } from './profile';

/**
 * import_group — tencentcloud.com/document/product/1047/34967: creates a group with its history
 * (migration; no notifications). Type*, Name*, GroupId, Owner_Account, CreateTime, Introduction,
 * Notification, FaceUrl, MaxMemberCount, ApplyJoinOption, AppDefinedData, SupportTopic
 * (doocs/qcloud-im-server-sdk-java ImportGroupRequest.java; dobyte/tencent-im group/api.go ImportGroup).
 * Audio-video groups (AVChatRoom) cannot be imported (menu §1.3; dobyte ImportGroup). Not repeated
 * after a lost answer: a repeat would fail with "GroupId already used" or, without a GroupId,
 * create a second group.
 */
const TYPES = ['Public', 'Private', 'ChatRoom', 'Community'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 'Public',
		options: groupTypeOptions(TYPES),
		description: 'Group type (Type). Audio-video groups cannot be imported.',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'Product Team', description: 'At most 30 bytes (Name)' },
	collection([
		...profileFields('MaxMemberCount'),
		{ displayName: 'Created At', name: 'createTime', type: 'number', default: '', typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 }, placeholder: '1700000000', description: 'Creation time in Unix seconds, 0 to 4294967295 (CreateTime). Empty: now.' },
		{ displayName: 'Group ID', name: 'groupId', type: 'string', default: '', placeholder: 'product_team', description: 'Custom group ID (GroupId), printable ASCII, at most 48 bytes, not starting with @TGS#. Empty: Tencent assigns one.' },
		{ displayName: 'Owner User ID', name: 'owner', type: 'string', default: '', placeholder: 'user_1001', description: 'Owner of the group (Owner_Account)' },
		{ displayName: 'Topics Enabled', name: 'supportTopic', type: 'boolean', default: false, description: 'Whether the community has topics (SupportTopic, Community only)' },
	]),
];

const customGroupId = emptyAs(
	z.string().regex(/^[\x21-\x7e]{1,48}$/, 'must be printable ASCII of at most 48 bytes').refine((s) => !s.startsWith('@TGS#'), 'must not start with @TGS# (reserved for Tencent-assigned IDs)'),
);

export const importGroup = tencentOperation<{ body: Body }>({
	resource: 'group',
	operation: 'import',
	option: { name: 'Import', description: 'Create a group with its history, for migration, without notifications (import_group)', action: 'Import a group' },
	properties,
	read(r) {
		const body: Body = { Type: r.param('type', z.enum(TYPES), 'Type', 'Public'), Name: r.param('name', text({ maxBytes: 30 }), 'Name') };
		put(body, 'GroupId', r.option('options', 'groupId', customGroupId, 'Group ID', ''));
		put(body, 'Owner_Account', r.option('options', 'owner', optionalUserId, 'Owner User ID', ''));
		put(body, 'CreateTime', r.option('options', 'createTime', emptyAs(intInRange(0, 4294967295)), 'Created At', ''));
		readProfile(r, 'options', body, 'MaxMemberCount');
		if (r.option('options', 'supportTopic', z.boolean({ invalid_type_error: 'must be true or false' }), 'Topics Enabled', false)) {
			if (body.Type !== 'Community') r.fail(`Invalid "Topics Enabled" in item ${r.itemIndex}: topics exist only in Community groups`);
			body.SupportTopic = 1;
		}
		return { body };
	},
	shape: {
		kind: 'item',
		async run({ body }, send) {
			const answer = await send(tencentApi('group_open_http_svc/import_group'), body);
			return { status: 'imported', groupId: String(answer.result.GroupId ?? body.GroupId ?? ''), type: String(body.Type), requestId: requestIdOf(answer) };
		},
	},
	doc: {
		api: '`group_open_http_svc/import_group`',
		limits: 'One call per item; not for audio-video groups. Not repeated after a lost answer (a repeat could create a second group). Sources: tencentcloud.com 1047/34967; doocs `ImportGroupRequest.java`; dobyte `group/api.go`.',
	},
});

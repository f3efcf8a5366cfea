import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { collection, emptyAs, intInRange } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation, type Body } from '../../helpers/common';
import { groupLocatorField } from '../../helpers/groupLocator';
import { put } from '../../helpers/groupOps';
import { membersField } from './common';
import { memberCalls, readMembers, type MembersPlan } from './shared';

/**
 * import_group_member — tencentcloud.com/document/product/1047/34969: members with their join
 * time, role and unread count, for migration (no notifications). MemberList ≤ 300 per call of
 * { Member_Account, Role ("Admin"), JoinTime, UnreadMsgNum }; each answer entry has Result 0
 * failed, 1 imported, 2 already a member (doocs/qcloud-im-server-sdk-java ImportGroupMemberRequest.java,
 * MemberItem.java, MemberResultItem.java; dobyte/tencent-im group/api.go ImportMembers). Not for
 * audio-video groups. A repeat finds the members already there (Result 2): safe to repeat.
 */
export const MAX_IMPORT_PER_CALL = 300;
const RESULTS: Record<number, string> = { 0: 'failed', 1: 'imported', 2: 'alreadyMember' };

export const importMembers = tencentOperation<MembersPlan>({
	resource: 'groupMember',
	operation: 'import',
	option: { name: 'Import', description: 'Add members with their join time, for migration, in calls of 300 (import_group_member)', action: 'Import group members' },
	properties: [
		groupLocatorField,
		membersField('Members to import, separated by commas or new lines, or an array from an expression'),
		collection([
			{ displayName: 'Joined At', name: 'joinTime', type: 'number', default: '', typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 }, placeholder: '1700000000', description: 'Join time of every listed member in Unix seconds, 0 to 4294967295 (JoinTime). Empty: now.' },
			{ displayName: 'As Admins', name: 'admin', type: 'boolean', default: false, description: 'Whether the listed members become admins (Role "Admin")' },
			{ displayName: 'Unread Messages', name: 'unread', type: 'number', default: '', typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 }, description: 'Unread message count of every listed member, 0 to 4294967295 (UnreadMsgNum)' },
		]),
	],
	read(r) {
		const entry: Body = {};
		if (r.option('options', 'admin', z.boolean({ invalid_type_error: 'must be true or false' }), 'As Admins', false)) entry.Role = 'Admin';
		put(entry, 'JoinTime', r.option('options', 'joinTime', emptyAs(intInRange(0, 4294967295)), 'Joined At', ''));
		put(entry, 'UnreadMsgNum', r.option('options', 'unread', emptyAs(intInRange(0, 4294967295)), 'Unread Messages', ''));
		return { ...readMembers(r), entry };
	},
	orderKey: (plan) => `group:${plan.groupId}`,
	shape: memberCalls({
		api: tencentApi('group_open_http_svc/import_group_member', true),
		max: MAX_IMPORT_PER_CALL,
		listName: 'MemberList',
		done: 'processed',
		entryOf: (plan, Member_Account) => ({ Member_Account, ...plan.entry }),
		perMember: (result) => ((result.MemberList ?? []) as IDataObject[]).map((m) => [String(m.Member_Account), Number(m.Result)]),
		results: RESULTS,
	}),
	doc: {
		api: '`group_open_http_svc/import_group_member`',
		limits: 'Calls of up to 300 members, one after the other; each member\'s Result (imported, already a member, failed) in the output. Not for audio-video groups. Sources: tencentcloud.com 1047/34969; doocs `ImportGroupMemberRequest.java`, `MemberItem.java`.',
	},
});

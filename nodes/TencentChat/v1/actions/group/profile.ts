import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import type { ItemReader } from '../../../../shared/engine/reader';
import { emptyAs, intInRange } from '../../../../shared/schemas';
import type { Body } from '../../helpers/common';
import { customDataField, optionalText, put, readCustomData } from '../../helpers/groupOps';

/**
 * The profile fields that Group → Update (modify_group_base_info) and Group → Import (import_group)
 * share. Byte limits as for create_group: Name 30, Introduction 240, Notification 300, FaceUrl 100
 * (dobyte/tencent-im group/types.go createGroupReq; tencentcloud.com 1047/34895, 1047/34962, 1047/34967).
 */

export const APPLY_JOIN: INodeProperties = {
	displayName: 'Join Requests',
	name: 'applyJoinOption',
	type: 'options',
	default: 'NeedPermission',
	options: [
		{ name: 'Anyone Can Join (FreeAccess)', value: 'FreeAccess' },
		{ name: 'Need Approval (NeedPermission)', value: 'NeedPermission' },
		{ name: 'Nobody Can Ask to Join (DisableApply)', value: 'DisableApply' },
	],
	description: 'How requests to join are handled (ApplyJoinOption)',
};

export function profileFields(maxMembersName: 'MaxMemberNum' | 'MaxMemberCount'): INodeProperties[] {
	return [
		APPLY_JOIN,
		customDataField('appDefinedData', 'Custom Data', 'Custom group fields to set (AppDefinedData)'),
		{ displayName: 'Avatar URL', name: 'faceUrl', type: 'string', default: '', placeholder: 'https://example.com/group.png', description: 'Group avatar, at most 100 bytes (FaceUrl)' },
		{ displayName: 'Introduction', name: 'introduction', type: 'string', default: '', placeholder: 'Weekly product updates', description: 'At most 240 bytes (Introduction)' },
		{ displayName: 'Max Members', name: 'maxMembers', type: 'number', default: '', typeOptions: { minValue: 1, maxValue: 4294967295, numberPrecision: 0 }, description: `Most members the group takes, 1 to 4294967295, within your edition's limit (${maxMembersName})` },
		{ displayName: 'Notice', name: 'notification', type: 'string', default: '', placeholder: 'Be kind to each other', description: 'Group notice, at most 300 bytes (Notification)' },
	];
}

/** Writes the profile fields the user set from the collection `from` into `body`. */
export function readProfile(r: ItemReader, from: string, body: Body, maxMembersName: 'MaxMemberNum' | 'MaxMemberCount'): Body {
	put(body, 'Introduction', r.option(from, 'introduction', optionalText(240), 'Introduction', ''));
	put(body, 'Notification', r.option(from, 'notification', optionalText(300), 'Notice', ''));
	put(body, 'FaceUrl', r.option(from, 'faceUrl', optionalText(100), 'Avatar URL', ''));
	put(body, maxMembersName, r.option(from, 'maxMembers', emptyAs(intInRange(1, 4294967295)), 'Max Members', ''));
	if (r.has(from, 'applyJoinOption')) body.ApplyJoinOption = r.option(from, 'applyJoinOption', z.enum(['FreeAccess', 'NeedPermission', 'DisableApply']), 'Join Requests', 'NeedPermission');
	const data = readCustomData(r, from, 'appDefinedData', 'Custom Data');
	if (data.length) body.AppDefinedData = data;
	return body;
}

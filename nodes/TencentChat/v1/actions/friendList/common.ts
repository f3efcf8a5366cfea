import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { ownerField } from '../../helpers/sns';
import { groupNameList } from '../friend/common';

/**
 * Fields shared by the friend-list operations (sns/group_add, group_delete, group_get):
 * tencentcloud.com/document/product/1047/34950, 34926, 40123; dobyte/tencent-im sns/types.go
 * (addGroupsReq …) and sns/api.go (≤ 100 list names per call, ≤ 1,000 friends joining per call).
 */
export const MAX_LISTS_PER_CALL = 100;
export const MAX_JOINING_PER_CALL = 1000;

export const owner = ownerField('The user whose friend lists these are (From_Account)');

export const listNamesField = (description: string, required = true): INodeProperties => ({
	displayName: 'Friend List Names',
	name: 'listNames',
	type: 'string',
	default: '',
	required,
	placeholder: 'Family, Colleagues',
	description,
});

export const listNames = groupNameList.pipe(
	z.array(z.string()).min(1, 'needs at least one name').max(MAX_LISTS_PER_CALL, `takes at most ${MAX_LISTS_PER_CALL} names`),
);

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { readOption, readParam } from '../../../../shared/params';
import { intInRange, int64Id, keyValueMap, text } from '../../../../shared/schemas';
import { volcengineApiRequest } from '../../../transport/request';
import { resolveAppId } from '../../helpers/common';
import { appIdField, contentField, extOption, inboxTypeOption, msgTypeField, senderField } from '../../helpers/fields';
import { mergeTags, tagListField, tagListSchema, tagPairsField, tagPairsSchema } from '../../helpers/tags';

/**
 * UserBroadcast — volcengine-rtc.md §4.1; 20 requests per day on the current page
 * (https://www.volcengine.com/docs/6348/1125997, transport/limits.ts).
 */

const properties: INodeProperties[] = [
	{
		displayName:
			'Volcengine allows 20 broadcasts per day (UserBroadcast). When the daily quota is used up the item fails at once with "daily quota … try tomorrow"; it is never retried in the run.',
		name: 'dailyQuotaNotice',
		type: 'notice',
		default: '',
	},
	appIdField,
	senderField,
	msgTypeField,
	contentField,
	{
		displayName: 'Message TTL (Seconds)',
		name: 'msgTtl',
		type: 'number',
		default: 86400,
		typeOptions: { minValue: 1, maxValue: 604800, numberPrecision: 0 },
		description: 'How long the message waits for offline users, from 1 second to 7 days (604800)',
	},
	{
		displayName: 'Send to All Users',
		name: 'sendToAllUsers',
		type: 'boolean',
		default: false,
		description:
			'Whether to broadcast to every registered user of the app. Off: only users matching the tags below receive it.',
	},
	tagPairsField('Receivers are the registered users with these tags.', { displayOptions: { show: { sendToAllUsers: [false] } } }),
	tagListField('More filter tags, e.g. from an expression.', { displayOptions: { show: { sendToAllUsers: [false] } } }),
	{
		displayName: 'Tag Match',
		name: 'tagMatch',
		type: 'options',
		default: 'any',
		displayOptions: { show: { sendToAllUsers: [false] } },
		options: [
			{ name: 'All Tags', value: 'all', description: 'Users having every tag (TagOp 1, AND)' },
			{ name: 'Any Tag', value: 'any', description: 'Users having at least one tag (TagOp 0, OR)' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [inboxTypeOption, extOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['broadcast'] } }, properties);


export interface BroadcastPlan {
	body: Record<string, unknown>;
	target: IDataObject;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<BroadcastPlan> {
	const appId = await resolveAppId(this, i);
	const sender = readParam(this, 'sender', i, int64Id, 'Sender User ID');
	const msgType = readParam(this, 'msgType', i, intInRange(0, 2147483647), 'Message Type');
	const content = readParam(this, 'content', i, text(), 'Content');
	const msgTtl = readParam(this, 'msgTtl', i, intInRange(1, 604800), 'Message TTL (Seconds)');
	const toAll = readParam(this, 'sendToAllUsers', i, z.boolean({ invalid_type_error: 'must be true or false' }), 'Send to All Users', false);
	const pairTags = readParam(this, 'tags', i, tagPairsSchema, 'Tags', {});
	const listTags = readParam(this, 'tagList', i, tagListSchema, 'Tag List', '');
	const inboxType = readOption(this, 'options', 'inboxType', i, intInRange(0, 2147483647), 'Inbox Type', 0);
	const ext = readOption(this, 'options', 'ext', i, keyValueMap(), 'Extra Fields (Ext)', {});

	// Tags are free strings, sent as entered (helpers/tags.ts).
	const tagStrings = mergeTags(pairTags, listTags);
	if (!toAll && tagStrings.length === 0) {
		throw new NodeOperationError(this.getNode(), `"Tags" is empty in item ${i}`, {
			itemIndex: i,
			description:
				'An empty tag filter broadcasts to every user. Add at least one tag, or switch on "Send to All Users" if that is what you mean. Nothing was sent.',
		});
	}
	if (toAll && tagStrings.length > 0) {
		throw new NodeOperationError(this.getNode(), `"Tags" must be empty when "Send to All Users" is on (item ${i})`, {
			itemIndex: i,
		});
	}
	const tagMatch = toAll ? 'any' : readParam(this, 'tagMatch', i, z.enum(['any', 'all'], { errorMap: () => ({ message: 'must be "any" or "all"' }) }), 'Tag Match', 'any');
	const body: Record<string, unknown> = {
		AppId: appId,
		InboxType: inboxType,
		Sender: sender,
		MsgTTL: msgTtl,
		MsgType: msgType,
		Content: content,
		TagOp: tagMatch === 'all' ? 1 : 0,
	};
	if (!toAll) body.Tags = tagStrings;
	if (Object.keys(ext).length) body.Ext = ext;
	return {
		body,
		target: toAll ? { allUsers: true } : { tags: tagStrings, tagMatch: tagMatch === 'all' ? 'all' : 'any' },
	};
}

export async function executeItem(this: IExecuteFunctions, plan: BroadcastPlan, i: number): Promise<IDataObject> {
	const { requestId } = await volcengineApiRequest.call(this, 'UserBroadcast', plan.body, { itemIndex: i });
	return {
		status: 'accepted',
		appId: plan.body.AppId as number,
		sender: String(plan.body.Sender),
		...plan.target,
		requestId: requestId ?? null,
	};
}

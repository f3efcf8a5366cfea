import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { sharedVocabulary } from '../../../../shared/engine/outcomes';
import { collection, intInRange, int64Id, keyValueMap } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { appIdField, extOption, inboxTypeOption, messageFields, readMessageFields, senderField } from '../../helpers/fields';
import { mergeTags, tagListField, tagListSchema, tagPairsField, tagPairsSchema } from '../../helpers/tags';

/**
 * UserBroadcast — volcengine-rtc.md §4.1; 20 requests per day on the current page
 * (https://www.volcengine.com/docs/6348/1125997, transport/limits.ts). Not de-duplicated by
 * Volcengine: an ambiguous failure is not repeated.
 */

export const broadcast = volcengineOperation<{ body: Body; target: IDataObject; shared: boolean }>({
	resource: 'message',
	operation: 'broadcast',
	option: {
		name: 'Broadcast to Users',
		description: 'Broadcast a message to all registered users or to users matching tags (UserBroadcast)',
		action: 'Broadcast a message to users',
	},
	doc: { api: '`UserBroadcast`', limits: 'Tag filter: free-string tags (`vip`, `level:gold`) from the key/value list (an empty Value is a plain tag) and/or **Tag List**; Any = `TagOp 0`, All = `TagOp 1`. An empty filter is refused unless **Send to All Users** is on. TTL 1–604800 s. **20 requests/day** ([6348/1125997](https://www.volcengine.com/docs/6348/1125997)): a daily-quota answer fails the item at once ("daily quota … try tomorrow") and is never retried; the node shows a notice. Not retried after an ambiguous failure.' },
	properties: [
		{
			displayName:
				'Volcengine allows 20 broadcasts per day (UserBroadcast). When the daily quota is used up the item fails at once with "daily quota … try tomorrow"; it is never retried in the run.',
			name: 'dailyQuotaNotice',
			type: 'notice',
			default: '',
		},
		appIdField,
		senderField,
		...messageFields,
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
		collection([inboxTypeOption, extOption]),
	],
	async read(r) {
		const i = r.itemIndex;
		const appId = await resolveAppId(r);
		const sender = r.param('sender', int64Id, 'Sender User ID');
		const { MsgType: msgType, Content: content } = readMessageFields(r);
		const msgTtl = r.param('msgTtl', intInRange(1, 604800), 'Message TTL (Seconds)');
		const toAll = r.param('sendToAllUsers', z.boolean({ invalid_type_error: 'must be true or false' }), 'Send to All Users', false);
		// Tags are free strings, sent as entered (helpers/tags.ts).
		const tags = mergeTags(r.param('tags', tagPairsSchema, 'Tags', {}), r.param('tagList', tagListSchema, 'Tag List', ''));
		const inboxType = r.option('options', 'inboxType', intInRange(0, 2147483647), 'Inbox Type', 0);
		const ext = r.option('options', 'ext', keyValueMap(), 'Extra Fields (Ext)', {});
		if (!toAll && tags.length === 0) {
			r.fail(
				`"Tags" is empty in item ${i}`,
				'An empty tag filter broadcasts to every user. Add at least one tag, or switch on "Send to All Users" if that is what you mean. Nothing was sent.',
			);
		}
		if (toAll && tags.length > 0) r.fail(`"Tags" must be empty when "Send to All Users" is on (item ${i})`);
		const tagMatch = toAll ? 'any' : r.param('tagMatch', z.enum(['any', 'all'], { errorMap: () => ({ message: 'must be "any" or "all"' }) }), 'Tag Match', 'any');
		const body: Body = { AppId: appId, InboxType: inboxType, Sender: sender, MsgTTL: msgTtl, MsgType: msgType, Content: content, TagOp: tagMatch === 'all' ? 1 : 0 };
		if (!toAll) body.Tags = tags;
		if (Object.keys(ext).length) body.Ext = ext;
		const target: IDataObject = toAll ? { allUsers: true } : { tags, tagMatch };
		return { body, target, shared: sharedVocabulary(r.ctx) };
	},
	shape: single({
		api: imApi('UserBroadcast'),
		body: (plan) => plan.body,
		output: ({ body, target, shared }, { requestId }) =>
			shared
				? // 1.1: who it went to, in words, next to the filter (the answer names no receivers).
				  { status: 'accepted', appId: body.AppId as number, from: String(body.Sender), to: audience(target), ...target, msgType: body.MsgType as number, requestId: requestId ?? null }
				: { status: 'accepted', appId: body.AppId as number, sender: String(body.Sender), ...target, requestId: requestId ?? null },
	}),
});

/** "all users of the app", "users with any of the tags level:gold, vip". */
function audience(target: IDataObject): string {
	if (target.allUsers) return 'all users of the app';
	return `users with ${target.tagMatch === 'all' ? 'all' : 'any'} of the tags ${(target.tags as string[]).join(', ')}`;
}

import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { intInRange, keyValueMap, listInput, utf8Length, collection, textField, numberField, optionsField } from '../../../../shared/schemas';
import { stringifyJson } from '../../../../shared/json';
import { credentialFields } from '../../../../shared/credentialIdentity';
import { pushApiOf, TENCENT_CREDENTIAL, tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation, type Body } from '../../helpers/common';
import type { ItemReader } from '../../../../shared/engine/reader';
import { attributePairsField, drawUint32, fromAccountField, optionalUint32, optionalUserId, randomOption } from '../../helpers/fields';
import { messageFields, messageOptionsFields } from '../../descriptions/message.description';
import { readMessage } from '../../helpers/readMessage';

/**
 * im_push — tencent-chat.md §4.8: push to all users, or to users matching tags or attributes.
 * Sent to `v4/all_member_push/im_push`, or `v4/timpush/push` when the credential's Push API is
 * Current (tencentcloud.com/document/product/1047/60561). Daily quota: 100 per day by default,
 * answered 90047 when used up (1047/74196) — a failure that is never retried in the run
 * (transport/limits.ts DAILY_QUOTA_CODES), not a throttle.
 * Condition rules: ≤ 10 tags per list, tag ≤ 50 bytes, no tag in both lists, tags and attributes
 * never mixed; the whole request ≤ 10 KB.
 */

export const MAX_PUSH_BYTES = 10 * 1024;
const MAX_TAGS = 10;

const properties: INodeProperties[] = [
	{
		displayName:
			'Needs the Pro, Pro Plus or Enterprise edition with push to all users enabled. Daily quota: 100 pushes per day by default (error 90047 when used up — not retried, try tomorrow), more than 1 second apart. The credential\'s Push API chooses all_member_push/im_push or timpush/push.',
		name: 'pushNotice',
		type: 'notice',
		default: '',
	},
	fromAccountField,
	optionsField('Receivers', 'target', 'tags', [
		{ name: 'Users With Tags', value: 'tags', description: 'Condition TagsOr / TagsAnd' },
		{ name: 'Users With Attributes', value: 'attributes', description: 'Condition AttrsOr / AttrsAnd' },
		{ name: 'All Users', value: 'all', description: 'No condition: every user of the app' },
	]),
	textField(
		'Any of These Tags',
		'tagsOr',
		'Users having at least one of these tags (TagsOr), up to 10, separated by commas',
		{ placeholder: 'vip, beta', displayOptions: { show: { target: ['tags'] } } },
	),
	textField(
		'All of These Tags',
		'tagsAnd',
		'Users having every one of these tags (TagsAnd), up to 10',
		{ placeholder: 'android', displayOptions: { show: { target: ['tags'] } } },
	),
	...(['attrsOr', 'attrsAnd'] as const).map((name) =>
		attributePairsField({
			displayName: name === 'attrsOr' ? 'Any of These Attributes' : 'All of These Attributes',
			name,
			description: name === 'attrsOr' ? 'Users matching at least one attribute value (AttrsOr)' : 'Users matching every attribute value (AttrsAnd)',
			displayOptions: { show: { target: ['attributes'] } },
		}),
	),
	...messageFields,
	collection([
		numberField('Message Lifetime (Seconds)', 'msgLifeTime', 0, 0, 604800, 'Offline storage time, up to 7 days; 0 (the default) reaches online users only'),
		randomOption('msgRandom', 'De-duplication Number (MsgRandom)', 'Identifies the push task: re-sending with the same MsgRandom does not push twice.'),
	]),
	...messageOptionsFields('push'),
];

const tag = z.string().refine((t) => utf8Length(t) <= 50, 'a tag is longer than 50 bytes');
const tagList = listInput.pipe(z.array(tag).max(MAX_TAGS, `at most ${MAX_TAGS} tags`));
const attrs = keyValueMap({ maxValueBytes: 50 }).refine((m) => Object.keys(m).length <= MAX_TAGS, `at most ${MAX_TAGS} attributes`);

/** The push condition of one item: tags, attributes, or none (all users). */
function readCondition(r: ItemReader, target: 'tags' | 'attributes' | 'all'): IDataObject | undefined {
	const condition: IDataObject = {};
	if (target === 'tags') {
		const or = r.param<string[]>('tagsOr', tagList, 'Any of These Tags', '');
		const and = r.param<string[]>('tagsAnd', tagList, 'All of These Tags', '');
		const both = or.find((t) => and.includes(t));
		if (both !== undefined) r.fail(`Invalid "All of These Tags" in item ${r.itemIndex}: "${both}" is also in "Any of These Tags"`);
		if (or.length + and.length === 0) {
			r.fail(
				`"Any of These Tags" and "All of These Tags" are both empty in item ${r.itemIndex}`,
				'Add at least one tag, or choose Receivers: All Users if you mean every user. Nothing was sent.',
			);
		}
		if (or.length) condition.TagsOr = or;
		if (and.length) condition.TagsAnd = and;
	} else if (target === 'attributes') {
		const or = r.param('attrsOr', attrs, 'Any of These Attributes', {});
		const and = r.param('attrsAnd', attrs, 'All of These Attributes', {});
		if (Object.keys(or).length + Object.keys(and).length === 0) {
			r.fail(`"Any of These Attributes" and "All of These Attributes" are both empty in item ${r.itemIndex}`, 'Add at least one attribute, or choose Receivers: All Users. Nothing was sent.');
		}
		if (Object.keys(or).length) condition.AttrsOr = or;
		if (Object.keys(and).length) condition.AttrsAnd = and;
	}
	return target === 'all' ? undefined : condition;
}

export const pushToAll = tencentOperation<Body>({
	resource: 'push',
	operation: 'pushToAll',
	option: { name: 'Push to All Users', description: 'Push a message to all users, or to users matching tags or attributes (im_push)', action: 'Push a message to all users' },
	doc: { api: '`all_member_push/im_push` or `timpush/push` (credential *Push API*)', limits: 'All users, or by tags (TagsOr/TagsAnd, ≤ 10 each, ≤ 50 bytes, never the same tag in both) or by attributes; tags and attributes never mixed; request ≤ 10 KB. > 1 s apart. **Daily quota 100/day** ([1047/74196](https://www.tencentcloud.com/document/product/1047/74196): 90047): the item fails with "daily quota, try tomorrow", never retried, and later items of the run are not sent.' },
	properties,
	read(r) {
		const from = r.param('fromAccount', optionalUserId, 'Sender User ID', '');
		const target = r.param('target', z.enum(['tags', 'attributes', 'all']), 'Receivers', 'tags');
		const condition = readCondition(r, target);
		const msg = readMessage(r.ctx, r.itemIndex, 'push');
		const body: Body = {};
		if (from) body.From_Account = from;
		body.MsgRandom = r.option('options', 'msgRandom', optionalUint32, 'De-duplication Number (MsgRandom)', '') ?? drawUint32();
		body.MsgLifeTime = r.option('options', 'msgLifeTime', intInRange(0, 604800), 'Message Lifetime (Seconds)', 0);
		if (condition) body.Condition = condition;
		// Push shows no Cloud Custom Data and no controls: the message is MsgBody and OfflinePushInfo.
		Object.assign(body, msg);
		const size = utf8Length(stringifyJson(body));
		if (size > MAX_PUSH_BYTES) r.fail(`The push request of item ${r.itemIndex} is ${size} bytes; the limit is ${MAX_PUSH_BYTES} bytes`);
		return body;
	},
	shape: single({
		api: tencentApi('all_member_push/im_push', true), // MsgRandom identifies the push task: a repeat is not pushed again (§3.4)
		// timpush/push says "online users only" with OnlineOnlyFlag 1 (tencentcloud.com 1047/60561: "By
		// setting OnlineOnlyFlag to 1, push messages can only be sent without saving sessions, roaming,
		// and unread"); the legacy im_push says it with MsgLifeTime 0 (1047/37166). Keep the meaning.
		async before(body, _send, ctx) {
			const current = pushApiOf(await credentialFields(ctx, TENCENT_CREDENTIAL)) === 'timpush';
			return current && body.MsgLifeTime === 0 ? { ...body, OnlineOnlyFlag: 1 } : body;
		},
		body: (body) => body,
		output: (body, answer) => ({
			status: 'accepted',
			taskId: (answer.result.TaskId as string) ?? null,
			msgRandom: body.MsgRandom as number,
			condition: (body.Condition as IDataObject) ?? 'all users',
			requestId: requestIdOf(answer),
		}),
	}),
});

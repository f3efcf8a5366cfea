import { z } from 'zod';
import { coalesce } from '../../../../shared/engine/callShapes';
import type { PreparedItem } from '../../../../shared/router';
import { collection, intInRange, int64Id, listInput, textField, numberField, optionsField } from '../../../../shared/schemas';
import { imApi, type VolcengineApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation } from '../../helpers/common';
import { appIdField, inboxTypeOption } from '../../helpers/fields';
import { perUserResults, userIdField } from '../../helpers/users';
import { mergeTags, tagListField, tagListSchema, tagPairsField, tagPairsSchema } from '../../helpers/tags';

/**
 * BatchUpdateUserTags. Two request forms:
 * - Current (default): `{AppId, Op, UserIds: int64[], Tags: string[]}` — the same tags for every
 *   listed user. Go SDK `BatchUpdateUserTagsBody` (volcengine/volc-sdk-golang service/im/model.go)
 *   and the doc page https://www.volcengine.com/docs/6348/1125995 (request example
 *   `{"AppId":…, "UserIds":[1000001,1000002], "Tags":["tag1:v1","tag2:v2"], "Op":1}`). Consecutive
 *   items with the same Op and the same tag set share a call; others get their own.
 * - Legacy (per-user map): `{AppId, InboxType, UserTags: [{UserId, Tags: {k: v}}], Op}` — the
 *   seed doc's older shape (volcengine-rtc.md §4.2), kept as an option for accounts that still take it.
 * Either way the answer's FailedInfos (`[{UserId, Code, Message}]`, SDK
 * `BatchUpdateUserTagsResResult`) go back to the item of that user; the doc's example answers
 * `"Result": {}`, so a missing list means nobody failed.
 */

export const DEFAULT_TAG_BATCH = 50;
// Idempotent: setting or deleting the same tags twice has the same effect.
const api = imApi('BatchUpdateUserTags', true);

/** Delete mode: the current form sends the strings as written; the legacy map form takes keys only. */
const deleteListSchema = listInput.pipe(
	z.array(z.union([z.string(), z.number()]).transform((t) => String(t).trim()).refine((t) => t !== '', 'a tag is empty')).min(1, 'needs at least one key (or tag)'),
);
const legacyKey = /^[^:]+$/;
// Built once (not per item): see nodes/shared/params.ts.
const modeSchema = z.enum(['set', 'delete']);
const formSchema = z.enum(['current', 'legacy'], { errorMap: () => ({ message: 'must be "current" or "legacy"' }) });
const inboxTypeSchema = intInRange(0, 2147483647);
const batchSizeSchema = intInRange(1, 500);

export type TagApiForm = 'current' | 'legacy';

export interface TagUpdatePlan {
	appId: number;
	inboxType: number;
	op: 0 | 1;
	userId: bigint;
	/** Tag strings as sent in the current form (delete mode: as written). */
	tags: string[];
	form: TagApiForm;
	/** Identity of the tag set (order-free), for coalescing the current form. */
	tagSet: string;
	batchSize: number;
}

/** The key of a key:value tag (the whole tag when it has no ":"). */
const keyOf = (tag: string): string => {
	const at = tag.indexOf(':');
	return at < 0 ? tag : tag.slice(0, at);
};

/** Legacy `Tags` map of one user: `key:value` → {key: value}; a plain tag (or a key to delete) → {key: ""}. */
function legacyMap(plan: TagUpdatePlan): Record<string, string> {
	const out: Record<string, string> = {};
	for (const t of plan.tags) {
		const at = plan.op === 1 ? -1 : t.indexOf(':');
		Object.defineProperty(out, at < 0 ? t : t.slice(0, at), { value: at < 0 ? '' : t.slice(at + 1), enumerable: true, writable: true, configurable: true });
	}
	return out;
}

function requestBody(call: Array<PreparedItem<TagUpdatePlan>>): Record<string, unknown> {
	const head = call[0].plan;
	if (head.form === 'current') {
		// Field order as in the doc's request example.
		return { AppId: head.appId, UserIds: call.map(({ plan }) => plan.userId), Tags: head.tags, Op: head.op };
	}
	return { AppId: head.appId, InboxType: head.inboxType, UserTags: call.map(({ plan }) => ({ UserId: plan.userId, Tags: legacyMap(plan) })), Op: head.op };
}

export const update = volcengineOperation<TagUpdatePlan>({
	resource: 'userTag',
	operation: 'update',
	option: { name: 'Update', description: 'Set or delete tags of registered users, many items per call (BatchUpdateUserTags)', action: 'Update user tags' },
	doc: { api: '`BatchUpdateUserTags`', limits: '**Current form** (default): `UserIds` + `Tags: string[]` + `Op` (Go/Java SDK `BatchUpdateUserTagsBody`, [6348/1125995](https://www.volcengine.com/docs/6348/1125995)); items with the same app, tags and mode share a call (120 users with 4 levels: 4 calls; when a user appears in two items, only consecutive items share, so the later update wins), batch size default 50 (no vendor maximum), a user never twice in one call. **API Form → Legacy (Per-User Map)**: `UserTags: [{UserId, Tags: {k: v}}]`. `FailedInfos` back to each item. 50 QPS.' },
	properties: [
		appIdField,
		userIdField('Registered user whose tags change (a numeric ID; give long IDs as text)', true),
		optionsField('Mode', 'mode', 'set', [
			{ name: 'Set', value: 'set', description: 'Add the tags; a tag with a key that exists replaces its value (Op 0)' },
			{ name: 'Delete', value: 'delete', description: 'Remove these tags (Op 1)' },
		]),
		tagPairsField('Tags to add.', { displayOptions: { show: { mode: ['set'] } } }),
		tagListField('More tags to add.', { displayOptions: { show: { mode: ['set'] } } }),
		textField(
			'Tag Keys',
			'tagKeys',
			'Tags to remove, separated by commas, or an array from an expression. Current API form: sent as written (a key such as "level", a plain tag such as "vip", or a whole tag "level:gold"). Legacy form: keys only.',
			{ placeholder: 'level, vip', displayOptions: { show: { mode: ['delete'] } } },
		),
		collection([
			optionsField('API Form', 'apiForm', 'current', [
				{
				name: 'Current',
				value: 'current',
				description: 'UserIds + Tags (a list of strings): items with the same tags and mode share a call',
				},
				{
				name: 'Legacy (Per-User Map)',
				value: 'legacy',
				description: 'UserTags: [{UserId, Tags: {key: value}}], the older documented shape',
				},
			], 'Request shape of BatchUpdateUserTags'),
			numberField(
				'Batch Size',
				'batchSize',
				DEFAULT_TAG_BATCH,
				1,
				500,
				'How many input items are combined into one call. The vendor does not document a maximum; 50 is a safe default.',
			),
			{ ...inboxTypeOption, description: `${inboxTypeOption.description} (Legacy form only: the current form has no InboxType)` },
		]),
	],
	async read(r) {
		const i = r.itemIndex;
		const appId = await resolveAppId(r);
		const userId = r.param('userId', int64Id, 'User ID');
		const mode = r.param('mode', modeSchema, 'Mode', 'set');
		const form = r.option('options', 'apiForm', formSchema, 'API Form', 'current');
		let tags: string[];
		if (mode === 'set') {
			tags = mergeTags(r.param('tags', tagPairsSchema, 'Tags', {}), r.param('tagList', tagListSchema, 'Tag List', ''));
			if (tags.length === 0) r.fail(`Invalid "Tags" in item ${i}: needs at least one tag (in Tags or Tag List)`, 'Nothing was sent for this item.');
		} else {
			tags = mergeTags(r.param<string[]>('tagKeys', deleteListSchema, 'Tag Keys', ''), []);
		}
		if (form === 'legacy') {
			// The per-user map has one value per key.
			const keys = new Set<string>();
			for (const t of tags) {
				const key = mode === 'delete' ? t : keyOf(t);
				if (mode === 'delete' && !legacyKey.test(key)) r.fail(`Invalid "Tag Keys" in item ${i}: key "${key.slice(0, 60)}" cannot contain ":" in the legacy API form`);
				if (keys.has(key)) r.fail(`Invalid "Tags" in item ${i}: key "${key.slice(0, 60)}" is given twice (the legacy per-user map has one value per key)`);
				keys.add(key);
			}
		}
		const inboxType = r.option('options', 'inboxType', inboxTypeSchema, 'Inbox Type', 0);
		const batchSize = r.option('options', 'batchSize', batchSizeSchema, 'Batch Size', DEFAULT_TAG_BATCH);
		return { appId, inboxType, op: mode === 'set' ? 0 : 1, userId, tags, form, tagSet: [...tags].sort().join('\n'), batchSize };
	},
	/**
	 * Items share a call when they have the same app, form and mode — and, in the current
	 * form (one tag list for all users of the call), the same tag set; in the legacy form, the same
	 * inbox. A user never appears twice in one call.
	 */
	shape: coalesce<TagUpdatePlan, VolcengineApi>({
		max: (plan) => plan.batchSize,
		sameCallKey: (p) => [p.appId, p.form, p.op, p.form === 'current' ? p.tagSet : p.inboxType].join('|'),
		entityKey: (plan) => `${plan.appId}|${plan.userId}`,
		regroup: true,
		async run(call, send) {
			const answer = await send(api, requestBody(call));
			return perUserResults(call, answer, 'updated', (plan) => ({
				mode: plan.op === 0 ? 'set' : 'delete',
				tags: plan.form === 'legacy' && plan.op === 0 ? legacyMap(plan) : plan.tags,
				apiForm: plan.form,
			}));
		},
	}),
});

import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { CallShape } from '../../../shared/engine/callShapes';
import type { ItemReader } from '../../../shared/engine/reader';
import type { Quota } from '../../../shared/engine/quota';
import { emptyAs, keyValueField, keyValuePairs, text } from '../../../shared/schemas';
import type { TencentApi } from '../../transport/request';
import { requestIdOf, type Body } from './common';
import { groupRef } from './groupLocator';

/**
 * What the group operations of issue 14 share (Group, Group Member, Group Attribute, Live Group,
 * Community Topic, Group Counter): the group locator read, optional text fields with their byte
 * limits, custom data lists, Return All / Limit, the vendor's answer with camelCase keys, and the
 * shape of a write on one group.
 */

export const readGroup = (r: ItemReader): string => r.param('group', groupRef, 'Group');

/** "Empty means not set" text of at most `maxBytes` UTF-8 bytes. */
export const optionalText = (maxBytes: number) => emptyAs(text({ maxBytes }));

/** The group types with their plain names (the vendor's word in parentheses), for a type selector. */
const GROUP_TYPE_NAMES: Record<string, string> = {
	AVChatRoom: 'Audio-Video Group (AVChatRoom)',
	Community: 'Community',
	ChatRoom: 'Meeting Group (ChatRoom)',
	Public: 'Public Group',
	Private: 'Work Group (Private)',
};

/** Options of a group type selector, sorted by name; `all` adds "All Types" (value ''). */
export function groupTypeOptions(types: readonly string[], all = false): Array<{ name: string; value: string }> {
	const named = types.map((value) => ({ name: GROUP_TYPE_NAMES[value] ?? value, value })).sort((a, b) => a.name.localeCompare(b.name));
	return all ? [{ name: 'All Types', value: '' }, ...named] : named;
}

/** `Member_Account` → `memberAccount`, `GroupID` → `groupId`, `AppDefinedData` → `appDefinedData`, deeply. */
export function camelKeys(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(camelKeys);
	if (v === null || typeof v !== 'object') return v;
	const out: IDataObject = {};
	for (const [k, val] of Object.entries(v)) out[camelName(k)] = camelKeys(val) as IDataObject[string];
	return out;
}

function camelName(k: string): string {
	const parts = k.split('_').filter(Boolean);
	const joined = parts.map((p, i) => (i === 0 ? p : p[0].toUpperCase() + p.slice(1))).join('');
	// A leading run of capitals is one word: "GroupID" → "groupId", "URL" → "url", "MsgSeq" → "msgSeq".
	return joined.replace(/^[A-Z]+(?=[A-Z][a-z]|$|\d)|^[A-Z]/, (m) => m.toLowerCase()).replace(/ID$/, 'Id');
}

/** Custom data ({ Key, Value } entries, AppDefinedData / AppMemberDefinedData) as a key/value list. */
export function customDataField(name: string, displayName: string, what: string): INodeProperties {
	return keyValueField({
		displayName,
		name,
		description: `${what}. The keys must first be configured in the Chat console (custom fields).`,
		placeholder: 'Add Field',
		pairName: 'Field',
		keyPlaceholder: 'level',
		valuePlaceholder: 'gold',
	});
}

export const readCustomData = (r: ItemReader, collection: string, key: string, label: string) =>
	r.option(collection, key, keyValuePairs(), label, {}).map(([Key, Value]) => ({ Key, Value }));

/** Return All / Limit: one home, shared/schemas/fields.ts. */
export { readLimit, returnAllFields } from '../../../shared/schemas';

/** The entries of an answer's array field, or none. */
export const listOf = (result: IDataObject, name: string): IDataObject[] => (Array.isArray(result[name]) ? (result[name] as IDataObject[]) : []);

/**
 * One call on one group whose answer is "done": `{ status: <word>, groupId, …extra, requestId }`.
 * `pace`: a second quota per group on top of the API's (group attributes: 5 writes/s per group).
 */
export function groupCall<P extends { body: Body }>(o: {
	api: TencentApi;
	status: string;
	extra?: (plan: P, result: IDataObject) => IDataObject;
	pace?: Quota;
}): CallShape<P, TencentApi> {
	return {
		kind: 'item',
		async run(plan, send) {
			const groupId = String(plan.body.GroupId);
			const answer = await send(o.api, plan.body, o.pace ? { pace: { key: groupId, quota: o.pace } } : {});
			return { status: o.status, groupId, ...(o.extra?.(plan, answer.result) ?? {}), requestId: requestIdOf(answer) };
		},
	};
}

/** Sets `body[key]` when `value` is not undefined. */
export function put(body: Body, key: string, value: unknown): Body {
	if (value !== undefined) body[key] = value;
	return body;
}

/**
 * Offset paging where the answer carries the total, not a cursor (get_joined_group_list,
 * get_group_member_info): pages of `pageSize` from Offset 0 until the total, an empty page or the
 * Limit. One output item per entry, camelCase keys.
 */
export function offsetPages<P extends { limit: number | undefined; pageSize: number }>(o: {
	api: TencentApi;
	body: (plan: P, offset: number, want: number) => Body;
	entries: string;
	total: string;
}): CallShape<P, TencentApi> {
	return {
		kind: 'item',
		async run(plan, send) {
			const out: IDataObject[] = [];
			for (;;) {
				const want = plan.limit === undefined ? plan.pageSize : Math.min(plan.pageSize, plan.limit - out.length);
				const { result } = await send(o.api, o.body(plan, out.length, want));
				const entries = listOf(result, o.entries);
				for (const e of entries.slice(0, want)) out.push(camelKeys(e) as IDataObject);
				const total = Number(result[o.total] ?? 0);
				if (entries.length === 0 || out.length >= total || (plan.limit !== undefined && out.length >= plan.limit)) return out;
			}
		},
	};
}

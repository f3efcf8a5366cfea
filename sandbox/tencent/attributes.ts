// Sandbox code (not shipped): Tencent Chat group custom attributes — get_group_attr (service
// group_open_attr_http_svc), modify_group_attr, set_group_attr, delete_group_attr, clear_group_attr
// (tencentcloud.com 1047/44187–44190, 59499: key ≤ 32 bytes, value ≤ 4,000 bytes, ≤ 16 keys,
// ≤ 16,000 bytes in all; writes ≤ 5/s per group, 10049). Entries are { key, value } (doocs GroupAttr.java).
import { bytes, groupOf, isObj, throttle, TimError } from './fields';
import { extraOf } from './groupExtra';
import { route, type TimRoute } from './route';
import type { TencentGroup, TimCtx } from './state';

function entries(body: Record<string, unknown>, withValue: boolean): Array<{ key: string; value: string }> {
	const v = body.GroupAttr;
	if (!Array.isArray(v) || v.length === 0) throw new TimError(10004, 'GroupAttr must be a non-empty array');
	if (v.length > 16) throw new TimError(10004, `GroupAttr has ${v.length} keys; the limit is 16`);
	return v.map((a: unknown, i) => {
		if (!isObj(a) || typeof a.key !== 'string' || a.key === '' || bytes(a.key) > 32) throw new TimError(10004, `GroupAttr[${i}].key must be 1 to 32 bytes`);
		if (withValue && (typeof a.value !== 'string' || bytes(a.value) > 4000)) throw new TimError(10004, `GroupAttr[${i}].value must be text of at most 4000 bytes`);
		return { key: a.key, value: withValue ? (a.value as string) : '' };
	});
}

/** The write budget of one group (5/s, 10049), then the change; the result must stay within 16 keys and 16,000 bytes. */
function write(ctx: TimCtx, body: Record<string, unknown>, change: (attrs: Map<string, string>, g: TencentGroup) => void) {
	const g = groupOf(ctx, body);
	throttle(ctx, `group_attr:${g.groupId}`, 5, 1000, 1, 10049, `Attribute writes of group ${g.groupId}`);
	const next = new Map(extraOf(g).attributes);
	change(next, g);
	if (next.size > 16) throw new TimError(10004, `A group has at most 16 attributes (${next.size} after this change)`);
	const total = [...next].reduce((n, [k, v]) => n + bytes(k) + bytes(v), 0);
	if (total > 16000) throw new TimError(10004, `A group's attributes take at most 16000 bytes (${total} after this change)`);
	extraOf(g).attributes = next;
	return {};
}

const get_group_attr = (ctx: TimCtx, body: Record<string, unknown>) => ({ GroupAttrAry: [...extraOf(groupOf(ctx, body)).attributes].map(([key, value]) => ({ key, value })) });

const modify_group_attr = (ctx: TimCtx, body: Record<string, unknown>) => write(ctx, body, (m) => entries(body, true).forEach((a) => m.set(a.key, a.value)));

const set_group_attr = (ctx: TimCtx, body: Record<string, unknown>) =>
	write(ctx, body, (m) => {
		const list = entries(body, true);
		m.clear();
		list.forEach((a) => m.set(a.key, a.value));
	});

const delete_group_attr = (ctx: TimCtx, body: Record<string, unknown>) => write(ctx, body, (m) => entries(body, false).forEach((a) => m.delete(a.key)));

const clear_group_attr = (ctx: TimCtx, body: Record<string, unknown>) => write(ctx, body, (m) => m.clear());

export const attributeRoutes: TimRoute[] = [
	route('group_open_attr_http_svc/get_group_attr', 'group', 200, get_group_attr),
	route('group_open_http_svc/modify_group_attr', 'group', 200, modify_group_attr),
	route('group_open_http_svc/set_group_attr', 'group', 200, set_group_attr),
	route('group_open_http_svc/delete_group_attr', 'group', 200, delete_group_attr),
	route('group_open_http_svc/clear_group_attr', 'group', 200, clear_group_attr),
];

// Sandbox code (not shipped): conversations ("sessions", "recent contacts") — recentcontact/get_list,
// delete, and the conversation groups and marks (create/update/del_contact_group, mark_contact,
// search_contact_group, get_contact_group).
//
// Fields from the vendor pages (trtc.io/document 43087, 43088, 53437–53442) and
// doocs/qcloud-im-server-sdk-java's models. Codes: 51008 over 1,000 grouped/marked conversations
// (53438); 50003 is the family's "not an admin" (tencent-chat.md §1.1) but the gateway answers the
// openim family's 90009 for these paths; sandbox: 50001 (account not imported) and 50002 (bad
// field) are this emulator's choices in the same family, unconfirmed; 51001 group name taken,
// 51002 no such group, 51003 over 20 groups per user — also unconfirmed.
import { bytes, isObj, stringArray, stringField, TimError } from './fields';
import { route, type TimRoute } from './route';
import { sessionsOf, type TencentContactGroup } from './sessionState';
import type { TimCtx } from './state';

const MAX_GROUPS = 20;
const MAX_TRACKED = 1000;

function owner(ctx: TimCtx, body: Record<string, unknown>): string {
	const v = stringField(body, 'From_Account', 50002, true);
	if (!ctx.st.accounts.has(v)) throw new TimError(50001, `From_Account ${v} is not an imported account`);
	return v;
}

function intField(body: Record<string, unknown>, name: string): number {
	const v = body[name];
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new TimError(50002, `${name} is required and must be a non-negative integer`);
	return v;
}

/** ContactItem → `1:<user>` / `2:<group>` (the key of the group/mark state). */
function contactKey(c: unknown, at: string): string {
	if (!isObj(c) || (c.Type !== 1 && c.Type !== 2)) throw new TimError(50002, `${at}.Type must be 1 or 2`);
	const peer = c.Type === 1 ? c.To_Account : c.ToGroupId;
	if (typeof peer !== 'string' || peer === '') throw new TimError(50002, `${at}: ${c.Type === 1 ? 'To_Account' : 'ToGroupId'} is required`);
	return `${c.Type}:${peer}`;
}

const contactItem = (key: string) => (key.startsWith('1:') ? { Type: 1, To_Account: key.slice(2) } : { Type: 2, ToGroupId: key.slice(2) });

function get_list(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const [ts, start, topTs, topStart] = ['TimeStamp', 'StartIndex', 'TopTimeStamp', 'TopStartIndex'].map((k) => intField(body, k));
	intField(body, 'AssistFlags');
	const s = sessionsOf(ctx.st);
	const all = [...(s.conversations.get(me) ?? [])].sort((a, b) => b.msgTime - a.msgTime);
	const tops = all.filter((c) => c.top);
	const normal = all.filter((c) => !c.top);
	// Pinned ones first (TopStartIndex), then the others (StartIndex); the time stamps echo the first page's snapshot time.
	const snapshot = ts || topTs || ctx.nowSec;
	const topPage = tops.slice(topStart, topStart + s.conversationPage);
	const normalPage = normal.slice(start, start + s.conversationPage - topPage.length);
	const nextTop = topStart + topPage.length;
	const nextNormal = start + normalPage.length;
	return {
		SessionItem: [...topPage, ...normalPage].map((c) => ({ Type: c.type, ...(c.type === 1 ? { To_Account: c.peer } : { GroupId: c.peer }), MsgTime: c.msgTime, TopFlag: c.top ? 1 : 0 })),
		CompleteFlag: nextTop >= tops.length && nextNormal >= normal.length ? 1 : 0,
		TimeStamp: snapshot,
		StartIndex: nextNormal,
		TopTimeStamp: snapshot,
		TopStartIndex: nextTop,
	};
}

function remove(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const type = body.Type;
	if (type !== 1 && type !== 2) throw new TimError(50002, 'Type must be 1 or 2');
	// The page spells the group field ToGroupid.
	const peer = stringField(body, type === 1 ? 'To_Account' : 'ToGroupid', 50002, true);
	if (body.ClearRamble !== undefined && body.ClearRamble !== 0 && body.ClearRamble !== 1) throw new TimError(50002, 'ClearRamble must be 0 or 1');
	const s = sessionsOf(ctx.st);
	s.conversations.set(me, (s.conversations.get(me) ?? []).filter((c) => !(c.type === type && c.peer === peer)));
	if (body.ClearRamble === 1 && type === 1) {
		ctx.st.c2c = ctx.st.c2c.filter((m) => !((m.from === me && m.to === peer) || (m.from === peer && m.to === me)));
	}
	return {};
}

function groupsOf(ctx: TimCtx, me: string): TencentContactGroup[] {
	const all = sessionsOf(ctx.st).contactGroups;
	if (!all.has(me)) all.set(me, []);
	return all.get(me)!;
}

function groupName(v: unknown, at: string): string {
	if (typeof v !== 'string' || v === '') throw new TimError(50002, `${at} is required`);
	if (bytes(v) > 32) throw new TimError(50002, `${at} is longer than 32 bytes`);
	return v;
}

/** Conversations with group or mark data of a user (at most 1,000, 51008). */
function tracked(ctx: TimCtx, me: string): Set<string> {
	const s = new Set<string>();
	for (const g of groupsOf(ctx, me)) for (const k of g.members) s.add(k);
	for (const k of sessionsOf(ctx.st).marks.get(me)?.keys() ?? []) s.add(k);
	return s;
}

function track(ctx: TimCtx, me: string, key: string) {
	const t = tracked(ctx, me);
	if (!t.has(key) && t.size >= MAX_TRACKED) throw new TimError(51008, 'More than 1,000 conversations carry group or mark data');
}

function create_contact_group(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const items = body.GroupContactItem;
	if (!Array.isArray(items) || items.length !== 1) throw new TimError(50002, 'GroupContactItem must hold exactly one group');
	const [item] = items;
	if (!isObj(item)) throw new TimError(50002, 'GroupContactItem[0] must be an object');
	const name = groupName(item.GroupName, 'GroupName');
	const groups = groupsOf(ctx, me);
	if (groups.some((g) => g.name === name)) throw new TimError(51001, `Conversation group ${name} already exists`);
	if (groups.length >= MAX_GROUPS) throw new TimError(51003, `At most ${MAX_GROUPS} conversation groups per user`);
	if (!Array.isArray(item.ContactItem)) throw new TimError(50002, 'ContactItem must be an array');
	const g: TencentContactGroup = { id: sessionsOf(ctx.st).nextContactGroupId++, name, members: new Set() };
	groups.push(g); // its members count towards the 1,000 as they are added
	const results = item.ContactItem.map((c: unknown, i: number) => {
		const key = contactKey(c, `ContactItem[${i}]`);
		try {
			track(ctx, me, key);
		} catch (e) {
			return { ContactItem: contactItem(key), ResultCode: (e as TimError).code, ResultInfo: (e as TimError).message };
		}
		g.members.add(key);
		return { ContactItem: contactItem(key), ResultCode: 0, ResultInfo: '' };
	});
	return { GroupResultItem: [{ GroupItem: { GroupName: name, GroupId: g.id }, ResultItem: results }] };
}

function update_contact_group(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	if (body.UpdateType !== 1) throw new TimError(50002, 'UpdateType must be 1');
	const u = body.UpdateGroup;
	if (!isObj(u)) throw new TimError(50002, 'UpdateGroup is required');
	const old = groupName(u.OldGroupName, 'OldGroupName');
	const g = groupsOf(ctx, me).find((x) => x.name === old);
	if (!g) throw new TimError(51002, `No conversation group ${old}`);
	if (u.UpdateGroupType === 1) {
		const name = groupName(u.NewGroupName, 'NewGroupName');
		if (groupsOf(ctx, me).some((x) => x.name === name && x !== g)) throw new TimError(51001, `Conversation group ${name} already exists`);
		g.name = name;
		return { UpdateType: 1, UpdateGroupResult: { UpdateGroupType: 1, GroupName: name, GroupId: g.id, OldGroupName: old, ContactResultItem: [] } };
	}
	if (u.UpdateGroupType !== 2) throw new TimError(50002, 'UpdateGroupType must be 1 or 2');
	if (!Array.isArray(u.ContactUpdateItem)) throw new TimError(50002, 'ContactUpdateItem must be an array');
	const results = u.ContactUpdateItem.map((x: unknown, i: number) => {
		if (!isObj(x) || (x.ContactOptType !== 1 && x.ContactOptType !== 2)) throw new TimError(50002, `ContactUpdateItem[${i}].ContactOptType must be 1 or 2`);
		const key = contactKey(x.ContactItem, `ContactUpdateItem[${i}].ContactItem`);
		if (x.ContactOptType === 2) g.members.delete(key);
		else {
			try {
				track(ctx, me, key);
			} catch (e) {
				return { ContactOptType: 1, ContactItem: contactItem(key), ResultCode: (e as TimError).code, ResultInfo: (e as TimError).message };
			}
			g.members.add(key);
		}
		return { ContactOptType: x.ContactOptType, ContactItem: contactItem(key), ResultCode: 0, ResultInfo: '' };
	});
	return { UpdateType: 1, UpdateGroupResult: { UpdateGroupType: 2, GroupName: g.name, GroupId: g.id, OldGroupName: old, ContactResultItem: results } };
}

function del_contact_group(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const names = stringArray(body.GroupName, 'GroupName', 50002);
	if (names.length === 0) throw new TimError(50002, 'GroupName is empty');
	const all = groupsOf(ctx, me);
	const gone = all.filter((g) => names.includes(g.name));
	sessionsOf(ctx.st).contactGroups.set(me, all.filter((g) => !gone.includes(g)));
	return { GroupItem: gone.map((g) => ({ GroupName: g.name, GroupId: g.id })) };
}

function mark_contact(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const items = body.MarkItem;
	if (!Array.isArray(items) || items.length === 0) throw new TimError(50002, 'MarkItem must be a non-empty array');
	if (items.length > 100) throw new TimError(50002, `MarkItem has ${items.length} entries; the limit is 100`);
	const marks = sessionsOf(ctx.st).marks;
	if (!marks.has(me)) marks.set(me, new Map());
	const mine = marks.get(me)!;
	return {
		ResultItem: items.map((x: unknown, i: number) => {
			if (!isObj(x) || ![1, 2, 3].includes(x.OptType)) throw new TimError(50002, `MarkItem[${i}].OptType must be 1, 2 or 3`);
			const key = contactKey(x.ContactItem, `MarkItem[${i}].ContactItem`);
			const bitsOf = (v: unknown, name: string) => {
				if (v === undefined) return [];
				if (!Array.isArray(v) || v.some((b) => typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > 63)) throw new TimError(50002, `MarkItem[${i}].${name} must be bit numbers 0–63`);
				return v as number[];
			};
			const set = bitsOf(x.SetMark, 'SetMark');
			const clear = bitsOf(x.ClearMark, 'ClearMark');
			if (x.CustomMark !== undefined && (typeof x.CustomMark !== 'string' || bytes(x.CustomMark) > 256)) throw new TimError(50002, `MarkItem[${i}].CustomMark must be text of at most 256 bytes`);
			try {
				track(ctx, me, key);
			} catch (e) {
				return { OptType: x.OptType, ContactItem: contactItem(key), ResultCode: (e as TimError).code, ResultInfo: (e as TimError).message };
			}
			const m = mine.get(key) ?? { standard: new Set<number>(), at: ctx.nowSec };
			if (x.OptType !== 2) {
				for (const b of set) m.standard.add(b);
				for (const b of clear) m.standard.delete(b);
			}
			if (x.OptType !== 1 && x.CustomMark !== undefined) m.custom = x.CustomMark as string;
			m.at = ctx.nowSec;
			mine.set(key, m);
			return { OptType: x.OptType, ContactItem: contactItem(key), ResultCode: 0, ResultInfo: '' };
		}),
	};
}

/** The group/mark entry of one conversation (ContactResultItem), or undefined when it has none. */
function contactResult(ctx: TimCtx, me: string, key: string) {
	const m = sessionsOf(ctx.st).marks.get(me)?.get(key);
	const groups = groupsOf(ctx, me).filter((g) => g.members.has(key));
	if (!m && groups.length === 0) return undefined;
	const bits = [...(m?.standard ?? [])];
	const standard = bits.length ? Array.from({ length: Math.max(...bits) + 1 }, (_, b) => (bits.includes(b) ? '1' : '0')).reverse().join('') : '';
	return { ...contactItem(key), StandardMark: standard, CustomMark: m?.custom ?? '', ContactGroupId: groups.map((g) => g.id), Timestamp: m?.at ?? 0 };
}

const groupItems = (ctx: TimCtx, me: string) => groupsOf(ctx, me).map((g) => ({ GroupName: g.name, GroupId: g.id }));

function search_contact_group(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const list = body.ContactItem;
	if (!Array.isArray(list) || list.length === 0) throw new TimError(50002, 'ContactItem must be a non-empty array');
	if (list.length > 300) throw new TimError(50002, `ContactItem has ${list.length} entries; the limit is 300`);
	const found = list.map((c, i) => contactResult(ctx, me, contactKey(c, `ContactItem[${i}]`))).filter((x) => x !== undefined);
	return { ContactResultItem: found, GroupItem: groupItems(ctx, me) };
}

function get_contact_group(ctx: TimCtx, body: Record<string, unknown>) {
	const me = owner(ctx, body);
	const start = intField(body, 'StartIndex');
	const all = [...tracked(ctx, me)].sort().map((k) => contactResult(ctx, me, k)!);
	const size = sessionsOf(ctx.st).contactGroupPage;
	const page = all.slice(start, start + size);
	const next = start + page.length;
	return { ContactItem: page, GroupItem: groupItems(ctx, me), CompleteFlag: next >= all.length ? 1 : 0, NextStartIndex: next };
}

export const conversationRoutes: TimRoute[] = [
	route('recentcontact/get_list', 'openim', 200, get_list),
	route('recentcontact/delete', 'openim', 200, remove),
	route('recentcontact/create_contact_group', 'openim', 200, create_contact_group),
	route('recentcontact/update_contact_group', 'openim', 200, update_contact_group),
	route('recentcontact/del_contact_group', 'openim', 200, del_contact_group),
	route('recentcontact/mark_contact', 'openim', 200, mark_contact),
	route('recentcontact/search_contact_group', 'openim', 200, search_contact_group),
	route('recentcontact/get_contact_group', 'openim', 200, get_contact_group),
];

// Sandbox code (not shipped): Volcengine IM users — register, unregister, get, update profiles,
// online status (volcengine-rtc.md §4.7, doc 6348/1125995) — and the seeds that stand in for them.
import type { Body } from '../routes';
import { appField, arrayField, boolField, int64Array, int64Field, joinTag, objectEntry, setTag, splitTag, stringField, stringMap, utf8, VolcError } from './fields';
import { action, type VolcRoute } from './route';
import { usersOf, type OnlineConnection, type VolcCtx, type VolcengineState } from './state';

type FailedInfo = { UserId: bigint; Code: string; Message: string };

/** A list of 1 to `max` entries; InvalidParameter.UserCountOverLimit otherwise. */
function sized<T>(list: T[], name: string, max: number): T[] {
	if (list.length === 0 || list.length > max) throw new VolcError('InvalidParameter.UserCountOverLimit', `${name} has ${list.length} entries; it takes 1 to ${max}`);
	return list;
}

function RegisterUsers(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const list = sized(arrayField(body, 'Users'), 'Users', 20);
	const users = usersOf(ctx.st, appId);
	const fail = new Set(ctx.cfg.failUsers ?? []);
	const failed: FailedInfo[] = [];
	let robots = [...users.values()].filter((u) => u.isRobot).length;
	list.forEach((entry, i) => {
		const e = objectEntry(entry, `Users[${i}]`);
		const userId = int64Field(e, 'UserId')!;
		const profile = profileFields(e, `Users[${i}]`);
		if (fail.has(userId.toString())) {
			failed.push({ UserId: userId, Code: 'InternalError.User', Message: `user ${userId} could not be registered` });
			return;
		}
		const isRobot = boolField(e, 'IsRobot');
		const existing = users.get(userId);
		if (isRobot && !existing?.isRobot && robots >= 5000) {
			failed.push({ UserId: userId, Code: 'InvalidParameter.RobotCountOverLimit', Message: 'an app can have at most 5000 robots' });
			return;
		}
		if (isRobot && !existing?.isRobot) robots++;
		users.set(userId, {
			userId,
			tags: profile.tags ?? new Map(),
			nickName: profile.nickName,
			portrait: profile.portrait,
			ext: profile.ext,
			isRobot: isRobot ?? existing?.isRobot,
			createTime: existing?.createTime ?? ctx.now,
			modifyTime: ctx.now,
		});
	});
	return { FailedInfos: failed };
}

function UnRegisterUsers(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const ids = sized(int64Array(body, 'UserIds'), 'UserIds', 10);
	const users = usersOf(ctx.st, appId);
	const fail = new Set(ctx.cfg.failUsers ?? []);
	const failed: FailedInfo[] = [];
	for (const id of ids) {
		if (fail.has(id.toString())) failed.push({ UserId: id, Code: 'InternalError.User', Message: `user ${id} could not be unregistered` });
		else if (!users.delete(id)) failed.push({ UserId: id, Code: 'UserNotFound', Message: `user ${id} is not registered` });
	}
	return { FailedInfos: failed };
}

function BatchGetUser(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const ids = sized(int64Array(body, 'UserIds'), 'UserIds', 50);
	const users = usersOf(ctx.st, appId);
	const found: unknown[] = [];
	const missing: bigint[] = [];
	for (const id of ids) {
		const user = users.get(id);
		if (!user) missing.push(id);
		else {
			found.push({
				AppId: appId,
				UserId: id,
				Tags: [...user.tags].map(([k, v]) => joinTag(k, v)),
				CreateTime: user.createTime ?? 0,
				ModifyTime: user.modifyTime ?? 0,
				NickName: user.nickName ?? '',
				Portrait: user.portrait ?? '',
				Ext: user.ext ?? {},
			});
		}
	}
	return { Users: found, NotFoundUsers: missing };
}

function BatchUpdateUser(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const list = sized(arrayField(body, 'Users'), 'Users', 10);
	const users = usersOf(ctx.st, appId);
	const fail = new Set(ctx.cfg.failUsers ?? []);
	const failed: FailedInfo[] = [];
	list.forEach((entry, i) => {
		const e = objectEntry(entry, `Users[${i}]`);
		const userId = int64Field(e, 'UserId')!;
		const profile = profileFields(e, `Users[${i}]`);
		const user = users.get(userId);
		if (fail.has(userId.toString())) failed.push({ UserId: userId, Code: 'InternalError.User', Message: `user ${userId} could not be updated` });
		else if (!user) failed.push({ UserId: userId, Code: 'UserNotFound', Message: `user ${userId} is not registered` });
		else {
			// Every field of the Go SDK model is required: the profile is replaced as sent.
			user.nickName = profile.nickName ?? '';
			user.portrait = profile.portrait ?? '';
			user.tags = profile.tags ?? new Map();
			user.ext = profile.ext ?? {};
			user.modifyTime = ctx.now;
		}
	});
	return { FailedInfos: failed };
}

function QueryOnlineStatus(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const ids = sized(int64Array(body, 'UserIds'), 'UserIds', 100);
	const online = ctx.st.online.get(appId) ?? new Map<bigint, OnlineConnection[]>();
	const results: Record<string, unknown[]> = {};
	for (const id of ids) {
		const conns = online.get(id);
		if (conns?.length) results[id.toString()] = conns.map((c) => ({ UserId: id, DeviceId: '', ClientVersion: '', Platform: '', ...c }));
	}
	return { QueryOnlineResults: results };
}

/** NickName ≤ 100 bytes, Portrait ≤ 500, Tags free strings, Ext ≤ 20 keys (key ≤ 50 bytes, not "s:…", value ≤ 500) — §4.7. */
export function profileFields(e: Record<string, unknown>, where: string): { nickName?: string; portrait?: string; tags?: Map<string, string>; ext?: Record<string, string> } {
	const nickName = stringField(e, 'NickName', false);
	if (nickName !== undefined && utf8(nickName) > 100) throw new VolcError('InvalidParameter', `${where}.NickName is over 100 bytes`);
	const portrait = stringField(e, 'Portrait', false);
	if (portrait !== undefined && utf8(portrait) > 500) throw new VolcError('InvalidParameter', `${where}.Portrait is over 500 bytes`);
	let tags: Map<string, string> | undefined;
	if (e.Tags !== undefined && e.Tags !== null) {
		if (!Array.isArray(e.Tags) || e.Tags.some((t) => typeof t !== 'string')) {
			throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal into Go struct field ${where}.Tags of type []string`);
		}
		tags = new Map();
		for (const t of e.Tags as string[]) setTag(tags, t, where);
	}
	const ext = stringMap(e, 'Ext');
	if (ext) {
		const keys = Object.keys(ext);
		if (keys.length > 20) throw new VolcError('InvalidParameter', `${where}.Ext has more than 20 keys`);
		for (const k of keys) {
			if (k.startsWith('s:')) throw new VolcError('InvalidParameter', `${where}.Ext key "${k}" uses the reserved prefix s:`);
			if (utf8(k) > 50) throw new VolcError('InvalidParameter', `${where}.Ext key "${k}" is over 50 bytes`);
			if (utf8(ext[k]) > 500) throw new VolcError('InvalidParameter', `${where}.Ext value of "${k}" is over 500 bytes`);
		}
	}
	return { nickName, portrait, tags, ext };
}

export const userRoutes: VolcRoute[] = [
	action('RegisterUsers', 50, RegisterUsers, { size: ['Users'] }),
	action('UnRegisterUsers', 50, UnRegisterUsers, { size: ['UserIds'] }),
	action('BatchGetUser', 100, BatchGetUser, { size: ['UserIds'] }),
	action('BatchUpdateUser', 50, BatchUpdateUser, { size: ['Users'] }),
	action('QueryOnlineStatus', 50, QueryOnlineStatus, { size: ['UserIds'] }),
];

// ---- seeds (what the API would have done before the test) -----------------------------------------

/** Tags of a seeded user: a map (a null value = a plain tag such as "vip"), or tags as the API writes them ("vip", "level:gold"). */
export type SeedTags = Record<string, string | null> | string[];

export type UserSeed = { userId: bigint | string | number; tags?: SeedTags };

/** Registers IM users (what RegisterUsers does). */
export function seedVolcengineUsers(st: VolcengineState, appId: number, users: UserSeed[]): void {
	st.apps.add(appId);
	const m = usersOf(st, appId);
	for (const u of users) {
		const userId = BigInt(u.userId);
		const tags = new Map<string, string | null>();
		if (Array.isArray(u.tags)) {
			for (const t of u.tags) {
				const { key, value } = splitTag(t);
				tags.set(key, value);
			}
		} else for (const [k, v] of Object.entries(u.tags ?? {})) tags.set(k, v);
		m.set(userId, { userId, tags });
	}
}

/** Registers IM users with profile fields (what RegisterUsers does). */
export function seedVolcengineProfiles(
	st: VolcengineState,
	appId: number,
	users: Array<UserSeed & { nickName?: string; portrait?: string; ext?: Record<string, string>; isRobot?: boolean }>,
	now: number,
): void {
	seedVolcengineUsers(st, appId, users);
	const m = usersOf(st, appId);
	for (const u of users) {
		const user = m.get(BigInt(u.userId))!;
		Object.assign(user, { nickName: u.nickName, portrait: u.portrait, ext: u.ext, isRobot: u.isRobot, createTime: now, modifyTime: now });
	}
}

/** Marks a user online with the given connections (an empty list = offline). */
export function seedVolcengineOnline(st: VolcengineState, appId: number, userId: bigint | string | number, connections: OnlineConnection[]): void {
	let byApp = st.online.get(appId);
	if (!byApp) st.online.set(appId, (byApp = new Map()));
	byApp.set(BigInt(userId), connections);
}

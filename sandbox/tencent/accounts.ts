// Sandbox code (not shipped): Tencent Chat accounts — import (one, many), check, delete, online
// status (tencent-chat.md §5.1–§5.5).
import { bytes, isObj, TimError, withErrors, type ErrorList } from './fields';
import { route, type TimRoute } from './route';
import type { TencentPlatformStatus, TencentState, TimCtx } from './state';

function validUserId(v: unknown): v is string {
	return typeof v === 'string' && v !== '' && bytes(v) <= 32;
}

function importAccount(st: TencentState, id: string, nick?: unknown, faceUrl?: unknown) {
	st.accounts.add(id);
	if (typeof nick === 'string' || typeof faceUrl === 'string') {
		const p = st.profiles.get(id) ?? {};
		if (typeof nick === 'string') p.nick = nick;
		if (typeof faceUrl === 'string') p.faceUrl = faceUrl;
		st.profiles.set(id, p);
	}
}

/** 70399 (deleted less than `reimportBlockSeconds` ago) or 70398 (account cap); 0 when the import may go ahead. */
function importRefusal(ctx: TimCtx, id: string): number {
	const { st, sb } = ctx;
	const block = sb.config.tencent.reimportBlockSeconds ?? 0;
	const deletedAt = st.deleted.get(id);
	if (block > 0 && deletedAt !== undefined && ctx.now - deletedAt < block * 1000) return 70399;
	const cap = sb.config.tencent.accountCap ?? 0;
	if (cap > 0 && !st.accounts.has(id)) {
		const admins = new Set(Object.values(sb.config.tencent.apps).flatMap((a) => a.admins ?? []));
		if ([...st.accounts].filter((a) => !admins.has(a)).length >= cap) return 70398;
	}
	return 0;
}

function account_import(ctx: TimCtx, body: Record<string, unknown>) {
	if (!validUserId(body.UserID)) throw new TimError(70402, 'UserID must be a non-empty string of at most 32 bytes');
	for (const k of ['Nick', 'FaceUrl']) {
		const v = body[k];
		if (v === undefined) continue;
		if (typeof v !== 'string') throw new TimError(70402, `${k} must be a string`);
		if (bytes(v) > 500) throw new TimError(40601, `${k} is longer than 500 bytes`);
	}
	const refusal = importRefusal(ctx, body.UserID);
	if (refusal === 70399) throw new TimError(70399, `${body.UserID} was deleted less than 3 months ago and cannot be imported again yet`);
	if (refusal === 70398) throw new TimError(70398, 'The account limit of the app is reached');
	importAccount(ctx.st, body.UserID, body.Nick, body.FaceUrl);
	return {};
}

function multiaccount_import(ctx: TimCtx, body: Record<string, unknown>) {
	const fail: string[] = [];
	if (body.AccountList !== undefined) {
		const list = body.AccountList;
		if (!Array.isArray(list)) throw new TimError(70402, 'AccountList must be an array');
		if (list.length > 100) throw new TimError(70402, 'At most 100 accounts per call (§5.2)');
		for (const e of list) {
			if (!isObj(e) || !validUserId(e.UserID)) {
				fail.push(isObj(e) ? String(e.UserID) : String(e));
				continue;
			}
			// sandbox: a profile value that account_import would refuse (§5.1: 40601) fails that account only.
			const badProfile = ['Nick', 'FaceUrl'].some((k) => e[k] !== undefined && (typeof e[k] !== 'string' || bytes(e[k]) > 500));
			if (badProfile || importRefusal(ctx, e.UserID) !== 0) {
				fail.push(e.UserID);
				continue;
			}
			importAccount(ctx.st, e.UserID, e.Nick, e.FaceUrl);
		}
	} else if (body.Accounts !== undefined) {
		const list = body.Accounts;
		if (!Array.isArray(list)) throw new TimError(70402, 'Accounts must be an array');
		if (list.length > 100) throw new TimError(70402, 'At most 100 accounts per call (§5.2)');
		for (const id of list) {
			if (!validUserId(id) || importRefusal(ctx, id) !== 0) fail.push(String(id));
			else importAccount(ctx.st, id);
		}
	} else throw new TimError(70402, 'Accounts or AccountList is required');
	return { FailAccounts: fail };
}

function account_check(ctx: TimCtx, body: Record<string, unknown>) {
	const list = body.CheckItem;
	if (!Array.isArray(list) || list.length === 0) throw new TimError(70402, 'CheckItem must be a non-empty array');
	if (list.length > 100) throw new TimError(70402, 'At most 100 accounts per call (§5.3)');
	const items = list.map((e, i) => {
		if (!isObj(e) || typeof e.UserID !== 'string') throw new TimError(70402, `CheckItem[${i}].UserID must be a string`);
		const imported = ctx.st.accounts.has(e.UserID);
		return { UserID: e.UserID, ResultCode: 0, ResultInfo: '', AccountStatus: imported ? 'Imported' : 'NotImported' };
	});
	return { ResultItem: items };
}

/**
 * §5.4: ≤ 100 per call, one ResultItem per UserID. Irreversible: profile, relationships, group
 * memberships, status and mutes go. sandbox: an unknown UserID gets ResultCode 70107; groups the
 * account owned keep existing without owner.
 */
function account_delete(ctx: TimCtx, body: Record<string, unknown>) {
	const { st, sb } = ctx;
	if (sb.config.tencent.accountDeleteDisabled) throw new TimError(71000, 'Account deletion is not enabled for this app (console setting)');
	const list = body.DeleteItem;
	if (!Array.isArray(list) || list.length === 0) throw new TimError(70402, 'DeleteItem must be a non-empty array');
	if (list.length > 100) throw new TimError(70402, 'At most 100 accounts per call (§5.4)');
	const ids = list.map((e, i) => {
		if (!isObj(e) || typeof e.UserID !== 'string') throw new TimError(70402, `DeleteItem[${i}].UserID must be a string`);
		return e.UserID as string;
	});
	const items = ids.map((id) => {
		if (!st.accounts.has(id)) return { UserID: id, ResultCode: 70107, ResultInfo: 'UserID not imported' };
		st.accounts.delete(id);
		st.profiles.delete(id);
		st.userAttrs.delete(id);
		st.userTags.delete(id);
		st.online.delete(id);
		st.mutes.delete(id);
		for (const g of st.groups.values()) {
			g.members.delete(id);
			g.admins?.delete(id);
			g.pending?.delete(id);
			if (g.owner === id) g.owner = undefined;
		}
		st.deleted.set(id, ctx.now);
		return { UserID: id, ResultCode: 0, ResultInfo: '' };
	});
	return { ResultItem: items };
}

/** §5.5: Online if any device is connected, else PushOnline if any device is reachable by push, else Offline. */
function overallStatus(platforms: TencentPlatformStatus[]): TencentPlatformStatus['Status'] {
	if (platforms.some((p) => p.Status === 'Online')) return 'Online';
	if (platforms.some((p) => p.Status === 'PushOnline')) return 'PushOnline';
	return 'Offline';
}

/** §5.5: ≤ 500 accounts; unknown ones go to ErrorList with 70107. */
function query_online_status(ctx: TimCtx, body: Record<string, unknown>) {
	const raw = body.To_Account;
	if (raw === undefined || raw === null) throw new TimError(90003, 'To_Account is required');
	if (!Array.isArray(raw)) throw new TimError(90028, 'To_Account must be an array');
	if (raw.length === 0) throw new TimError(90029, 'To_Account is empty');
	if (raw.length > 500) throw new TimError(90018, `To_Account has ${raw.length} accounts; the limit is 500`);
	if (raw.some((x) => typeof x !== 'string')) throw new TimError(60015, 'To_Account entries must be strings');
	const detail = body.IsNeedDetail;
	if (detail !== undefined && detail !== 0 && detail !== 1) throw new TimError(90010, 'IsNeedDetail must be 0 or 1');
	const errors: ErrorList = [];
	const result: unknown[] = [];
	for (const a of raw as string[]) {
		if (!ctx.st.accounts.has(a)) {
			errors.push({ To_Account: a, ErrorCode: 70107 });
			continue;
		}
		const platforms = ctx.st.online.get(a) ?? [];
		const entry: Record<string, unknown> = { To_Account: a, Status: overallStatus(platforms) };
		if (detail === 1) entry.Detail = platforms.filter((p) => p.Status !== 'Offline').map((p) => ({ Platform: p.Platform, Status: p.Status }));
		result.push(entry);
	}
	return withErrors({ QueryResult: result }, errors);
}

export const accountRoutes: TimRoute[] = [
	route('im_open_login_svc/account_import', 'login', 200, account_import),
	route('im_open_login_svc/multiaccount_import', 'login', 100, multiaccount_import),
	route('im_open_login_svc/account_check', 'login', 100, account_check),
	// §1.4: rate unconfirmed; the default 200/s is assumed.
	route('im_open_login_svc/account_delete', 'login', 200, account_delete),
	route('openim/query_online_status', 'openim', 200, query_online_status),
];

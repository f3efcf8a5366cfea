// Sandbox code (not shipped): Tencent Chat operations data and login state — getappinfo,
// get_history, GetIPList (tencentcloud.com/document/product/1047/34886, 34885, 36742; fields:
// dobyte/tencent-im operation/types.go) and kick (34957; UserID as in doocs KickRequest.java).
// sandbox: the numbers are derived from the sandbox state; codes are our reading — 60003 (bad
// request) for a bad field, 70107 for kick of an unknown account, and get_history's answer for an
// hour without messages is an empty File list (the page names no code for it).
import { stringField, TimError } from './fields';
import { route, type TimRoute } from './route';
import type { TimCtx } from './state';

/** sandbox: any field name is taken; the ones with a sandbox meaning are filled, the rest answer "0". */
const FIELD = /^[A-Za-z0-9]{2,40}$/;

const DAY_MS = 86_400_000;
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');

function getappinfo(ctx: TimCtx, body: Record<string, unknown>) {
	const want =
		body.RequestField === undefined ? ['AppName', 'AppId', 'Company', 'RegistUserNumTotal', 'UpMsgNum', 'GroupAllGroupNum', 'Date'] : body.RequestField;
	if (!Array.isArray(want) || want.some((f) => typeof f !== 'string' || !FIELD.test(f)))
		throw new TimError(60003, 'RequestField must be a list of field names');
	const all = (d: number): Record<string, string> => ({
		AppName: 'sandbox',
		AppId: String(ctx.sdkAppId),
		Company: 'sandbox',
		RegistUserNumTotal: String(ctx.st.accounts.size),
		UpMsgNum: String(ctx.st.c2c.filter((m) => ymd(m.at) === ymd(ctx.now - d * DAY_MS)).length),
		GroupAllGroupNum: String(ctx.st.groups.size),
		Date: ymd(ctx.now - d * DAY_MS),
	});
	// sandbox: 30 days, newest first; fields without a sandbox meaning are "0".
	return {
		ActionStatus: undefined,
		Result: Array.from({ length: 30 }, (_, d) => Object.fromEntries((want as string[]).map((f) => [f, all(d)[f] ?? '0']))),
	};
}

function get_history(ctx: TimCtx, body: Record<string, unknown>) {
	const chat = body.ChatType;
	if (chat !== 'C2C' && chat !== 'Group') throw new TimError(60003, 'ChatType must be C2C or Group');
	const hour = stringField(body, 'MsgTime', 60003, true);
	if (!/^\d{10}$/.test(hour)) throw new TimError(60003, 'MsgTime must be YYYYMMDDHH');
	const at = Date.UTC(+hour.slice(0, 4), +hour.slice(4, 6) - 1, +hour.slice(6, 8), +hour.slice(8, 10));
	// Logs are kept 7 days (34885): older hours, and future ones, have no files.
	if (at > ctx.now || ctx.now - at > 7 * DAY_MS) return { ActionStatus: undefined, File: [] };
	return {
		ActionStatus: undefined,
		File: [
			{
				URL: `https://sandbox.invalid/history/${chat}/${hour}.gz`,
				ExpireTime: new Date(ctx.now + 3_600_000).toISOString(),
				FileSize: 2048,
				FileMD5: '0'.repeat(32),
				GzipSize: 512,
				GzipMD5: 'f'.repeat(32),
			},
		],
	};
}

function GetIPList() {
	return { ActionStatus: undefined, IPList: ['203.0.113.0/24', '198.51.100.7'] };
}

function kick(ctx: TimCtx, body: Record<string, unknown>) {
	const id = stringField(body, 'UserID', 70402, true);
	if (!ctx.st.accounts.has(id)) throw new TimError(70107, `${id} is not an imported account`);
	ctx.st.online.delete(id);
	return {};
}

export const operationRoutes: TimRoute[] = [
	route('openconfigsvr/getappinfo', 'config', 200, getappinfo),
	route('open_msg_svc/get_history', 'config', 10, get_history),
	route('ConfigSvc/GetIPList', 'config', 200, GetIPList),
	route('im_open_login_svc/kick', 'login', 200, kick),
];

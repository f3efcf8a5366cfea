// Sandbox code (not shipped): Volcengine RTC room control — ban / remove users, dismiss a room, ban a
// user's audio/video (Go SDK volc-sdk-golang service/rtc/v20231101 and v20201201 model.go; doc pages
// 6348/1188353, 1188351, 357742, 357815, 1188354, 80655). The sandbox has no RTC presence: it
// records what was asked, so a test can see it, and answers as the vendor documents.
import type { Body } from '../routes';
import { boolField, isInt, typeName, VolcError } from './fields';
import { action, IM_VERSION, type VolcRoute } from './route';
import { rtsId } from './rts';
import type { VolcCtx, VolcengineState } from './state';

const ROOM_VERSION = '2023-11-01';

export interface RoomControlState {
	/** `${roomId|*}|${userId|*}` → ban end (s). */
	bans: Map<string, number>;
	/** Users removed (KickUser, or a ban of 0) and rooms dismissed, in order. */
	removed: Array<{ action: string; roomId?: string; userId?: string }>;
	/** `${roomId}|${userId}` → banned kinds and end (s, 0 = until unbanned). */
	streamBans: Map<string, { audio: boolean; video: boolean; until: number }>;
	/** `${roomId}|${userId}` → end of the publish limit (s). The token itself is not kept. */
	limitedTokens: Map<string, number>;
}

const STATE = new WeakMap<VolcengineState, RoomControlState>();

export function roomControlOf(st: VolcengineState): RoomControlState {
	let s = STATE.get(st);
	if (!s) STATE.set(st, (s = { bans: new Map(), removed: [], streamBans: new Map(), limitedTokens: new Map() }));
	return s;
}

function appOf(ctx: VolcCtx, body: Body): void {
	const appId = body.AppId;
	if (appId === undefined || appId === null || appId === '') throw new VolcError('InvalidParameter', 'AppId is required');
	if (typeof appId !== 'string') throw new VolcError('InvalidParameter.IllegalAppId', `AppId must be a string, got ${typeName(appId)}`);
	if (!ctx.st.rts.apps.has(appId)) throw new VolcError('InvalidParameter.NotExistAppId', `AppId ${appId} does not exist`);
}

const optionalId = (body: Body, name: string, code: string): string | undefined =>
	body[name] === undefined || body[name] === null || body[name] === '' ? undefined : rtsId(body, name, code);

/** ForbiddenInterval: absent or 0 → 0; below `min` raised to `min`, above `max` lowered to `max` (as documented). */
function interval(body: Body, min: number, max: number): number {
	const v = body.ForbiddenInterval;
	if (v === undefined || v === null) return 0;
	if (!isInt(v)) throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ForbiddenInterval of type int`);
	const n = Number(v);
	if (n < 0) throw new VolcError('InvalidParameter', 'ForbiddenInterval must not be negative');
	return n === 0 ? 0 : Math.min(max, Math.max(min, n));
}

const now = (ctx: VolcCtx) => Math.floor(ctx.now / 1000);

function banTarget(ctx: VolcCtx, body: Body) {
	appOf(ctx, body);
	const roomId = optionalId(body, 'RoomId', 'InvalidParameter.IllegalRoomID');
	const userId = optionalId(body, 'UserId', 'InvalidParameter.IllegalTo');
	if (roomId === undefined && userId === undefined) throw new VolcError('InvalidParameter', 'RoomId or UserId is required');
	return { roomId, userId, key: `${roomId ?? '*'}|${userId ?? '*'}`, seconds: interval(body, 10, 604800) };
}

function BanRoomUser(ctx: VolcCtx, body: Body) {
	const { roomId, userId, key, seconds } = banTarget(ctx, body);
	const s = roomControlOf(ctx.st);
	const until = s.bans.get(key);
	// "若重复调用封禁接口不会导致请求失败,BaseResponse.Result 会提示 Room has been banned" (6348/1188353)
	if (until !== undefined && until > now(ctx)) return { Message: 'Room has been banned' };
	s.removed.push({ action: 'BanRoomUser', roomId, userId });
	if (seconds > 0) s.bans.set(key, now(ctx) + seconds);
	return { Message: 'success' };
}

function UpdateBanRoomUserRule(ctx: VolcCtx, body: Body) {
	const { key, seconds } = banTarget(ctx, body);
	const s = roomControlOf(ctx.st);
	if (seconds === 0) s.bans.delete(key);
	else s.bans.set(key, now(ctx) + seconds);
	return { Message: 'success' };
}

function KickUser(ctx: VolcCtx, body: Body) {
	appOf(ctx, body);
	const roomId = rtsId(body, 'RoomId', 'InvalidParameter.IllegalRoomID');
	const userId = rtsId(body, 'UserId', 'InvalidParameter.IllegalTo');
	roomControlOf(ctx.st).removed.push({ action: 'KickUser', roomId, userId });
	// The 2020-12-01 answer spells it `message` (Go SDK KickUserResResult, doc 6348/357742).
	return { message: 'success' };
}

function DismissRoom(ctx: VolcCtx, body: Body) {
	appOf(ctx, body);
	const roomId = rtsId(body, 'RoomId', 'InvalidParameter.IllegalRoomID');
	roomControlOf(ctx.st).removed.push({ action: 'DismissRoom', roomId });
	return { message: 'success' };
}

function streamTarget(ctx: VolcCtx, body: Body) {
	appOf(ctx, body);
	const key = `${rtsId(body, 'RoomId', 'InvalidParameter.IllegalRoomID')}|${rtsId(body, 'UserId', 'InvalidParameter.IllegalTo')}`;
	// "Audio/Video: true 封禁(解封) … 默认值为 false" (6348/1188354, 80655)
	return { key, audio: boolField(body, 'Audio') === true, video: boolField(body, 'Video') === true };
}

function BanUserStream(ctx: VolcCtx, body: Body) {
	const { key, audio, video } = streamTarget(ctx, body);
	const s = roomControlOf(ctx.st);
	const was = s.streamBans.get(key) ?? { audio: false, video: false, until: 0 };
	const seconds = interval(body, 10, 259200);
	s.streamBans.set(key, { audio: was.audio || audio, video: was.video || video, until: seconds === 0 ? 0 : now(ctx) + seconds });
	return { Message: 'success' };
}

function UnbanUserStream(ctx: VolcCtx, body: Body) {
	const { key, audio, video } = streamTarget(ctx, body);
	const s = roomControlOf(ctx.st);
	const was = s.streamBans.get(key);
	if (was) {
		const left = { ...was, audio: was.audio && !audio, video: was.video && !video };
		if (left.audio || left.video) s.streamBans.set(key, left);
		else s.streamBans.delete(key);
	}
	return { Message: 'success' };
}

function LimitTokenPrivilege(ctx: VolcCtx, body: Body) {
	appOf(ctx, body);
	const key = `${rtsId(body, 'RoomId', 'InvalidParameter.IllegalRoomID')}|${rtsId(body, 'UserId', 'InvalidParameter.IllegalTo')}`;
	const token = body.Token;
	if (typeof token !== 'string' || token === '') throw new VolcError('InvalidParameter', 'Token is required');
	// "取值范围为 [60,259200] … 大于 0 且小于 60 自动修改为 60" (6348/1188352); required.
	if (body.ForbiddenInterval === undefined) throw new VolcError('InvalidParameter', 'ForbiddenInterval is required');
	const endTime = now(ctx) + interval(body, 60, 259200);
	roomControlOf(ctx.st).limitedTokens.set(key, endTime);
	return { Message: 'Success', EndTime: endTime };
}

const both = { versions: [ROOM_VERSION, IM_VERSION] };
const legacy = { versions: [IM_VERSION] };

export const roomControlRoutes: VolcRoute[] = [
	action('BanRoomUser', 40, BanRoomUser, both),
	action('UpdateBanRoomUserRule', 20, UpdateBanRoomUserRule, both),
	action('KickUser', 60, KickUser, legacy),
	action('DismissRoom', 60, DismissRoom, legacy),
	action('BanUserStream', 60, BanUserStream, both),
	action('UnbanUserStream', 60, UnbanUserStream, both),
	action('LimitTokenPrivilege', 40, LimitTokenPrivilege, { versions: [ROOM_VERSION] }),
];

// Sandbox code (not shipped): Volcengine real-time signalling (RTS, volcengine-rtc.md §5): messages
// to a user, to a user in a room, to a room, and to many users in a room, with a string RTC App ID.
import type { Body } from '../routes';
import { stringField, typeName, utf8, VolcError } from './fields';
import { action, IM_VERSION, RTS_VERSION, type VolcRoute } from './route';
import type { RtsMessage, VolcCtx, VolcengineState } from './state';

function SendUnicast(ctx: VolcCtx, body: Body) {
	const c = rtsCommon(ctx.st, body, 64 * 1024);
	const to = rtsId(body, 'To', 'InvalidParameter.IllegalTo');
	return rtsAccept(ctx, { action: 'SendUnicast', ...c, to: [to], at: ctx.now });
}

function SendRoomUnicast(ctx: VolcCtx, body: Body) {
	const c = rtsCommon(ctx.st, body, 64 * 1024);
	const roomId = rtsId(body, 'RoomId', 'InvalidParameter.IllegalRoomID');
	const to = rtsId(body, 'To', 'InvalidParameter.IllegalTo');
	return rtsAccept(ctx, { action: 'SendRoomUnicast', ...c, roomId, to: [to], at: ctx.now });
}

function SendBroadcast(ctx: VolcCtx, body: Body) {
	const c = rtsCommon(ctx.st, body, 64 * 1024);
	const roomId = rtsId(body, 'RoomId', 'InvalidParameter.IllegalRoomID');
	return rtsAccept(ctx, { action: 'SendBroadcast', ...c, roomId, at: ctx.now });
}

function BatchSendRoomUnicast(ctx: VolcCtx, body: Body) {
	const c = rtsCommon(ctx.st, body, 20 * 1024);
	const roomId = rtsId(body, 'RoomId', 'InvalidParameter.IllegalRoomID');
	const raw = body.To;
	if (!Array.isArray(raw)) throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(raw)} into Go struct field To of type []string`);
	if (raw.length === 0) throw new VolcError('InvalidParameter.IllegalTo', 'To is empty');
	if (raw.length > 600) throw new VolcError('InvalidParameter.UserCountOverLimit', `To has ${raw.length} users; the limit is 600`);
	const to = raw.map((t, i) => rtsId({ [`To[${i}]`]: t }, `To[${i}]`, 'InvalidParameter.IllegalTo'));
	return rtsAccept(ctx, { action: 'BatchSendRoomUnicast', ...c, roomId, to, at: ctx.now });
}

const RTS_ID = /^[a-zA-Z0-9_@\-.]{1,128}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function rtsId(body: Record<string, unknown>, name: string, code: string): string {
	const v = body[name];
	if (v === undefined || v === null || v === '') throw new VolcError(code, `${name} is required`);
	if (typeof v !== 'string') throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type string`);
	if (!RTS_ID.test(v)) throw new VolcError(code, `${name} "${v.slice(0, 40)}" is illegal: at most 128 characters of a-z A-Z 0-9 @ . _ -`);
	return v;
}

/** AppId (string), From, Binary, Message with its size limit (bytes of the Message string) — §5. */
function rtsCommon(st: VolcengineState, body: Record<string, unknown>, maxBytes: number): { appId: string; from: string; binary: boolean; message: string } {
	const appId = body.AppId;
	if (appId === undefined || appId === null || appId === '') throw new VolcError('InvalidParameter', 'AppId is required');
	if (typeof appId !== 'string') throw new VolcError('InvalidParameter.IllegalAppId', `AppId must be a string, got ${typeName(appId)}`);
	if (!st.rts.apps.has(appId)) throw new VolcError('InvalidParameter.NotExistAppId', `AppId ${appId} does not exist`);
	const from = rtsId(body, 'From', 'InvalidParameter.IllegalFrom');
	if (body.Binary === undefined || body.Binary === null) throw new VolcError('InvalidParameter', 'Binary is required');
	if (typeof body.Binary !== 'boolean') throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(body.Binary)} into Go struct field Binary of type bool`);
	const message = stringField(body, 'Message', true)!;
	if (utf8(message) > maxBytes) throw new VolcError('InvalidParameter.SizeOverLimit', `Message is ${utf8(message)} bytes; the limit is ${maxBytes}`);
	if (body.Binary && !BASE64.test(message)) throw new VolcError('InvalidParameter', 'Message must be base64 when Binary is true');
	return { appId, from, binary: body.Binary, message };
}

function rtsAccept(ctx: VolcCtx, m: RtsMessage): unknown {
	const cfg = ctx.cfg.rtsAnswer;
	const answer = cfg === undefined ? 'Success' : cfg;
	if (answer !== null && answer.toLowerCase() !== 'success') return { Message: answer };
	ctx.st.rts.messages.push(m);
	if (m.roomId !== undefined) {
		const key = `${m.appId}|${m.roomId}`;
		const room = ctx.st.rts.rooms.get(key) ?? { appId: m.appId, roomId: m.roomId, messages: 0 };
		room.messages++;
		ctx.st.rts.rooms.set(key, room);
	}
	ctx.sb.emit('volcengine.rts', { action: m.action, appId: m.appId, roomId: m.roomId, receivers: m.to?.length });
	return answer === null ? {} : { Message: answer };
}

/** §5: the four RTS actions answer to 2023-07-20 (and the legacy 2020-12-01, same body) and share one budget of 500 requests/s. */
const rts = (api: string, handle: VolcRoute['handle'], more: Omit<VolcRoute, 'api' | 'handle' | 'quotas'> = {}) =>
	action(api, 500, handle, { key: 'rts', versions: [RTS_VERSION, IM_VERSION], ...more });

export const rtsRoutes: VolcRoute[] = [
	rts('SendUnicast', SendUnicast),
	rts('SendRoomUnicast', SendRoomUnicast),
	rts('SendBroadcast', SendBroadcast),
	rts('BatchSendRoomUnicast', BatchSendRoomUnicast, { receivers: 'To', size: ['To'] }),
];

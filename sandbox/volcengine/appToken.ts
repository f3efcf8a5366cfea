// Sandbox code (not shipped): GetAppToken — the login token of a client SDK (volcengine/volc-sdk-golang
// service/im/model.go GetAppTokenBody / GetAppTokenResResult; doc 6348/1208779: ExpireTime is a unix
// time in ms, QPS ≤ 50). The real token is the app key's symmetric encryption of AppId, UserId and
// expiry (doc 6348/291043); the sandbox issues an opaque token of the same ingredients instead.
import { createHmac } from 'node:crypto';
import type { Body } from '../routes';
import { appField, int64Field, VolcError } from './fields';
import { action, type VolcRoute } from './route';
import type { VolcCtx } from './state';

function GetAppToken(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const userId = int64Field(body, 'UserId')!;
	const expire = int64Field(body, 'ExpireTime')!;
	if (expire <= BigInt(ctx.now)) throw new VolcError('InvalidParameter', `ExpireTime ${expire} is not in the future (unix time in ms)`);
	const claims = Buffer.from(`${appId}:${userId}:${expire}`).toString('base64url');
	const mac = createHmac('sha256', 'sandbox-app-key').update(claims).digest('base64url').slice(0, 22);
	return { AppId: appId, UserId: userId, Token: `sbx.${claims}.${mac}` };
}

export const appTokenRoutes: VolcRoute[] = [action('GetAppToken', 50, GetAppToken)];

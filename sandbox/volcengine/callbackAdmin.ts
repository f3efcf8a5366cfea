// Sandbox code (not shipped): the RTC callback settings OpenAPI (what the console's Callback
// Settings page does): CreateCallback, UpdateCallback, GetCallback, DeleteCallback, Version
// 2020-12-01. Written from the official Go SDK, volcengine/volc-sdk-golang
// service/rtc/v20201201/config.go (methods: GetCallback is a GET, the others POST) and model.go:
// - CreateCallbackBody {AppID, BusinessId, EventList []string, SecretKey, URL} (all REQUIRED);
// - UpdateCallbackBody {AppID, BusinessID, EventList, SecretKey, URL} (note the capital D);
// - DeleteCallbackQuery {AppId, BusinessId?} and GetCallbackQuery {AppId}: query parameters
//   (trait.go sends them with marshalToQuery and an empty body);
// - GetCallbackResResult {AccountId, AppId, BusinessId, Callbacks[] {AppId, BusinessId, EventList
//   []string, SecretKey, URL, CreatedAt, UpdatedAt, Region, AccountId}, EventList (a string),
//   SecretKey, URL, CreatedAt, UpdatedAt, Region}; the other results are a bare string.
// The vendor's doc pages for these Actions were not found (doc set 6348): one callback per App ID
// and business ID (BusinessId, DeleteCallback's key), the error codes for an existing or a missing
// callback, and the quotas (the default 50 QPS here) are the sandbox's reading, not the vendor's word.
//
// Bonus: a registered callback is also where the sandbox's callback sender delivers
// (callbacks.volcengine.url / secret), as Volcengine would after the console's Callback Settings.
import type { Body } from '../routes';
import { arrayField, stringField, VolcError } from './fields';
import { action, type VolcRoute } from './route';
import type { RegisteredCallback, VolcCtx } from './state';

/** The RTC App ID: a string of a known app (as the RTS actions check it). */
function rtcApp(ctx: VolcCtx, body: Body, name: string): string {
	const appId = stringField(body, name, true)!;
	if (!ctx.st.rts.apps.has(appId)) throw new VolcError('InvalidParameter.NotExistAppId', `AppId ${appId} does not exist`);
	return appId;
}

function callbacksOf(ctx: VolcCtx, appId: string): Map<string, RegisteredCallback> {
	let m = ctx.st.callbacks.get(appId);
	if (!m) ctx.st.callbacks.set(appId, (m = new Map()));
	return m;
}

/** The settings of a Create/Update body; the secret key is never echoed in an error. */
function settings(body: Body, businessKey: 'BusinessId' | 'BusinessID') {
	const businessId = stringField(body, businessKey, false) ?? '';
	const url = stringField(body, 'URL', true)!;
	if (!/^https?:\/\/[^\s/]+/.test(url)) throw new VolcError('InvalidParameter', 'URL must start with http:// or https:// and name a host');
	const events = arrayField(body, 'EventList').map((e, i) => {
		if (typeof e !== 'string' || e === '') throw new VolcError('InvalidParameter', `EventList[${i}] must be a non-empty event name`);
		return e;
	});
	if (events.length === 0) throw new VolcError('InvalidParameter', 'EventList is empty');
	const secretKey = body.SecretKey;
	if (typeof secretKey !== 'string' || secretKey === '') throw new VolcError('InvalidParameter', 'SecretKey is required');
	return { businessId, url, events: [...new Set(events)], secretKey };
}

/** Points the sandbox's callback sender at the registered URL (what Volcengine then calls). */
function deliverTo(ctx: VolcCtx, cb: RegisteredCallback | undefined): void {
	const sender = ctx.sb.config.callbacks.volcengine;
	sender.url = cb?.url ?? '';
	sender.secret = cb?.secretKey ?? '';
}

function CreateCallback(ctx: VolcCtx, body: Body) {
	const appId = rtcApp(ctx, body, 'AppID');
	const s = settings(body, 'BusinessId');
	const list = callbacksOf(ctx, appId);
	if (list.has(s.businessId)) throw new VolcError('InvalidParameter', `a callback for AppId ${appId} and BusinessId "${s.businessId}" already exists: use UpdateCallback`);
	const cb: RegisteredCallback = { ...s, appId, createdAt: ctx.now, updatedAt: ctx.now };
	list.set(s.businessId, cb);
	deliverTo(ctx, cb);
	return 'success';
}

function UpdateCallback(ctx: VolcCtx, body: Body) {
	const appId = rtcApp(ctx, body, 'AppID');
	const s = settings(body, 'BusinessID');
	const list = callbacksOf(ctx, appId);
	const old = list.get(s.businessId);
	if (!old) throw new VolcError('InvalidParameter', `no callback for AppId ${appId} and BusinessId "${s.businessId}": use CreateCallback`);
	const cb: RegisteredCallback = { ...old, ...s, updatedAt: ctx.now };
	list.set(s.businessId, cb);
	deliverTo(ctx, cb);
	return 'success';
}

function GetCallback(ctx: VolcCtx, body: Body) {
	const appId = rtcApp(ctx, body, 'AppId');
	const iso = (ms: number) => new Date(ms).toISOString();
	const callbacks = [...callbacksOf(ctx, appId).values()].map((c) => ({
		AccountId: '2100000001',
		AppId: c.appId,
		BusinessId: c.businessId,
		CreatedAt: iso(c.createdAt),
		EventList: c.events,
		Region: 'cn-north-1',
		SecretKey: c.secretKey,
		URL: c.url,
		UpdatedAt: iso(c.updatedAt),
	}));
	const first = callbacks[0];
	return {
		AccountId: '2100000001',
		AppId: appId,
		BusinessId: first?.BusinessId ?? '',
		Callbacks: callbacks,
		CreatedAt: first?.CreatedAt ?? '',
		EventList: first ? first.EventList.join(',') : '',
		Region: 'cn-north-1',
		SecretKey: first?.SecretKey ?? '',
		URL: first?.URL ?? '',
		UpdatedAt: first?.UpdatedAt ?? '',
	};
}

function DeleteCallback(ctx: VolcCtx, body: Body) {
	const appId = rtcApp(ctx, body, 'AppId');
	const businessId = stringField(body, 'BusinessId', false) ?? '';
	const list = callbacksOf(ctx, appId);
	const old = list.get(businessId);
	if (!old) throw new VolcError('InvalidParameter', `no callback for AppId ${appId} and BusinessId "${businessId}"`);
	list.delete(businessId);
	if (ctx.sb.config.callbacks.volcengine.url === old.url) deliverTo(ctx, undefined);
	return 'success';
}

export const callbackAdminRoutes: VolcRoute[] = [
	action('CreateCallback', 50, CreateCallback),
	action('UpdateCallback', 50, UpdateCallback),
	action('GetCallback', 50, GetCallback, { method: 'GET', query: ['AppId'] }),
	action('DeleteCallback', 50, DeleteCallback, { query: ['AppId', 'BusinessId'] }),
];

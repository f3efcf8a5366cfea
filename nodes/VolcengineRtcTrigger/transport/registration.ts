import { timingSafeEqual } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHookFunctions, INodeProperties, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { VOLCENGINE_CREDENTIAL, imApi, volcengineAdapter } from '../../VolcengineRtc/transport/request';
import { rtcAppId, rtcAppIdField } from '../../VolcengineRtc/v1/helpers/rts';
import { networkError, parseField, registerLongLivedSecret } from '../../shared/errors';
import { postJson } from '../../shared/http';
import { stringifyJson } from '../../shared/json';
import { manualCallbackMethods, OTHER_EVENTS } from '../../shared/triggerScaffold';
import { sha256Hex } from '../../shared/webhook';
import type { VendorResult } from '../../shared/engine/vendorRequest';
import { VOLCENGINE_EVENTS } from '../v1/events';

/**
 * Opt-in registration of the trigger's Production URL through the RTC callback settings OpenAPI
 * (what the console's Callback Settings page does). Source: the official Go SDK,
 * volcengine/volc-sdk-golang service/rtc/v20201201 — config.go lists CreateCallback,
 * UpdateCallback, DeleteCallback (POST) and GetCallback (GET), Version 2020-12-01, service rtc (the
 * same signing as every other call of this package); model.go: CreateCallbackBody {AppID,
 * BusinessId, EventList []string, SecretKey, URL}, UpdateCallbackBody {AppID, BusinessID, …} (capital
 * D), DeleteCallbackQuery {AppId, BusinessId} and GetCallbackQuery {AppId} in the query,
 * GetCallbackResResult {Callbacks[] {BusinessId, EventList []string, SecretKey, URL, …}, and the
 * same fields once more at the top (EventList there a string)}. No vendor doc page for these
 * Actions was found: their limits and error codes are unconfirmed.
 *
 * Volcengine keys a callback by App ID and business ID, not by URL, so "this node's callback" is
 * what it remembers in its static data (`registration`): it deletes only a callback it created,
 * and only while that callback still points at the URL it registered.
 */

const API_TIMEOUT_MS = 10_000;
/** Static-data key (node level) of what this node registered. */
const REGISTRATION_KEY = 'registration';

interface Registration extends IDataObject {
	appId: string;
	businessId: string;
	url: string;
	events: string[];
	/** true: this node created the callback (CreateCallback); false: it took over an existing one (UpdateCallback). */
	created: boolean;
	at: string;
}

/** One callback as GetCallback lists it (the secret key is read only to compare it). */
interface ListedCallback {
	businessId: string;
	url: string;
	events: string[];
	secretKey: string;
}

export const registrationProperties: INodeProperties[] = [
	{
		displayName: 'Register Callback URL in Volcengine',
		name: 'registerCallback',
		type: 'boolean',
		default: false,
		description:
			"Whether activating the workflow sets this node's Production URL, the events below and the callback secret key in the app's RTC callback settings (CreateCallback, or UpdateCallback when the app already has one), and deactivating removes a callback this node created (DeleteCallback). Off: paste the URL into the console yourself.",
	},
	{
		displayName:
			'On activation this replaces the callback the app has for this business ID (Volcengine keeps one per app and business ID), also one another tool set. On deactivation only a callback this node created, still pointing at this URL, is deleted. "All Events" registers every event listed in Events plus Other Event Types (Volcengine needs the names). Listening for a test event registers nothing.',
		name: 'registerNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registerCallback: [true] } },
	},
	{
		...rtcAppIdField,
		description: 'The RTC App ID from the RTC console (text, usually 24 characters) whose callback settings are changed. Not the integer IM App ID.',
		displayOptions: { show: { registerCallback: [true] } },
	},
	{
		displayName: 'Business ID',
		name: 'businessId',
		type: 'string',
		default: '',
		placeholder: 'e.g. live-class',
		description: 'Optional. The RTC business ID (BusinessId) the callback is for. Empty: the app\'s callback without a business ID.',
		displayOptions: { show: { registerCallback: [true] } },
	},
];

/** The callback secret key the trigger verifies with: its own override, else the credential's. */
export function callbackSecretOf(ctx: IWebhookFunctions | IHookFunctions, credentials: ICredentialDataDecryptedObject): string {
	const override = String(ctx.getNodeParameter('callbackSecret', '') ?? '').trim();
	return override || String(credentials.callbackSecret ?? '').trim();
}

/** The EventList to register: the selected events; "All Events" = the whole catalogue; plus Other Event Types. */
export function eventListOf(selected: string[], other: string): string[] {
	const names = selected.includes('*') ? VOLCENGINE_EVENTS.map(([name]) => name) : selected.filter((e) => e !== '*' && e !== OTHER_EVENTS);
	const typed = other.split(/[\s,]+/).filter((s) => s !== '');
	return [...new Set([...names, ...typed])].sort();
}

const sameSecret = (a: string, b: string) => timingSafeEqual(Buffer.from(sha256Hex(a), 'hex'), Buffer.from(sha256Hex(b), 'hex'));
const sameEvents = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((e, i) => e === [...b].sort()[i]);
const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : '');

/** One signed OpenAPI call through the credential (the same adapter and classification as the action node). */
async function call(ctx: IHookFunctions, action: string, o: { method?: 'GET'; qs?: Record<string, string>; body?: IDataObject }): Promise<VendorResult> {
	const api = imApi(action);
	const { url, qs } = volcengineAdapter.target(api, {});
	let answer;
	try {
		answer = await postJson(ctx, VOLCENGINE_CREDENTIAL, { url, qs: { ...qs, ...o.qs }, body: stringifyJson(o.body ?? {}), timeoutMs: API_TIMEOUT_MS, method: o.method });
	} catch (error) {
		throw networkError(ctx.getNode(), 'Volcengine', error);
	}
	const result = volcengineAdapter.classify(api, answer, ctx.getNode());
	if (result.kind !== 'ok') {
		result.error.message = `Could not ${action === 'DeleteCallback' ? 'remove' : 'register'} the callback URL in Volcengine (${action}): ${result.error.message}`;
		throw result.error;
	}
	return result.value;
}

/** GetCallback: the app's callbacks (the Callbacks list; the top-level fields when an answer has no list). */
async function listCallbacks(ctx: IHookFunctions, appId: string): Promise<ListedCallback[]> {
	const { result } = await call(ctx, 'GetCallback', { method: 'GET', qs: { AppId: appId } });
	const raw = Array.isArray(result.Callbacks) ? (result.Callbacks as IDataObject[]) : text(result.URL) ? [result] : [];
	return raw.map((c) => ({
		businessId: text(c.BusinessId ?? c.BusinessID),
		url: text(c.URL),
		events: Array.isArray(c.EventList) ? c.EventList.map(text) : text(c.EventList).split(',').filter((e) => e !== ''),
		secretKey: text(c.SecretKey),
	}));
}

/** What this activation would register, validated; throws a readable error naming the field. */
async function wanted(ctx: IHookFunctions) {
	const node = ctx.getNode();
	const credentials = await ctx.getCredentials(VOLCENGINE_CREDENTIAL);
	const appId = parseField(node, rtcAppId, ctx.getNodeParameter('rtcAppId', ''), 'RTC App ID', 0);
	const businessId = String(ctx.getNodeParameter('businessId', '') ?? '').trim();
	const url = ctx.getNodeWebhookUrl('default') ?? '';
	const secretKey = callbackSecretOf(ctx, credentials);
	if (secretKey === '') {
		throw new NodeOperationError(node, 'Register Callback URL in Volcengine needs a callback secret key: set Callback Secret Key on the trigger or in the credential', {
			description: 'Volcengine signs every callback with it and the trigger refuses callbacks it cannot verify.',
		});
	}
	registerLongLivedSecret(secretKey);
	const events = eventListOf((ctx.getNodeParameter('events', []) as string[]) ?? [], String(ctx.getNodeParameter('otherEvents', '') ?? ''));
	if (events.length === 0) {
		throw new NodeOperationError(node, 'Register Callback URL in Volcengine needs at least one event: choose events, or type them in Other Event Types');
	}
	return { appId, businessId, url, secretKey, events };
}

const registrationOf = (ctx: IHookFunctions) => ctx.getWorkflowStaticData('node')[REGISTRATION_KEY] as Registration | undefined;
const registering = (ctx: IHookFunctions) => ctx.getMode() !== 'manual' && ctx.getNodeParameter('registerCallback', false) === true;

/**
 * webhookMethods.default: with Register Callback URL off (and while listening for a test event) the
 * manual lifecycle, which sends nothing; on, the callback settings API. delete always acts on what
 * the node remembers, so switching the option off later still removes a callback it created.
 */
export const callbackRegistrationMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			if (!registering(this)) return await manualCallbackMethods.default.checkExists.call(this);
			const w = await wanted(this);
			const mine = (await listCallbacks(this, w.appId)).find((c) => c.businessId === w.businessId);
			return mine !== undefined && mine.url === w.url && sameEvents(mine.events, w.events) && sameSecret(mine.secretKey, w.secretKey);
		},
		async create(this: IHookFunctions): Promise<boolean> {
			if (!registering(this)) return await manualCallbackMethods.default.create.call(this);
			const w = await wanted(this);
			const existing = (await listCallbacks(this, w.appId)).find((c) => c.businessId === w.businessId);
			const before = registrationOf(this);
			const body = { AppID: w.appId, EventList: w.events, SecretKey: w.secretKey, URL: w.url };
			if (existing) await call(this, 'UpdateCallback', { body: { ...body, BusinessID: w.businessId } });
			else await call(this, 'CreateCallback', { body: { ...body, BusinessId: w.businessId } });
			// Still "created by this node" after an update only when the callback it replaced was the one it created.
			const ownedBefore = before?.created === true && before.appId === w.appId && before.businessId === w.businessId && existing?.url === before.url;
			const registration: Registration = { appId: w.appId, businessId: w.businessId, url: w.url, events: w.events, created: !existing || ownedBefore, at: new Date().toISOString() };
			this.getWorkflowStaticData('node')[REGISTRATION_KEY] = registration;
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			const registration = registrationOf(this);
			if (this.getMode() === 'manual' || !registration) return await manualCallbackMethods.default.delete.call(this);
			if (registration.created) {
				const current = (await listCallbacks(this, registration.appId)).find((c) => c.businessId === registration.businessId);
				// Someone pointed it elsewhere since: it is theirs now, left alone.
				if (current && current.url === registration.url) {
					await call(this, 'DeleteCallback', { qs: { AppId: registration.appId, ...(registration.businessId ? { BusinessId: registration.businessId } : {}) } });
				}
			}
			// Forgotten only once the vendor call went through: a failed delete is tried again next time.
			delete this.getWorkflowStaticData('node')[REGISTRATION_KEY];
			return true;
		},
	},
};

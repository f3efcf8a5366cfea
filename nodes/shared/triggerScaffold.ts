import type { IDataObject, IHookFunctions, INodeProperties, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { callbackScope, forgetManualCallback, manualCallbackRecorded, recordManualCallback } from './webhook';

/**
 * What both triggers share around their vendor-specific verification: the manual webhook
 * lifecycle (the URL pasted into the vendor console: Tencent has no API to register it; the
 * Volcengine trigger uses this too unless "Register Callback URL in Volcengine" is on, see
 * VolcengineRtcTrigger/transport/registration.ts), the "accept unsigned callbacks" switch with its
 * warning, and the one way an answer is written.
 */

/** webhookMethods of a trigger whose URL the user pastes into the vendor console. */
export const manualCallbackMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return manualCallbackRecorded(this);
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return recordManualCallback(this, Date.now());
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return forgetManualCallback(this);
		},
	},
};

/**
 * The explicit switch that lets callbacks through when no secret is configured, and the warning
 * shown while it is on. `secret` names the vendor's secret ("callback token"); `known` is what an
 * attacker must know besides the URL.
 */
export function unsignedCallbackProperties(secret: string, known = 'this URL'): INodeProperties[] {
	return [
		{
			displayName: 'Accept Unsigned Callbacks',
			name: 'acceptUnsigned',
			type: 'boolean',
			default: false,
			description: `Whether to accept callbacks when no ${secret} is configured (neither here nor in the credential). Off: such callbacks are refused with HTTP 401.`,
		},
		{
			displayName: `Unsigned callbacks are accepted: anyone who knows ${known} can start this workflow with made-up events. Set a ${secret} in the console and in the credential instead.`,
			name: 'unsignedNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { acceptUnsigned: [true] } },
		},
	];
}

/** Says in the panel what happens to a callback that is refused (see refuseCallback). */
export const refusedCallbackNotice: INodeProperties = {
	displayName:
		'A callback that cannot be authenticated (no secret configured, wrong signature, too old, another app) is answered with HTTP 401 and starts nothing. While you listen for a test event it ends the listening as one item with refused: true and the reason; in production the next accepted event carries refusedSinceLast (how many, the last reason) and n8n logs a warning for each.',
	name: 'refusedNotice',
	type: 'notice',
	default: '',
};

/** Writes an HTTP answer with a JSON body and tells n8n not to answer again. */
export function webhookAnswer(ctx: IWebhookFunctions): (status: number, body: IDataObject) => IWebhookResponseData {
	const res = ctx.getResponseObject();
	return (status, body) => {
		res.status(status).json(body);
		return { noWebhookResponse: true };
	};
}

/**
 * One entry of a trigger's event catalogue: the vendor's name (the option value, so saved
 * workflows keep working), the name people say ("Message sent in a group") and one sentence saying
 * what happened. The option's description is the sentence followed by the vendor name in parentheses.
 */
export type TriggerEvent = readonly [vendorEvent: string, name: string, sentence: string];

/** Option value of "Other (type the event name)": matches no vendor event, the typed names decide. */
export const OTHER_EVENTS = 'other';

/**
 * The Events options: "All Events" first, "Other" second, then the catalogue sorted by the name
 * people read.
 */
export function eventOptions(catalogue: readonly TriggerEvent[], o: { all: string; other: string }) {
	return [
		{ name: 'All Events', value: '*', description: o.all },
		{ name: 'Other (Type the Event Name)', value: OTHER_EVENTS, description: o.other },
		...catalogue.map(([value, name, sentence]) => ({ name, value, description: `${sentence} (${value})` })).sort((a, b) => a.name.localeCompare(b.name)),
	];
}

/** Our name of a vendor event (the option name), or the vendor name itself when the catalogue does not list it. */
export function eventNameOf(catalogue: readonly TriggerEvent[], vendorEvent: string): string {
	return catalogue.find(([value]) => value === vendorEvent)?.[1] ?? vendorEvent;
}

/**
 * Whether the event `name` was selected: All Events, one of the Events options, or one of the names
 * typed in the free-text parameter `otherParameter` (separated by commas, spaces or new lines).
 */
export function eventSelected(ctx: IWebhookFunctions, name: string, otherParameter: string): boolean {
	const events = (ctx.getNodeParameter('events', []) as string[]) ?? [];
	if (events.includes('*') || events.includes(name)) return true;
	return String(ctx.getNodeParameter(otherParameter, '') ?? '')
		.split(/[\s,]+/)
		.some((s) => s !== '' && s === name);
}

/**
 * The fields both triggers put first in their output, in this order, so the two read alike:
 * `event` (our name), `vendorEvent` (CallbackCommand / EventType), `text` (first text element),
 * `from`, `to`, `groupId`, `conversationId`, `roomId`, `messageId` (ids as strings), `time` (ISO).
 * A field the callback does not carry is left out. The raw callback follows under `body`.
 */
export interface CommonEventFields {
	event: string;
	vendorEvent: string;
	text?: string;
	from?: string;
	to?: string;
	groupId?: string;
	conversationId?: string;
	roomId?: string;
	messageId?: string;
	time: string;
}

export function commonEventFields(f: CommonEventFields): IDataObject {
	const out: IDataObject = {};
	for (const key of ['event', 'vendorEvent', 'text', 'from', 'to', 'groupId', 'conversationId', 'roomId', 'messageId', 'time'] as const) {
		if (f[key] !== undefined) out[key] = f[key];
	}
	return out;
}

/** An id or name as text: strings as they are (empty = absent), numbers and int64 bigints as their digits. */
export function idOf(v: unknown): string | undefined {
	if (typeof v === 'string') return v === '' ? undefined : v;
	if (typeof v === 'bigint' || (typeof v === 'number' && Number.isFinite(v))) return String(v);
	return undefined;
}

// ---- refused callbacks ----------------------------------------------------------------------------

/** Static-data key (node level) of the refused-callback counter. */
const REFUSED_KEY = 'refused';

/** What the node remembers about refused callbacks (workflow static data, per mode like n8n keeps it). */
export interface RefusedCounter {
	/** Refused since the last accepted callback. */
	count: number;
	/** Refused since the trigger was first used (never reset). */
	total: number;
	lastReason: string;
	lastStatus: number;
	lastAt: string;
	/** Bumped on every write (refusal or reset): the higher one is the newer. */
	seq: number;
}

function readCounter(store: IDataObject): RefusedCounter | undefined {
	const c = store[REFUSED_KEY] as Partial<RefusedCounter> | undefined;
	if (!c || typeof c !== 'object' || typeof c.total !== 'number') return undefined;
	return {
		count: Number(c.count) || 0,
		total: c.total,
		lastReason: String(c.lastReason ?? ''),
		lastStatus: Number(c.lastStatus) || 0,
		lastAt: String(c.lastAt ?? ''),
		seq: Number(c.seq) || 0,
	};
}

/**
 * The counters of this process, per trigger (callbackScope). Why, as for the de-duplication claims
 * (webhook.ts CallbackClaims): the node writes its answer itself, so the caller has it, and may send
 * the next callback, before n8n has saved the static data (live-webhooks.ts saves it in the
 * response callback, after the answer went out): the next request would load the old count. Seen
 * in the real-n8n e2e (3 refusals in a row counted as 2). The newer of the two (higher `seq`; this
 * process's on a tie) is the base of every write; both are written.
 */
const processCounters = new Map<string, RefusedCounter>();

function currentCounter(ctx: IWebhookFunctions): { store: IDataObject; scope: string; counter?: RefusedCounter } {
	const store = ctx.getWorkflowStaticData('node');
	const scope = callbackScope(ctx);
	const saved = readCounter(store);
	const mine = processCounters.get(scope);
	const counter = !saved || (mine && mine.seq >= saved.seq) ? mine : saved;
	return { store, scope, counter };
}

function writeCounter(store: IDataObject, scope: string, counter: RefusedCounter): void {
	processCounters.set(scope, counter);
	store[REFUSED_KEY] = { ...counter }; // replaced, not mutated: n8n notices the change and saves it
}

/**
 * A refused callback, made visible. The caller still gets `status` (401 for anything that is not
 * authentic: fail closed) with `body`. Besides:
 * - the node's static data counts it (`count` since the last accepted callback, `total`, the last
 *   reason and time); n8n saves it right after the answer, in production as in a test;
 * - n8n's log gets a warning with the reason (never the signature or token);
 * - in the editor's test mode (`getMode()` is "manual": "Listen for test event" / "Execute
 *   workflow") the node also emits one item `{ refused: true, reason, status, count, … }`, so
 *   "Listening…" ends with a readable reason instead of waiting for a callback that never passes.
 *   In production (mode "webhook") nothing runs: an unauthenticated request must not start an
 *   execution. The next accepted callback reports the refusals instead (`refusedSinceLast`).
 * Within one n8n process the count is exact (processCounters); across processes (queue mode with
 * several webhook processes) concurrent refusals can lose an increment (static data is saved
 * whole, last writer wins).
 */
export function refuseCallback(
	ctx: IWebhookFunctions,
	answer: (status: number, body: IDataObject) => IWebhookResponseData,
	r: { status: number; reason: string; body: IDataObject; vendorEvent?: string; nowMs: number },
): IWebhookResponseData {
	const { store, scope, counter: before } = currentCounter(ctx);
	const counter: RefusedCounter = {
		count: (before?.count ?? 0) + 1,
		total: (before?.total ?? 0) + 1,
		lastReason: r.reason,
		lastStatus: r.status,
		lastAt: new Date(r.nowMs).toISOString(),
		seq: (before?.seq ?? 0) + 1,
	};
	writeCounter(store, scope, counter);
	try {
		ctx.logger.warn(`${ctx.getNode().name}: callback refused with HTTP ${r.status}: ${r.reason} (${counter.count} since the last accepted one)`);
	} catch {
		// a logger that cannot write must not turn a refusal into a 500
	}
	const response = answer(r.status, r.body);
	if (ctx.getMode() !== 'manual') return response;
	const item: IDataObject = {
		refused: true,
		reason: r.reason,
		status: r.status,
		count: counter.count,
		total: counter.total,
		...(r.vendorEvent ? { vendorEvent: r.vendorEvent } : {}),
		time: counter.lastAt,
		hint: 'The caller got this HTTP status and the workflow did not run with its data. Check the token or secret in the credential, the node and the vendor console, and the server clock.',
	};
	return { ...response, workflowData: [ctx.helpers.returnJsonArray([item])] };
}

/**
 * The two ways a trigger answers a callback: `answer` (any status, a JSON body) and `refuse`
 * (refuseCallback with the vendor's refusal body for that status and reason).
 */
export function callbackResponder(ctx: IWebhookFunctions, nowMs: number, refusalBody: (status: number, reason: string) => IDataObject) {
	const answer = webhookAnswer(ctx);
	const refuse = (status: number, reason: string, vendorEvent?: string) =>
		refuseCallback(ctx, answer, { status, reason, vendorEvent, nowMs, body: refusalBody(status, reason) });
	return { answer, refuse };
}

/**
 * For an accepted callback: the refusals since the previous accepted one (`refusedSinceLast`), or
 * undefined when there were none. Resets the `count` (the `total` stays).
 */
export function takeRefusedSinceLast(ctx: IWebhookFunctions): IDataObject | undefined {
	const { store, scope, counter: c } = currentCounter(ctx);
	if (!c || c.count === 0) return undefined;
	writeCounter(store, scope, { ...c, count: 0, seq: c.seq + 1 });
	return { count: c.count, total: c.total, lastReason: c.lastReason, lastStatus: c.lastStatus, lastAt: c.lastAt };
}

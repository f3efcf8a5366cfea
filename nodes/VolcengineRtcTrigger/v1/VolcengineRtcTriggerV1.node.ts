import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { parseJson } from '../../shared/json';
import { intInRange } from '../../shared/schemas/scalars';
import {
	callbackScope,
	claimCallback,
	dedupSlot,
	readCallbackBody,
	sha256Hex,
} from '../../shared/webhook';
import { callbackResponder, eventOptions, eventSelected, refusedCallbackNotice, takeRefusedSinceLast, unsignedCallbackProperties } from '../../shared/triggerScaffold';
import { volcengineRtcTriggerIcon } from '../icon';
import { readVolcengineEnvelope, verifyVolcengineCallback } from '../transport/callback';
import { callbackRegistrationMethods, callbackSecretOf, registrationProperties } from '../transport/registration';
import { VOLCENGINE_EVENTS } from './events';
import { volcengineEventFields } from './output';

const DEFAULT_MAX_AGE_SECONDS = 300;
const MIN_MAX_AGE_SECONDS = 30;
const MAX_MAX_AGE_SECONDS = 86400;
const maxEventAgeSchema = intInRange(MIN_MAX_AGE_SECONDS, MAX_MAX_AGE_SECONDS);
/** Bounded de-duplication store (node static data). */
const DUPLICATE_MAX_ENTRIES = 2000;

const events = eventOptions(VOLCENGINE_EVENTS, {
	all: 'Every event type, including ones not listed here',
	other: 'Only the event types typed in Other Event Types below',
});

export class VolcengineRtcTriggerV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Volcengine RTC Trigger',
		name: 'volcengineRtcTrigger',
		icon: volcengineRtcTriggerIcon,
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on Volcengine RTC and IM event callbacks (signed, de-duplicated)',
		defaults: { name: 'Volcengine RTC Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'volcengineRtcApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'firstEntryJson',
				path: 'volcengine-rtc',
			},
		],
		properties: [
			{
				displayName:
					'Copy this node\'s Production URL (Webhook URLs above; it ends in /volcengine-rtc) into the RTC console: your application → Callback Settings (回调设置), choose the events, and set the callback secret key there and in the credential\'s Callback Secret Key — or switch on Register Callback URL in Volcengine below. The URL must use a domain name and a valid HTTPS certificate.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registerCallback: [false] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: events,
				default: ['*'],
				required: true,
				description:
					'What starts the workflow. Each option names the Volcengine event type (EventType) it stands for; choose the same events in the console. Others are answered with HTTP 200 and start nothing.',
			},
			{
				displayName: 'Other Event Types',
				name: 'otherEvents',
				type: 'string',
				default: '',
				placeholder: 'e.g. RecordUploadDone, ConversationCreate',
				description: 'Further EventType values, separated by commas, for events the Events list does not name (see the event reference in the Volcengine docs)',
			},
			{
				displayName: 'Callback Secret Key',
				name: 'callbackSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Overrides the credential\'s Callback Secret Key. Every callback must carry a Signature made with it.',
			},
			...registrationProperties,
			...unsignedCallbackProperties('callback secret key'),
			refusedCallbackNotice,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Max Event Age (Seconds)',
						name: 'maxEventAge',
						type: 'number',
						typeOptions: { minValue: MIN_MAX_AGE_SECONDS, maxValue: MAX_MAX_AGE_SECONDS, numberPrecision: 0 },
						default: DEFAULT_MAX_AGE_SECONDS,
						description:
							'Callbacks whose EventTime is further than this from now are refused as replays. Event IDs and signatures are remembered for twice this long to drop retried duplicates and replays.',
					},
				],
			},
		],
	};

	webhookMethods = callbackRegistrationMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const nowMs = Date.now();
		const { answer, refuse } = callbackResponder(this, nowMs, (_status, reason) => ({ message: `Callback refused: ${reason}` }));

		// The signature travels inside the body: a body we cannot read cannot be authenticated.
		const body = readCallbackBody(this.getRequestObject().rawBody, this.getBodyData());
		if (!body.ok) return refuse(401, body.reason);
		const envelope = readVolcengineEnvelope(body.json);

		const credentials = await this.getCredentials('volcengineRtcApi');
		const options = this.getNodeParameter('options', {}) as IDataObject;
		// Out of its bounds (an import, the API, an expression): refused and counted with the reason, never clamped.
		const age = options.maxEventAge === undefined || options.maxEventAge === '' ? { success: true as const, data: DEFAULT_MAX_AGE_SECONDS } : maxEventAgeSchema.safeParse(options.maxEventAge);
		if (!age.success) return refuse(500, `the trigger's "Max Event Age (Seconds)" ${age.error.issues[0].message}; fix it in the trigger's Options`);
		const maxAge = age.data;
		const verdict = verifyVolcengineCallback({
			envelope,
			secret: callbackSecretOf(this, credentials),
			acceptUnsigned: this.getNodeParameter('acceptUnsigned', false) === true,
			maxAgeSeconds: maxAge,
			nowMs,
		});
		if (!verdict.ok) return refuse(401, verdict.reason, envelope.EventType || undefined);

		if (!eventSelected(this, envelope.EventType, 'otherEvents')) return answer(200, { message: 'ignored' });

		let eventData: unknown = envelope.EventData;
		let eventDataIsJson = false;
		if (envelope.EventData !== '') {
			try {
				eventData = parseJson(envelope.EventData);
				eventDataIsJson = true;
			} catch {
				eventData = envelope.EventData;
			}
		}
		// Retries (up to 3 deliveries, docs 6348/69820) repeat the EventId: answer 200 again (any 200
		// is a success for Volcengine, so it stops retrying) and start nothing. A field-shifted replay
		// carries a new EventId but the same Signature (see volcengineNonceProblem), so the signature
		// is a key too. Checked and recorded last, with no await after it: concurrent copies reaching
		// this process run once, and nothing can fail between the claim and the hand-over to n8n.
		const slots = [dedupSlot('id', envelope.EventId)];
		// (kept as its hash: static data never holds a callback's signature)
		if (verdict.signed) slots.push(dedupSlot('sig', sha256Hex(envelope.Signature.trim().toLowerCase())));
		const sighting = claimCallback({
			store: this.getWorkflowStaticData('node'),
			scope: callbackScope(this),
			slots,
			nowMs,
			ttlMs: 2 * maxAge * 1000,
			maxEntries: DUPLICATE_MAX_ENTRIES,
		});
		if (sighting.duplicate) return answer(200, { message: 'duplicate' });
		const refusedSinceLast = takeRefusedSinceLast(this);
		const workflowData = [
			this.helpers.returnJsonArray([
				{
					...volcengineEventFields(envelope.EventType, eventData, verdict.eventMs),
					...(refusedSinceLast ? { refusedSinceLast } : {}),
					eventType: envelope.EventType,
					eventId: envelope.EventId,
					eventTime: new Date(verdict.eventMs).toISOString(),
					receivedEventTime: envelope.EventTime,
					appId: envelope.AppId,
					version: envelope.Version,
					eventData: eventData as IDataObject,
					eventDataIsJson,
					signed: verdict.signed,
					body: eventData as IDataObject,
				},
			]),
		];

		return { ...answer(200, { message: 'ok' }), workflowData };
	}
}

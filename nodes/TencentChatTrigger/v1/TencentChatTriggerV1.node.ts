import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import {
	callbackScope,
	claimCallback,
	dedupSlot,
	parseUnixMillis,
	parseUnixSeconds,
	readCallbackBody,
	sha256Hex,
} from '../../shared/webhook';
import {
	callbackResponder,
	eventOptions,
	eventSelected,
	manualCallbackMethods,
	refusedCallbackNotice,
	takeRefusedSinceLast,
	unsignedCallbackProperties,
} from '../../shared/triggerScaffold';
import { tencentChatTriggerIcon } from '../icon';
import { TENCENT_ACK, isTencentAnswerableEvent, isTencentBeforeEvent, singleQueryValue, verifyTencentCallback } from '../transport/callback';
import { TENCENT_EVENTS } from './events';
import { tencentEventFields } from './output';

/** Retried after-events carry the same body (and EventTime); remember them this long. */
const DUPLICATE_TTL_MS = 10 * 60 * 1000;
const DUPLICATE_MAX_ENTRIES = 2000;

const events = eventOptions(TENCENT_EVENTS, {
	all: 'Every callback command, including ones not listed here',
	other: 'Only the commands typed in Other Commands below',
});

export class TencentChatTriggerV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Chat Trigger',
		name: 'tencentChatTrigger',
		icon: tencentChatTriggerIcon,
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on Tencent Cloud Chat (TIM) callbacks: messages, groups, relationships, before-send moderation',
		defaults: { name: 'Tencent Chat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tencentChatApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: '={{$parameter["responseMode"]}}',
				responseData: 'firstEntryJson',
				path: 'tencent-chat',
			},
		],
		properties: [
			{
				displayName:
					'Tencent Chat has no API to register callback URLs. Copy this node\'s Production URL (Webhook URLs above; it ends in /tencent-chat) into the Chat console: Applications → your app → Callback Configuration → Callback URL. Switch on authentication there with the same token as this node\'s Callback Token, and switch on every callback selected below. A new URL takes effect after about 2 minutes.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: events,
				default: ['*'],
				required: true,
				description:
					'What starts the workflow. Each option names the Tencent callback command (CallbackCommand) it stands for; switch the same callbacks on in the console. Others are acknowledged with ActionStatus OK and start nothing.',
			},
			{
				displayName: 'Other Commands',
				name: 'otherCommands',
				type: 'string',
				default: '',
				placeholder: 'e.g. Group.CallbackAfterMsgExtensionChange',
				description: 'Further CallbackCommand values, separated by commas, for callbacks the Events list does not name yet',
			},
			{
				displayName: 'Respond',
				name: 'responseMode',
				type: 'options',
				options: [
					{
						name: 'Immediately',
						value: 'onReceived',
						description: 'Acknowledge every callback at once with ActionStatus OK (before-events are allowed)',
					},
					{
						name: 'With Last Node (Before-Events)',
						value: 'lastNode',
						description:
							'Before-events (the "Before …" events) and the chatbot pass-through callback are answered with the first item of the last node that runs; other events are still acknowledged at once',
					},
				],
				default: 'onReceived',
				description: 'How Tencent gets its answer. Tencent waits at most 2 seconds.',
			},
			{
				displayName:
					'The first item of the last node that runs is sent to Tencent as the answer, e.g. {"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""} to allow, a non-zero ErrorCode to deny (C2C: 120001–130000 reaches the sender; friend callbacks: 38000–39000 per ResultItem), or ErrorCode 0 with a new MsgBody (and CloudCustomData for one-to-one) to rewrite the message. Tencent waits at most 2 seconds and never retries a before-event; on timeout, error or a non-200 answer it applies the console policy for that callback, which by default lets the message through (if set to block, the sender gets error 80003).',
				name: 'lastNodeNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { responseMode: ['lastNode'] } },
			},
			{
				displayName: 'Callback Token',
				name: 'callbackToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Overrides the credential\'s Callback Token. Every callback must carry Sign = SHA-256(token + RequestTime) and a RequestTime within 60 seconds.',
			},
			...unsignedCallbackProperties('callback token', 'this URL and your SDKAppID'),
			refusedCallbackNotice,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Drop Duplicate Callbacks',
						name: 'dropDuplicates',
						type: 'boolean',
						default: true,
						description:
							'Whether a callback whose command and body (with its EventTime) repeat one seen in the last 10 minutes is acknowledged without starting the workflow, as happens when retry on timeout is switched on in the console',
					},
				],
			},
		],
	};

	webhookMethods = manualCallbackMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const nowMs = Date.now();
		const { answer, refuse } = callbackResponder(this, nowMs, (status, reason) => ({ ActionStatus: 'FAIL', ErrorCode: status, ErrorInfo: `Callback refused: ${reason}` }));

		const credentials = await this.getCredentials('tencentChatApi');
		const override = String(this.getNodeParameter('callbackToken', '') ?? '').trim();
		const token = override || String(credentials.callbackToken ?? '').trim();
		const query = (this.getQueryData() ?? {}) as Record<string, unknown>;
		const verdict = verifyTencentCallback({
			query,
			sdkAppId: String(credentials.sdkAppId ?? ''),
			token,
			acceptUnsigned: this.getNodeParameter('acceptUnsigned', false) === true,
			nowMs,
		});
		const queryCommand = singleQueryValue(query, 'CallbackCommand');
		if (!verdict.ok) return refuse(401, verdict.reason, typeof queryCommand === 'string' ? queryCommand : undefined);

		const body = readCallbackBody(this.getRequestObject().rawBody, this.getBodyData());
		if (!body.ok) return refuse(400, body.reason);
		const command =
			typeof queryCommand === 'string' && queryCommand !== '' ? queryCommand : typeof body.json.CallbackCommand === 'string' ? body.json.CallbackCommand : '';
		if (command === '') return refuse(400, 'CallbackCommand is missing');

		if (!eventSelected(this, command, 'otherCommands')) return answer(200, { ...TENCENT_ACK });

		const queryOut: IDataObject = {};
		for (const [k, v] of Object.entries(query)) if (k.toLowerCase() !== 'sign') queryOut[k] = v as IDataObject[string];
		const eventMs =
			parseUnixMillis(body.json.EventTime) ??
			(typeof body.json.MsgTime === 'number' ? body.json.MsgTime * 1000 : undefined) ??
			parseUnixSeconds(singleQueryValue(query, 'RequestTime')) ??
			nowMs;
		const beforeEvent = isTencentBeforeEvent(command);
		const workflowResponds = isTencentAnswerableEvent(command) && this.getNodeParameter('responseMode', 'onReceived') === 'lastNode';
		// Retried after-events (retry on timeout, a console switch) repeat command, body and EventTime:
		// answer with the acknowledgement Tencent expects (§8.3: HTTP 200, ActionStatus OK), so it
		// stops retrying, and start nothing. Checked and recorded last, with no await after it:
		// concurrent copies reaching this process run once. (Sign covers only token + RequestTime,
		// so it is no key: two different callbacks in the same second share it.)
		const options = this.getNodeParameter('options', {}) as IDataObject;
		if (options.dropDuplicates !== false && body.json.EventTime !== undefined) {
			const sighting = claimCallback({
				store: this.getWorkflowStaticData('node'),
				scope: callbackScope(this),
				slots: [dedupSlot('id', sha256Hex(`${command}\n${body.text}`))],
				nowMs,
				ttlMs: DUPLICATE_TTL_MS,
				maxEntries: DUPLICATE_MAX_ENTRIES,
			});
			if (sighting.duplicate) return answer(200, { ...TENCENT_ACK });
		}
		const refusedSinceLast = takeRefusedSinceLast(this);
		const workflowData = [
			this.helpers.returnJsonArray([
				{
					...tencentEventFields(command, body.json, eventMs),
					...(refusedSinceLast ? { refusedSinceLast } : {}),
					command,
					eventTime: new Date(eventMs).toISOString(),
					beforeEvent,
					workflowResponds,
					signed: verdict.signed,
					query: queryOut,
					body: body.json,
				},
			]),
		];
		if (workflowResponds) return { workflowData };
		return { ...answer(200, { ...TENCENT_ACK }), workflowData };
	}
}

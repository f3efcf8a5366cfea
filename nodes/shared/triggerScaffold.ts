import type { IDataObject, IHookFunctions, INodeProperties, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { forgetManualCallback, manualCallbackRecorded, recordManualCallback } from './webhook';

/**
 * What both triggers share around their vendor-specific verification: the manual webhook
 * lifecycle (neither vendor has an API to register a callback URL), the "accept unsigned
 * callbacks" switch with its warning, and the one way an answer is written.
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

/** Writes an HTTP answer with a JSON body and tells n8n not to answer again. */
export function webhookAnswer(ctx: IWebhookFunctions): (status: number, body: IDataObject) => IWebhookResponseData {
	const res = ctx.getResponseObject();
	return (status, body) => {
		res.status(status).json(body);
		return { noWebhookResponse: true };
	};
}

/**
 * The Events options: "All Events" first, then the vendor's catalogue (`[area, label, vendor name]`)
 * sorted by the name people read, with the vendor's name as the description.
 */
export function eventOptions(catalogue: ReadonlyArray<readonly [string, string, string]>, allDescription: string) {
	return [
		{ name: 'All Events', value: '*', description: allDescription },
		...catalogue.map(([area, label, value]) => ({ name: `${area}: ${label}`, value, description: value })).sort((a, b) => a.name.localeCompare(b.name)),
	];
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

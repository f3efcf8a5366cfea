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

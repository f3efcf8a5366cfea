import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readParam } from '../../../../shared/params';
import { binaryField, fromField, MAX_MESSAGE_BYTES, messageField, readRtsCommon, rtcAppIdField, rtsId, rtsRequest } from '../../helpers/rts';
import { toField } from './common';

/** SendUnicast — volcengine-rtc.md §5: to a user logged in (login) outside any room; ≤ 64 KB. */

const properties: INodeProperties[] = [
	rtcAppIdField,
	fromField,
	{ ...toField, description: 'RTC user ID of the receiver, logged in outside a room (To): up to 128 characters of letters, digits and @._-' },
	binaryField,
	messageField(MAX_MESSAGE_BYTES),
];

export const description = updateDisplayOptions({ show: { resource: ['room'], operation: ['sendToUser'] } }, properties);

export interface SendToUserPlan {
	body: Record<string, unknown>;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<SendToUserPlan> {
	const common = readRtsCommon(this, i, MAX_MESSAGE_BYTES);
	const to = readParam(this, 'to', i, rtsId, 'Receiver User ID');
	return { body: { AppId: common.AppId, From: common.From, To: to, Binary: common.Binary, Message: common.Message } };
}

export async function executeItem(this: IExecuteFunctions, plan: SendToUserPlan, i: number): Promise<IDataObject> {
	const { requestId } = await rtsRequest(this, 'SendUnicast', plan.body, i);
	return { status: 'sent', rtcAppId: plan.body.AppId as string, from: plan.body.From as string, to: plan.body.To as string, binary: plan.body.Binary as boolean, requestId };
}

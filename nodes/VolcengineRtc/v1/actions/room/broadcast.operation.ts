import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readParam } from '../../../../shared/params';
import { binaryField, fromField, MAX_MESSAGE_BYTES, messageField, readRtsCommon, rtcAppIdField, rtsId, rtsRequest } from '../../helpers/rts';
import { roomIdField } from './common';

/** SendBroadcast — volcengine-rtc.md §5: to every user in a room; ≤ 64 KB. */

const properties: INodeProperties[] = [rtcAppIdField, roomIdField, fromField, binaryField, messageField(MAX_MESSAGE_BYTES)];

export const description = updateDisplayOptions({ show: { resource: ['room'], operation: ['broadcast'] } }, properties);

export interface RoomBroadcastPlan {
	body: Record<string, unknown>;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<RoomBroadcastPlan> {
	const common = readRtsCommon(this, i, MAX_MESSAGE_BYTES);
	const roomId = readParam(this, 'roomId', i, rtsId, 'Room ID');
	return { body: { AppId: common.AppId, RoomId: roomId, From: common.From, Binary: common.Binary, Message: common.Message } };
}

export async function executeItem(this: IExecuteFunctions, plan: RoomBroadcastPlan, i: number): Promise<IDataObject> {
	const { requestId } = await rtsRequest(this, 'SendBroadcast', plan.body, i);
	return {
		status: 'sent',
		rtcAppId: plan.body.AppId as string,
		roomId: plan.body.RoomId as string,
		from: plan.body.From as string,
		binary: plan.body.Binary as boolean,
		requestId,
	};
}

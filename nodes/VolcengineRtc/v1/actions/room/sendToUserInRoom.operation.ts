import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readParam } from '../../../../shared/params';
import { binaryField, fromField, MAX_MESSAGE_BYTES, messageField, readRtsCommon, rtcAppIdField, rtsId, rtsRequest } from '../../helpers/rts';
import { roomIdField, toField } from './common';

/** SendRoomUnicast — volcengine-rtc.md §5: to one user in a room (not receivable by the RTS SDK); ≤ 64 KB. */

const properties: INodeProperties[] = [rtcAppIdField, roomIdField, fromField, toField, binaryField, messageField(MAX_MESSAGE_BYTES)];

export const description = updateDisplayOptions({ show: { resource: ['room'], operation: ['sendToUserInRoom'] } }, properties);

export interface SendToUserInRoomPlan {
	body: Record<string, unknown>;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<SendToUserInRoomPlan> {
	const common = readRtsCommon(this, i, MAX_MESSAGE_BYTES);
	const roomId = readParam(this, 'roomId', i, rtsId, 'Room ID');
	const to = readParam(this, 'to', i, rtsId, 'Receiver User ID');
	return { body: { AppId: common.AppId, RoomId: roomId, From: common.From, To: to, Binary: common.Binary, Message: common.Message } };
}

export async function executeItem(this: IExecuteFunctions, plan: SendToUserInRoomPlan, i: number): Promise<IDataObject> {
	const { requestId } = await rtsRequest(this, 'SendRoomUnicast', plan.body, i);
	return {
		status: 'sent',
		rtcAppId: plan.body.AppId as string,
		roomId: plan.body.RoomId as string,
		from: plan.body.From as string,
		to: plan.body.To as string,
		binary: plan.body.Binary as boolean,
		requestId,
	};
}

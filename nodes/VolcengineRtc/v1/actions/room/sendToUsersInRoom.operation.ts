import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';
import { chunks } from '../../../../shared/batching';
import { errorItemJson, toNodeError } from '../../../../shared/errors';
import { outcomeStatus, settleFanOut, stoppedSend } from '../../../../shared/fanout';
import { readOption, readParam } from '../../../../shared/params';
import { intInRange } from '../../../../shared/schemas';
import { batchSizeOption } from '../../helpers/fields';
import { uniqueIds } from '../../helpers/im';
import {
	binaryField,
	fromField,
	MAX_BATCH_MESSAGE_BYTES,
	MAX_ROOM_RECEIVERS_PER_CALL,
	messageField,
	readRtsCommon,
	rtcAppIdField,
	rtsId,
	rtsIdList,
	rtsRequest,
} from '../../helpers/rts';
import { roomIdField } from './common';

/**
 * BatchSendRoomUnicast — volcengine-rtc.md §5: one message to many users of a room, ≤ 600
 * receivers per call and ≤ 20 KB. Any number of receivers per item, sent in calls of ≤ 600.
 */

const properties: INodeProperties[] = [
	rtcAppIdField,
	roomIdField,
	fromField,
	{
		displayName: 'Receiver User IDs',
		name: 'to',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 3 },
		placeholder: 'user-1, user-2, user-3',
		description:
			'Any number of RTC user IDs in the room, separated by commas or new lines, or an array from an expression. Sent in calls of up to 600.',
	},
	binaryField,
	messageField(MAX_BATCH_MESSAGE_BYTES),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			batchSizeOption(MAX_ROOM_RECEIVERS_PER_CALL, 'Receivers'),
			{
				displayName: 'Remove Duplicate Receivers',
				name: 'dedupe',
				type: 'boolean',
				default: true,
				description: 'Whether a receiver listed twice gets the message once',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['sendToUsersInRoom'] } },
	properties,
);

export interface SendToUsersInRoomPlan {
	base: { AppId: string; RoomId: string; From: string; Binary: boolean; Message: string };
	receivers: string[];
	duplicatesRemoved: number;
	batchSize: number;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<SendToUsersInRoomPlan> {
	const common = readRtsCommon(this, i, MAX_BATCH_MESSAGE_BYTES);
	const roomId = readParam(this, 'roomId', i, rtsId, 'Room ID');
	const all: string[] = readParam(this, 'to', i, rtsIdList, 'Receiver User IDs');
	const batchSize = readOption(this, 'options', 'batchSize', i, intInRange(1, MAX_ROOM_RECEIVERS_PER_CALL), 'Batch Size', MAX_ROOM_RECEIVERS_PER_CALL);
	const dedupe = readOption(this, 'options', 'dedupe', i, z.boolean(), 'Remove Duplicate Receivers', true);
	const receivers = dedupe ? uniqueIds(all) : all;
	return {
		base: { AppId: common.AppId, RoomId: roomId, From: common.From, Binary: common.Binary, Message: common.Message },
		receivers,
		duplicatesRemoved: all.length - receivers.length,
		batchSize,
	};
}

export async function executeItem(this: IExecuteFunctions, plan: SendToUsersInRoomPlan, i: number): Promise<IDataObject> {
	const requestIds: string[] = [];
	let sent = 0;
	let calls = 0;
	let failure: { from: number; error: IDataObject } | undefined;
	let firstError: unknown;
	for (const chunk of chunks(plan.receivers, plan.batchSize)) {
		const { AppId, RoomId, From, Binary, Message } = plan.base;
		calls++;
		try {
			const { requestId } = await rtsRequest(this, 'BatchSendRoomUnicast', { AppId, RoomId, From, To: chunk, Binary, Message }, i);
			if (requestId) requestIds.push(requestId);
			sent += chunk.length;
		} catch (error) {
			firstError = error;
			failure = { from: sent, error: errorItemJson(toNodeError(this.getNode(), error, i)) };
			break;
		}
	}
	const stop = stoppedSend(plan.receivers.length, failure?.from, plan.batchSize, firstError);
	const summary: IDataObject = {
		status: outcomeStatus(stop.counts),
		rtcAppId: plan.base.AppId,
		roomId: plan.base.RoomId,
		from: plan.base.From,
		binary: plan.base.Binary,
		receiverCount: plan.receivers.length,
		sentCount: sent,
		unknownCount: stop.counts.unknown,
		notSentCount: stop.counts.notSent,
		duplicatesRemoved: plan.duplicatesRemoved,
		calls,
		requestIds,
	};
	if (failure) {
		// A call whose answer was lost may have been processed: its receivers are unknown, not "not sent".
		summary.unknownReceivers = plan.receivers.slice(failure.from, stop.unknownUpTo);
		summary.notSentReceivers = plan.receivers.slice(stop.unknownUpTo);
		summary.error = failure.error;
	}
	// Nothing answered: the item fails, and its error keeps this summary.
	return settleFanOut(this, i, stop, summary);
}

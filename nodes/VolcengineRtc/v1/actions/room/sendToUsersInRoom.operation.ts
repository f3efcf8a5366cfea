import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { fanOut } from '../../../../shared/engine/callShapes';
import { countFields, entriesWith, Fate, receiverLists, sharedVocabulary, statusOf } from '../../../../shared/engine/outcomes';
import { collection, intInRange } from '../../../../shared/schemas';
import { rtsApi } from '../../../transport/request';
import { volcengineOperation } from '../../helpers/common';
import { batchSizeOption, dedupeOption, listField } from '../../helpers/fields';
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
	type RtsCommon,
} from '../../helpers/rts';
import { roomIdField } from './common';

/**
 * BatchSendRoomUnicast — volcengine-rtc.md §5: one message to many users of a room, ≤ 600
 * receivers per call and ≤ 20 KB. Any number of receivers per item, sent in calls of ≤ 600, one
 * after the other.
 */

const api = rtsApi('BatchSendRoomUnicast');

interface Plan {
	base: RtsCommon & { RoomId: string };
	receivers: string[];
	duplicatesRemoved: number;
	batchSize: number;
	/** Node version 1.1: the shared output vocabulary (README → Outputs). */
	shared: boolean;
}

export const sendToUsersInRoom = volcengineOperation<Plan>({
	resource: 'room',
	operation: 'sendToUsersInRoom',
	option: {
		name: 'Send to Users in Room',
		description: 'Send a message to any number of users in an RTC room (BatchSendRoomUnicast)',
		action: 'Send a message to users in a room',
	},
	doc: { api: '`BatchSendRoomUnicast`', limits: '≤ 600 receivers per call; ≤ 20 KB.' },
	properties: [
		rtcAppIdField,
		roomIdField,
		fromField,
		listField({
			displayName: 'Receiver User IDs',
			name: 'to',
			placeholder: 'user-1, user-2, user-3',
			description: 'Any number of RTC user IDs in the room, separated by commas or new lines, or an array from an expression. Sent in calls of up to 600.',
		}),
		binaryField,
		messageField(MAX_BATCH_MESSAGE_BYTES),
		collection([batchSizeOption(MAX_ROOM_RECEIVERS_PER_CALL, 'Receivers'), dedupeOption('Receivers', 'receiver')]),
	],
	read(r) {
		const common = readRtsCommon(r, MAX_BATCH_MESSAGE_BYTES);
		const RoomId = r.param('roomId', rtsId, 'Room ID');
		const all: string[] = r.param('to', rtsIdList, 'Receiver User IDs');
		const batchSize = r.option('options', 'batchSize', intInRange(1, MAX_ROOM_RECEIVERS_PER_CALL), 'Batch Size', MAX_ROOM_RECEIVERS_PER_CALL);
		const receivers = r.option('options', 'dedupe', z.boolean(), 'Remove Duplicate Receivers', true) ? uniqueIds(all) : all;
		return { base: { ...common, RoomId }, receivers, duplicatesRemoved: all.length - receivers.length, batchSize, shared: sharedVocabulary(r.ctx) };
	},
	shape: fanOut({
		ordered: true,
		list: (plan) => plan.receivers,
		max: (plan) => plan.batchSize,
		async send({ base }, chunk, _n, send) {
			const { requestId } = await send(api, { AppId: base.AppId, RoomId: base.RoomId, From: base.From, To: chunk, Binary: base.Binary, Message: base.Message });
			return { failed: [], requestId };
		},
		output(plan, r) {
			if (plan.shared) {
				return {
					status: statusOf(r),
					rtcAppId: plan.base.AppId,
					roomId: plan.base.RoomId,
					from: plan.base.From,
					binary: plan.base.Binary,
					receiverCount: r.count,
					...countFields(r),
					duplicatesRemoved: plan.duplicatesRemoved,
					calls: r.calls,
					...receiverLists(r, String),
					requestIds: r.requestIds,
					...(r.chunkErrors.size ? { errors: [...r.chunkErrors.values()] } : {}),
				} as IDataObject;
			}
			const summary: IDataObject = {
				status: statusOf(r),
				rtcAppId: plan.base.AppId,
				roomId: plan.base.RoomId,
				from: plan.base.From,
				binary: plan.base.Binary,
				receiverCount: plan.receivers.length,
				sentCount: r.counts.delivered,
				unknownCount: r.counts.unknown,
				notSentCount: r.counts.notSent,
				duplicatesRemoved: plan.duplicatesRemoved,
				calls: r.calls,
				requestIds: r.requestIds,
			};
			if (r.stoppedAt !== undefined) {
				// A call whose answer was lost may have been processed: its receivers are unknown, not "not sent".
				summary.unknownReceivers = entriesWith(r, Fate.Unknown);
				summary.notSentReceivers = entriesWith(r, Fate.NotSent);
				summary.error = [...r.chunkErrors.values()][0];
			}
			return summary;
		},
	}),
});

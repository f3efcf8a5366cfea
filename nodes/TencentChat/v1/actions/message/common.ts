import type { INodeProperties } from 'n8n-workflow';
import type { ItemReader } from '../../../../shared/engine/reader';
import { intInRange, numberField, optionsField } from '../../../../shared/schemas';
import { drawUint32, optionalUint32, randomOption } from '../../helpers/fields';
import { nextMsgSeq } from '../../helpers/order';

/** Options and body fields shared by sendmsg and batchsendmsg (tencent-chat.md §4.1–4.2). */

/** MsgRandom and MsgSeq: Tencent's de-duplication values of a one-to-one message (§3.4). */
export const dedupOptions: INodeProperties[] = [
	randomOption('msgRandom', 'De-duplication Number (MsgRandom)', 'De-duplication value (with MsgSeq): Tencent drops a repeat within 120 seconds.'),
	randomOption(
		'msgSeq',
		'Sequence Number (MsgSeq)',
		'Orders messages sent in the same second (and de-duplicates with MsgRandom). When empty, an increasing value is drawn once per item (time-based), so messages of a conversation keep their order and retries stay duplicates.',
	),
];

export const c2cOptions: INodeProperties[] = [
	numberField(
		'Message Lifetime (Seconds)',
		'msgLifeTime',
		604800,
		0,
		604800,
		'How long the message is kept for offline receivers, up to 7 days; 0 = online users only, not stored',
	),
	...dedupOptions,
	optionsField('Sync to Sender', 'syncOtherMachine', 'default', [
		{ name: 'Default (Store in Sender Roaming)', value: 'default' },
		{ name: 'Sync to Sender Devices', value: 'sync', description: 'SyncOtherMachine 1' },
		{ name: 'Do Not Sync to Sender', value: 'noSync', description: 'SyncOtherMachine 2' },
	]),
];

export interface C2cFields {
	MsgLifeTime?: number;
	MsgRandom: number;
	MsgSeq: number;
	SyncOtherMachine?: number;
}

/**
 * MsgRandom and MsgSeq, fixed once per logical message before the first attempt (§3.4): MsgRandom
 * is random; MsgSeq increases in input order, because Tencent orders same-second messages by it
 * (helpers/order.ts). Used by sendmsg, batchsendmsg and importmsg.
 */
export function readDedupFields(r: ItemReader): { MsgRandom: number; MsgSeq: number } {
	return {
		MsgRandom: r.option('options', 'msgRandom', optionalUint32, 'De-duplication Number (MsgRandom)', '') ?? drawUint32(),
		MsgSeq: r.option('options', 'msgSeq', optionalUint32, 'Sequence Number (MsgSeq)', '') ?? nextMsgSeq(),
	};
}

export function readC2cFields(r: ItemReader): C2cFields {
	const fields: C2cFields = { MsgLifeTime: r.option('options', 'msgLifeTime', intInRange(0, 604800), 'Message Lifetime (Seconds)', 604800), ...readDedupFields(r) };
	const sync = (r.ctx.getNodeParameter('options.syncOtherMachine', r.itemIndex, 'default') as string) ?? 'default';
	if (sync === 'sync') fields.SyncOtherMachine = 1;
	if (sync === 'noSync') fields.SyncOtherMachine = 2;
	return fields;
}

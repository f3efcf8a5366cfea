import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { intInRange, collection, numberField, optionsField } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { randomOption, userId } from '../../helpers/fields';
import { messageFields, messageOptionsFields } from '../../descriptions/message.description';
import { readMessage } from '../../helpers/readMessage';
import { readDedupFields } from './common';

/**
 * importmsg — import one historical (or, during a migration, real-time) one-to-one message.
 * Fields (cloud.tencent.com/document/product/269/2568; trtc.io/document/35014; doocs/qcloud-im-server-sdk-java
 * ImportMsgRequest.java): SyncFromOldSystem (1 real-time import, counted as unread; 2 history import,
 * not counted), From_Account, To_Account, MsgSeq, MsgRandom, MsgTimeStamp (UNIX seconds), MsgBody,
 * CloudCustomData. 200 calls/s (the default quota). No callback is triggered.
 * Tencent drops a message whose MsgSeq, MsgRandom and MsgTimeStamp match one already imported into
 * the conversation (the first import's content stays): both are fixed per item before the first
 * attempt, so a repeat — a retry or a re-run with the same values — is safe.
 */

const SYNC = { realtime: 1, history: 2 } as const;

interface Plan {
	body: Record<string, unknown>;
	mode: keyof typeof SYNC;
}

export const importMessage = tencentOperation<Plan>({
	resource: 'message',
	operation: 'import',
	option: { name: 'Import', description: 'Import a historical one-to-one message (importmsg)', action: 'Import a one to one message' },
	doc: { api: '`openim/importmsg`', limits: 'One one-to-one message per item, imported with its original time (Import As: history — `SyncFromOldSystem 2`, not counted unread — or real-time `1`); MsgSeq/MsgRandom fixed per item, and Tencent drops a message whose MsgSeq + MsgRandom + MsgTimeStamp it already has, so re-runs are safe. No callback fires. 200/s. ([269/2568](https://cloud.tencent.com/document/product/269/2568); doocs/qcloud-im-server-sdk-java `ImportMsgRequest.java`)' },
	properties: [
		{ displayName: 'Sender User ID', name: 'fromAccount', type: 'string', default: '', required: true, placeholder: 'user_1001', description: 'Who sent the message (From_Account)' },
		{ displayName: 'Receiver User ID', name: 'toAccount', type: 'string', default: '', required: true, placeholder: 'user_1002', description: 'Who received it (To_Account)' },
		numberField(
			'Message Time',
			'msgTimeStamp',
			'',
			1,
			4294967295,
			'When the message was sent, as UNIX time in seconds (MsgTimeStamp); history is sorted by it',
			{ required: true, placeholder: '1556178721' },
		),
		optionsField('Import As', 'syncFromOldSystem', 'history', [
			{ name: 'History', value: 'history', description: 'Not counted as unread (SyncFromOldSystem 2)' },
			{ name: 'Real-Time Message', value: 'realtime', description: 'Counted as unread, during a migration (SyncFromOldSystem 1)' },
		]),
		...messageFields,
		collection([
			randomOption('msgRandom', 'De-duplication Number (MsgRandom)', 'De-duplication value: with MsgSeq and the Message Time, Tencent keeps the first import of a message.'),
			randomOption('msgSeq', 'Sequence Number (MsgSeq)', 'Orders messages of the same second (and de-duplicates with MsgRandom and the Message Time).'),
		]),
		...messageOptionsFields('import'),
	],
	read(r) {
		const body: Record<string, unknown> = {
			From_Account: r.param('fromAccount', userId, 'Sender User ID'),
			To_Account: r.param('toAccount', userId, 'Receiver User ID'),
			MsgTimeStamp: r.param('msgTimeStamp', intInRange(1, 4294967295), 'Message Time'),
		};
		const mode = r.param('syncFromOldSystem', z.enum(['history', 'realtime']), 'Import As', 'history');
		// The 'import' message shows only the body and Cloud Custom Data (importmsg takes nothing else).
		Object.assign(body, { SyncFromOldSystem: SYNC[mode] }, readDedupFields(r), readMessage(r.ctx, r.itemIndex, 'import'));
		return { body, mode };
	},
	// A conversation's messages are imported in input order (Tencent asks for time order).
	orderKey: ({ body }) => `c2c:${String(body.From_Account)}>${String(body.To_Account)}`,
	shape: single({
		// MsgSeq + MsgRandom + MsgTimeStamp fixed per item: Tencent drops a repeat.
		api: tencentApi('openim/importmsg', true),
		body: (plan) => plan.body,
		output: ({ body, mode }, answer) => ({
			status: 'imported',
			from: body.From_Account as string,
			to: body.To_Account as string,
			importedAs: mode,
			msgTimeStamp: body.MsgTimeStamp as number,
			msgSeq: body.MsgSeq as number,
			msgRandom: body.MsgRandom as number,
			requestId: requestIdOf(answer),
		}),
	}),
});

import { extensionOperations } from '../../helpers/extensions';
import { readStoredMessage, storedMessageFields } from './c2cTarget';

/** Message extensions of a one-to-one message (helpers/extensions.ts has the rules and sources). */
export const { setOp: setExtensions, getOp: getExtensions } = extensionOperations({
	resource: 'message',
	names: { set: 'setExtensions', get: 'getExtensions' },
	what: 'a one to one message',
	vendorNames: { set: 'set_key_values', get: 'get_key_values' },
	fields: storedMessageFields(false),
	readTarget: (r) => readStoredMessage(r, false),
	docs: {
		set: 'Pro editions with "Set message extension" on; the message must be sent with extensions enabled. Pairs go in calls of 20 (the maximum), one after the other; a pair refused alone (e.g. an old Seq) is listed in `failed`. Key ≤ 100 bytes, value ≤ 1,000 bytes, ≤ 300 keys per message. Not repeated after a lost answer. Sources: trtc.io/document/51195; doocs `SetKeyValuesRequest.java`.',
		get: 'One item per key. Pages by StartSeq (after the highest Seq returned) until CompleteFlag 1; Return All or Limit. Sources: trtc.io/document/51194; doocs `GetKeyValuesRequest.java`, `GetKeyValuesResult.java`.',
	},
});

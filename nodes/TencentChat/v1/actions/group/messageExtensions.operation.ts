import { extensionOperations } from '../../helpers/extensions';
import { groupMessageFields, readGroupMessage } from './groupMessage';

/** Message extensions of a group message (helpers/extensions.ts has the rules and sources); not audio-video or community groups. */
export const { setOp: setMessageExtensions, getOp: getMessageExtensions } = extensionOperations({
	resource: 'group',
	names: { set: 'setMessageExtensions', get: 'getMessageExtensions' },
	what: 'a group message',
	vendorNames: { set: 'group_set_key_values', get: 'group_get_key_values' },
	fields: groupMessageFields('to extend or read'),
	readTarget: readGroupMessage,
	docs: {
		set: 'Pro editions with "Set message extension" on; not audio-video (AVChatRoom) or community groups. Pairs go in calls of 20 (the maximum), one after the other; a pair refused alone is listed in `failed`. Key ≤ 100 bytes, value ≤ 1,000 bytes, ≤ 300 keys per message. Not repeated after a lost answer. Sources: trtc.io/document/52170 (its table misprints the path; the sample URL is right); doocs `GroupSetKeyValuesRequest.java`.',
		get: 'One item per key. Pages by StartSeq until CompleteFlag 1; Return All or Limit. Sources: trtc.io/document/52169; doocs `GroupGetKeyValuesRequest.java`, `GroupGetKeyValuesResult.java`.',
	},
});

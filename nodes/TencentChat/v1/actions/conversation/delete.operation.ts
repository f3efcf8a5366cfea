import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { collection } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { contactJson, conversationFields, ownerField, readConversation } from './common';

/**
 * recentcontact/delete — delete one conversation of a user, optionally with its roaming messages
 * (trtc.io/document/43088; doocs DeleteRecentContactRequest.java: From_Account, Type, To_Account,
 * ToGroupid — lower-case "id" in this API — and ClearRamble 1 to also clear the roaming messages).
 */
export const deleteConversation = tencentOperation<IDataObject>({
	resource: 'conversation',
	operation: 'delete',
	option: { name: 'Delete', description: 'Delete a conversation from a user’s list (delete)', action: 'Delete a conversation' },
	properties: [
		ownerField,
		...conversationFields,
		collection([{ displayName: 'Clear Messages', name: 'clearRamble', type: 'boolean', default: false, description: 'Whether the roaming messages of the conversation are cleared too (ClearRamble 1)' }]),
	],
	read(r) {
		const c = readConversation(r);
		const body: IDataObject = { From_Account: r.param('fromAccount', userId, 'User ID'), Type: c.Type };
		if (c.Type === 1) body.To_Account = c.To_Account;
		else body.ToGroupid = c.ToGroupId;
		if (r.option('options', 'clearRamble', z.boolean({ invalid_type_error: 'must be true or false' }), 'Clear Messages', false)) body.ClearRamble = 1;
		return body;
	},
	shape: single({
		api: tencentApi('recentcontact/delete', true),
		body: (body) => body,
		output: (body, answer) => ({
			status: 'deleted',
			user: body.From_Account as string,
			...contactJson({ ...body, ToGroupId: body.ToGroupid }),
			messagesCleared: body.ClearRamble === 1,
			requestId: requestIdOf(answer),
		}),
	}),
	doc: { api: '`recentcontact/delete`', limits: 'One conversation per call, 200 calls/s; Clear Messages also removes its roaming messages. Sources: trtc.io/document/43088; doocs `DeleteRecentContactRequest.java`.' },
});

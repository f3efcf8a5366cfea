import { single } from '../../../../shared/engine/callShapes';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { conversationLocator, readConversationId } from '../../helpers/conversations';
import { appIdField } from '../../helpers/fields';

/** GetConversationUserCount — volc-sdk-golang service/im/model.go GetConversationUserCountBody / …ResResult (Count). */

export const getMemberCount = volcengineOperation<Body>({
	resource: 'conversation',
	operation: 'getMemberCount',
	option: { name: 'Get Member Count', description: 'Count the members of a conversation (GetConversationUserCount)', action: 'Get the member count of a conversation' },
	properties: [appIdField, conversationLocator('The conversation to count')],
	read: async (r) => ({ AppId: await resolveAppId(r), ConversationShortId: readConversationId(r) }),
	shape: single({
		api: imApi('GetConversationUserCount', true),
		body: (body) => body,
		output: (body, { result, requestId }) => ({ conversationShortId: String(body.ConversationShortId), memberCount: result.Count ?? null, requestId: requestId ?? null }),
	}),
	doc: { api: 'GetConversationUserCount', limits: 'One conversation per item. QPS not documented (paced at 50/s). Fields: volc-sdk-golang `service/im/model.go` GetConversationUserCountBody.' },
});

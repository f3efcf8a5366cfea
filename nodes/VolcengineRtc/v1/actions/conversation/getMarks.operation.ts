import { single } from '../../../../shared/engine/callShapes';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { conversationLocator, readConversationId } from '../../helpers/conversations';
import { appIdField } from '../../helpers/fields';

/** GetConversationMarks — volc-sdk-golang service/im/model.go GetConversationMarksBody / …ResResult (MarkTypes []string). */

export const getMarks = volcengineOperation<Body>({
	resource: 'conversation',
	operation: 'getMarks',
	option: { name: 'Get Marks', description: 'Read the marks set on a conversation (GetConversationMarks)', action: 'Get the marks of a conversation' },
	properties: [appIdField, conversationLocator('The conversation whose marks to read')],
	read: async (r) => ({ AppId: await resolveAppId(r), ConversationShortId: readConversationId(r) }),
	shape: single({
		api: imApi('GetConversationMarks', true),
		body: (body) => body,
		output: (body, { result, requestId }) => ({
			conversationShortId: String(body.ConversationShortId),
			markTypes: Array.isArray(result.MarkTypes) ? result.MarkTypes.map(String) : [],
			requestId: requestId ?? null,
		}),
	}),
	doc: { api: 'GetConversationMarks', limits: 'One conversation per item. QPS not documented (paced at 50/s). Fields: volc-sdk-golang `service/im/model.go` GetConversationMarksBody.' },
});

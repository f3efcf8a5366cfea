import type { IDataObject } from 'n8n-workflow';
import { single } from '../../../../shared/engine/callShapes';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { conversationLocator, readConversationId, recordJson } from '../../helpers/conversations';
import { appIdField } from '../../helpers/fields';

/**
 * GetParticipantReadIndex — volc-sdk-golang service/im/model.go GetParticipantReadIndexBody /
 * …ReadIndexesItem (ParticipantUserId, ReadIndex; "若没有返回某个成员的 ReadIndex，则表示该成员的 ReadIndex 为 0").
 * One output item per member returned.
 */

export const getReadIndexes = volcengineOperation<Body>({
	resource: 'conversation',
	operation: 'getReadIndexes',
	option: { name: 'Get Read Positions', description: 'How far each member has read a conversation (GetParticipantReadIndex)', action: 'Get the read positions of a conversation' },
	properties: [appIdField, conversationLocator('The conversation')],
	read: async (r) => ({ AppId: await resolveAppId(r), ConversationShortId: readConversationId(r) }),
	shape: single({
		api: imApi('GetParticipantReadIndex', true),
		body: (body) => body,
		output: (body, { result, requestId }) =>
			((Array.isArray(result.ReadIndexes) ? result.ReadIndexes : []) as IDataObject[]).map((m) => ({
				conversationShortId: String(body.ConversationShortId),
				...recordJson(m),
				requestId: requestId ?? null,
			})),
	}),
	doc: {
		api: 'GetParticipantReadIndex',
		limits: 'One conversation per item; one output item per member Volcengine returns (a member it leaves out has read position 0). QPS not documented (paced at 50/s).',
	},
});

import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { collection, int64Id, listInput } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { conversationLocator, readConversationId } from '../../helpers/conversations';
import { appIdField } from '../../helpers/fields';

/**
 * MarkConversation — volc-sdk-golang service/im/model.go MarkConversationBody: MarkTypes []string,
 * MarkAction 1 add (default) / 2 remove, Operator (optional user id). The marks are free strings.
 */

const ACTIONS = { add: 1, remove: 2 } as const;
const markList = listInput.pipe(
	z
		.array(z.union([z.string(), z.number()], { errorMap: () => ({ message: 'a mark must be text' }) }).transform((t) => String(t).trim()))
		.min(1, 'needs at least one mark'),
);

export const mark = volcengineOperation<{ body: Body; action: keyof typeof ACTIONS }>({
	resource: 'conversation',
	operation: 'mark',
	option: { name: 'Mark', description: 'Add or remove marks of a conversation (MarkConversation)', action: 'Mark a conversation' },
	properties: [
		appIdField,
		conversationLocator('The conversation to mark'),
		{
			displayName: 'Action',
			name: 'markAction',
			type: 'options',
			default: 'add',
			description: 'Whether to add or remove the marks (MarkAction)',
			options: [
				{ name: 'Add', value: 'add', description: 'MarkAction 1' },
				{ name: 'Remove', value: 'remove', description: 'MarkAction 2' },
			],
		},
		{
			displayName: 'Marks',
			name: 'markTypes',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'vip, escalated',
			description: 'Mark names your app uses (MarkTypes), separated by commas or new lines, or an array from an expression',
		},
		collection([
			{
				displayName: 'Operator User ID',
				name: 'operator',
				type: 'string',
				default: '',
				placeholder: '10001',
				description: 'User recorded as having set the marks (Operator; a numeric ID)',
			},
		]),
	],
	async read(r) {
		const action = r.param('markAction', z.enum(['add', 'remove']), 'Action', 'add');
		const body: Body = {
			AppId: await resolveAppId(r),
			ConversationShortId: readConversationId(r),
			MarkTypes: [...new Set(r.param('markTypes', markList, 'Marks'))],
			MarkAction: ACTIONS[action],
		};
		if (r.has('options', 'operator')) body.Operator = r.option('options', 'operator', int64Id, 'Operator User ID', '');
		return { body, action };
	},
	shape: single({
		api: imApi('MarkConversation', true), // adding (or removing) the same marks twice has the same effect
		body: (plan) => plan.body,
		output: ({ body, action }, { requestId }) => ({
			status: action === 'add' ? 'marked' : 'unmarked',
			conversationShortId: String(body.ConversationShortId),
			markTypes: body.MarkTypes as string[],
			requestId: requestId ?? null,
		}),
	}),
	doc: { api: 'MarkConversation', limits: 'One conversation and any number of marks per item (no maximum is documented). QPS not documented (paced at 50/s). Fields: volc-sdk-golang `service/im/model.go` MarkConversationBody.' },
});

import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as message from './message/Message.resource';
import * as userTag from './userTag/UserTag.resource';

/** Everything of version 1 except its identity (name, icon, subtitle), which VolcengineRtcV1 declares. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'description' | 'group'> = {
	version: 1,
	defaults: { name: 'Volcengine RTC' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'volcengineRtcApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Message', value: 'message', description: 'Broadcast or send one-to-one messages' },
				{ name: 'User Tag', value: 'userTag', description: 'Tags of registered users, used to target broadcasts' },
			],
			default: 'message',
		},
		...message.description,
		...userTag.description,
	],
};

import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { volcengineIcon } from '../icon';
import { deliveryProperty } from '../../shared/delivery';
import { actionSubtitle } from '../../shared/versioned';
import { operations } from './actions/node.type';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { searchConversations } from './methods/listSearch';

export class VolcengineRtcV1 implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		displayName: 'Volcengine RTC',
		name: 'volcengineRtc',
		icon: volcengineIcon,
		group: ['output'],
		subtitle: actionSubtitle(operations),
		description: 'Send, broadcast and tag with the Volcengine RTC messaging OpenAPI',
		usableAsTool: true,
		properties: [...versionDescription.properties, deliveryProperty],
	};

	methods = { listSearch: { searchConversations } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

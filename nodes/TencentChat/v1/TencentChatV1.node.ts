import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { tencentChatIcon } from '../icon';
import { deliveryProperty } from '../../shared/delivery';
import { actionSubtitle } from '../../shared/versioned';
import { operations } from './actions/node.type';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { searchGroups } from './helpers/groupLocator';

export class TencentChatV1 implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		displayName: 'Tencent Chat',
		name: 'tencentChat',
		icon: tencentChatIcon,
		group: ['output'],
		subtitle: actionSubtitle(operations),
		description: 'Send, broadcast and push with the Tencent Cloud Chat (TIM) server REST API',
		usableAsTool: true,
		properties: [...versionDescription.properties, deliveryProperty],
	};

	methods = { listSearch: { searchGroups } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

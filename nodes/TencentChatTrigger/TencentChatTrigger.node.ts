import type { IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';
import { baseDescriptionOf } from '../shared/versioned';
import { TencentChatTriggerV1 } from './v1/TencentChatTriggerV1.node';

export class TencentChatTrigger extends VersionedNodeType {
	constructor() {
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new TencentChatTriggerV1(),
		};
		super(nodeVersions, baseDescriptionOf(nodeVersions, 1));
	}
}

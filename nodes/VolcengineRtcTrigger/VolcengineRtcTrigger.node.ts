import type { IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';
import { baseDescriptionOf } from '../shared/versioned';
import { VolcengineRtcTriggerV1 } from './v1/VolcengineRtcTriggerV1.node';

export class VolcengineRtcTrigger extends VersionedNodeType {
	constructor() {
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new VolcengineRtcTriggerV1(),
		};
		super(nodeVersions, baseDescriptionOf(nodeVersions, 1));
	}
}

import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';
import { VolcengineRtcV1 } from './v1/VolcengineRtcV1.node';

export class VolcengineRtc extends VersionedNodeType {
	constructor() {
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new VolcengineRtcV1(),
		};
		const { displayName, name, icon, group, subtitle, description } = nodeVersions[1].description;
		const baseDescription: INodeTypeBaseDescription = {
			displayName,
			name,
			icon,
			group,
			subtitle,
			description,
			defaultVersion: 1,
		};
		super(nodeVersions, baseDescription);
	}
}

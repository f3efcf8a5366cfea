import type { IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';
import { baseDescriptionOf } from '../shared/versioned';
import { TencentChatV1 } from './v1/TencentChatV1.node';

export class TencentChat extends VersionedNodeType {
	constructor() {
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			// 1.1: the shared output vocabulary (README → Outputs); version 1 keeps the field names of 0.1.0.
			// Also 1.1: no "Message Options" collection of a single option (see versionDescription.ts).
			1: new TencentChatV1(),
			1.1: new TencentChatV1(),
		};
		super(nodeVersions, baseDescriptionOf(nodeVersions, 1.1));
	}
}

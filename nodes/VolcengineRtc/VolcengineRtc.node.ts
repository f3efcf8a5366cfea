import type { IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';
import { baseDescriptionOf } from '../shared/versioned';
import { VolcengineRtcV1 } from './v1/VolcengineRtcV1.node';

export class VolcengineRtc extends VersionedNodeType {
	constructor() {
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			// 1.1: the message composer (Message: Text / Raw) on IM sends; version 1 keeps Message Type + Content.
			1: new VolcengineRtcV1(),
			1.1: new VolcengineRtcV1(),
		};
		super(nodeVersions, baseDescriptionOf(nodeVersions, 1.1));
	}
}

import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';

/**
 * ConfigSvc/GetIPList (capitals as the vendor spells them) — tencentcloud.com/document/product/1047/36742:
 * the IP addresses and ranges Tencent's servers use, for firewall allowlists (apps in the Chinese
 * mainland). Body {}; answer IPList [] (dobyte/tencent-im operation/types.go, doocs GetIpListResult.java).
 */
export const getIpList = tencentOperation<Record<string, never>>({
	resource: 'appData',
	operation: 'getIpList',
	option: {
		name: 'Get Server IPs',
		description: 'Get the IP addresses Tencent’s servers use, for firewall allowlists (GetIPList)',
		action: 'Get server IP addresses',
	},
	properties: [],
	read: () => ({}),
	doc: {
		api: '`ConfigSvc/GetIPList`',
		limits:
			'One call per item; the list applies to apps in the Chinese mainland. 200 calls/s. Sources: tencentcloud.com 1047/36742, dobyte/tencent-im `operation/api.go`, doocs `GetIpListRequest.java`.',
	},
	shape: single({
		api: tencentApi('ConfigSvc/GetIPList', true),
		body: () => ({}),
		output: (_plan, answer) => ({ ipList: ((answer.result.IPList ?? []) as unknown[]).map(String), requestId: requestIdOf(answer) }),
	}),
});

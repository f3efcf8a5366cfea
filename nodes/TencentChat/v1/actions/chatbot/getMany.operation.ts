import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';

/** get_all_robots — tencentcloud.com/document/product/1047/55280: body {}; Robot_Account [] (doocs GetAllRobotsResult.java). */
export const getMany = tencentOperation<Record<string, never>>({
	resource: 'chatbot',
	operation: 'getMany',
	option: { name: 'Get Many', description: 'Get the chatbot accounts of the app, one item per chatbot (get_all_robots)', action: 'Get many chatbots' },
	properties: [],
	read: () => ({}),
	doc: {
		api: '`openim_robot_http_svc/get_all_robots`',
		limits:
			'One call per item, all chatbots at once (at most 20 per app). 200 calls/s. Sources: tencentcloud.com 1047/55280, doocs `Robot.java`, `GetAllRobotsResult.java`.',
	},
	shape: single({
		api: tencentApi('openim_robot_http_svc/get_all_robots', true),
		body: () => ({}),
		output: (_plan, answer) => ((answer.result.Robot_Account ?? []) as unknown[]).map((id) => ({ chatbot: String(id) })),
	}),
});

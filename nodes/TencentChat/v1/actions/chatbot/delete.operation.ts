import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { chatbotField, chatbotId } from './common';

/** delete_robot — tencentcloud.com/document/product/1047/55282: Robot_Account; the chatbot stops working, its UserID is not deleted. */
export const deleteChatbot = tencentOperation<{ Robot_Account: string }>({
	resource: 'chatbot',
	operation: 'delete',
	option: { name: 'Delete', description: 'Delete a chatbot account; its user ID stays taken (delete_robot)', action: 'Delete a chatbot' },
	properties: [chatbotField('The chatbot to delete (Robot_Account)')],
	read: (r) => ({ Robot_Account: r.param('chatbot', chatbotId, 'Chatbot User ID') }),
	doc: {
		api: '`openim_robot_http_svc/delete_robot`',
		limits: 'One chatbot per call. 200 calls/s. Sources: tencentcloud.com 1047/55282, doocs `Robot.java`, `DeleteRobotRequest.java`.',
	},
	shape: single({
		// A repeat of a delete that went through is refused (no such chatbot): not repeated blindly.
		api: tencentApi('openim_robot_http_svc/delete_robot', false),
		body: (body) => body,
		output: (body, answer) => ({ chatbot: body.Robot_Account, status: 'deleted', requestId: requestIdOf(answer) }),
	}),
});

import { single } from '../../../../shared/engine/callShapes';
import { collection, emptyAs, text } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation, type Body } from '../../helpers/common';
import { chatbotField, chatbotId } from './common';

const profileText = emptyAs(text({ maxBytes: 500 }));

/**
 * create_robot — tencentcloud.com/document/product/1047/55281: UserID (@RBT#…), Nick, FaceUrl,
 * SelfSignature (≤ 500 bytes); creating an existing chatbot again succeeds; at most 20 chatbots
 * per app (doocs CreateRobotRequest.java).
 */
export const create = tencentOperation<Body>({
	resource: 'chatbot',
	operation: 'create',
	option: { name: 'Create', description: 'Create a chatbot account (create_robot)', action: 'Create a chatbot' },
	properties: [
		chatbotField('The chatbot to create (UserID)'),
		collection(
			[
				{
					displayName: 'Avatar URL',
					name: 'faceUrl',
					type: 'string',
					default: '',
					placeholder: 'https://example.com/bot.png',
					description: 'Profile picture URL (FaceUrl)',
				},
				{ displayName: 'Nickname', name: 'nick', type: 'string', default: '', placeholder: 'Support Bot', description: 'Name shown to users (Nick)' },
				{
					displayName: 'Signature',
					name: 'signature',
					type: 'string',
					default: '',
					placeholder: 'Ask me anything',
					description: 'Profile signature (SelfSignature), at most 500 bytes',
				},
			],
			'Additional Fields',
			'additionalFields',
		),
	],
	read(r) {
		const body: Body = { UserID: r.param('chatbot', chatbotId, 'Chatbot User ID') };
		const nick = r.option('additionalFields', 'nick', profileText, 'Nickname', '');
		const faceUrl = r.option('additionalFields', 'faceUrl', profileText, 'Avatar URL', '');
		const sig = r.option('additionalFields', 'signature', profileText, 'Signature', '');
		if (nick !== undefined) body.Nick = nick;
		if (faceUrl !== undefined) body.FaceUrl = faceUrl;
		if (sig !== undefined) body.SelfSignature = sig;
		return body;
	},
	doc: {
		api: '`openim_robot_http_svc/create_robot`',
		limits:
			'One chatbot per call; at most 20 chatbots per app. 200 calls/s. Sources: tencentcloud.com 1047/55281, doocs `Robot.java`, `CreateRobotRequest.java`.',
	},
	shape: single({
		// Creating the same chatbot again succeeds (55281): safe to repeat.
		api: tencentApi('openim_robot_http_svc/create_robot', true),
		body: (body) => body,
		output: (body, answer) => ({ chatbot: body.UserID as string, status: 'created', requestId: requestIdOf(answer) }),
	}),
});

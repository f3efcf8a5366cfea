import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { userId } from '../../helpers/fields';

/**
 * Chatbot accounts (openim_robot_http_svc): UserIDs start with @RBT# and are at most 32 bytes
 * (doocs/qcloud-im-server-sdk-java model/request/CreateRobotRequest.java, DeleteRobotRequest.java;
 * tencentcloud.com/document/product/1047/55280–55282).
 */
export const ROBOT_PREFIX = '@RBT#';

export const chatbotField = (description: string): INodeProperties => ({
	displayName: 'Chatbot User ID',
	name: 'chatbot',
	type: 'string',
	default: '',
	required: true,
	placeholder: '@RBT#support',
	description: `${description}; ${ROBOT_PREFIX} is added in front when missing, at most 32 bytes in all`,
});

export const chatbotId = z
	.unknown()
	.transform((v) => (typeof v === 'string' && v.trim() !== '' && !v.trim().startsWith(ROBOT_PREFIX) ? ROBOT_PREFIX + v.trim() : v))
	.pipe(userId);

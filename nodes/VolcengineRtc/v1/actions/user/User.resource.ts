import { defineResource } from '../../../../shared/engine/defineOperation';
import { get } from './get.operation';
import { getAppToken } from './getAppToken.operation';
import { getOnlineStatus } from './getOnlineStatus.operation';
import { register } from './register.operation';
import { unregister } from './unregister.operation';
import { update } from './update.operation';

export const { description, operations } = defineResource('user', 'get', [
	get,
	getOnlineStatus,
	register,
	unregister,
	update,
	getAppToken,
]);

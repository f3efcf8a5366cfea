import { defineResource } from '../../../../shared/engine/defineOperation';
import { contractOperation } from '../../helpers/common';
import { getAttributeNames } from './getAttributeNames.operation';
import * as pushToAll from './pushToAll.operation';
import { setAttributeNames } from './setAttributeNames.operation';

export const { description, operations } = defineResource('push', 'pushToAll', [
	getAttributeNames,
	contractOperation(
		{ name: 'Push to All Users', value: 'pushToAll', description: 'Push a message to all users, or to users matching tags or attributes (im_push)', action: 'Push a message to all users' },
		pushToAll,
	),
	setAttributeNames,
]);

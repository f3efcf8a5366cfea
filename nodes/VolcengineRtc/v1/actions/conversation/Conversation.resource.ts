import { defineResource } from '../../../../shared/engine/defineOperation';
import { create } from './create.operation';
import { destroy } from './delete.operation';
import { deleteMessage } from './deleteMessage.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { getManyMessages } from './getManyMessages.operation';
import { getMarks } from './getMarks.operation';
import { getMemberCount } from './getMemberCount.operation';
import { getMessages } from './getMessages.operation';
import { getReadIndexes } from './getReadIndexes.operation';
import { getReadReceipts } from './getReadReceipts.operation';
import { getSettings } from './getSettings.operation';
import { mark } from './mark.operation';
import { setReadIndex } from './setReadIndex.operation';
import { update } from './update.operation';
import { updateMessage } from './updateMessage.operation';
import { updateSettings } from './updateSettings.operation';

export const { description, operations } = defineResource('conversation', 'getManyMessages', [
	deleteMessage,
	getManyMessages,
	getMessages,
	updateMessage,
	// conversation administration (issue 14)
	create,
	destroy,
	get,
	getMany,
	getMarks,
	getMemberCount,
	getReadIndexes,
	getReadReceipts,
	getSettings,
	mark,
	setReadIndex,
	update,
	updateSettings,
]);

import { defineResource } from '../../../../shared/engine/defineOperation';
import { add } from './add.operation';
import { deleteMembers } from './delete.operation';
import { getOnlineCount } from './getOnlineCount.operation';
import { ban, unban } from './ban.operation';
import { getBanned } from './getBanned.operation';
import { getMany } from './getMany.operation';
import { getMuted } from './getMuted.operation';
import { getRoles } from './getRoles.operation';
import { importMembers } from './importMembers.operation';
import { mute, unmute } from './mute.operation';
import { update } from './update.operation';

export const { description, operations } = defineResource('groupMember', 'add', [
	add,
	deleteMembers,
	getOnlineCount,
	ban,
	getBanned,
	getMany,
	getMuted,
	getRoles,
	importMembers,
	mute,
	unban,
	unmute,
	update,
]);

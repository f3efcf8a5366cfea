import { defineResource } from '../../../../shared/engine/defineOperation';
import { add } from './add.operation';
import { addAdmins, removeAdmins } from './admins';
import { check } from './check.operation';
import { get } from './get.operation';
import { getLiveStatus } from './getLiveStatus.operation';
import { getMany } from './getMany.operation';
import { remove } from './remove.operation';
import { update } from './update.operation';
import { updateLive } from './updateLive.operation';

export const { description, operations } = defineResource('conversationMember', 'add', [add, addAdmins, check, get, getLiveStatus, getMany, remove, removeAdmins, update, updateLive]);

import { defineResource } from '../../../../shared/engine/defineOperation';
import { getOnlineMembers } from './getOnlineMembers.operation';
import { setMemberMarks } from './setMemberMarks.operation';

export const { description, operations } = defineResource('liveGroup', 'getOnlineMembers', [getOnlineMembers, setMemberMarks]);

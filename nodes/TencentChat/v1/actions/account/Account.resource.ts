import { defineResource } from '../../../../shared/engine/defineOperation';
import { check } from './check.operation';
import { deleteAccount } from './delete.operation';
import { importAccount } from './import.operation';
import { importMany } from './importMany.operation';
import { kick } from './kick.operation';
import { queryOnlineStatus } from './queryOnlineStatus.operation';

export const { description, operations } = defineResource('account', 'import', [check, deleteAccount, importAccount, importMany, queryOnlineStatus, kick]);

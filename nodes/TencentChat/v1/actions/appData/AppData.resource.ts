import { defineResource } from '../../../../shared/engine/defineOperation';
import { getAppInfo } from './getAppInfo.operation';
import { getHistory } from './getHistory.operation';
import { getIpList } from './getIpList.operation';

export const { description, operations } = defineResource('appData', 'getAppInfo', [getAppInfo, getHistory, getIpList]);

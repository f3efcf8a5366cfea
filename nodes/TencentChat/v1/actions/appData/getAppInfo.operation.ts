import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';

/**
 * getappinfo — tencentcloud.com/document/product/1047/34886: the app's operations data of the last
 * 30 days, one Result entry per day; RequestField chooses the fields (none = all). Field names:
 * dobyte/tencent-im operation/types.go (OperationData), doocs AppInfoResultItem.java. Values come
 * as text (counts), kept as they are.
 */
export const APP_INFO_FIELDS = [
	'AppName',
	'AppId',
	'Company',
	'ActiveUserNum',
	'RegistUserNumOneDay',
	'RegistUserNumTotal',
	'LoginTimes',
	'LoginUserNum',
	'UpMsgNum',
	'SendMsgUserNum',
	'APNSMsgNum',
	'C2CUpMsgNum',
	'C2CSendMsgUserNum',
	'C2CAPNSMsgNum',
	'MaxOnlineNum',
	'ChainIncrease',
	'ChainDecrease',
	'GroupUpMsgNum',
	'GroupSendMsgUserNum',
	'GroupAPNSMsgNum',
	'GroupSendMsgGroupNum',
	'GroupJoinGroupTimes',
	'GroupQuitGroupTimes',
	'GroupNewGroupNum',
	'GroupAllGroupNum',
	'GroupDestroyGroupNum',
	'CallBackReq',
	'CallBackRsp',
	'Date',
] as const;

/** APNSMsgNum → apnsMsgNum, AppId → appId. */
export const camelKey = (k: string) => k.replace(/^[A-Z]+(?=[A-Z][a-z])|^[A-Z]+$|^[A-Z]/, (m) => m.toLowerCase());

export const getAppInfo = tencentOperation<{ fields: string[] }>({
	resource: 'appData',
	operation: 'getAppInfo',
	option: { name: 'Get App Usage', description: 'Get the app’s usage data of the last 30 days, one item per day (getappinfo)', action: 'Get app usage data' },
	properties: [
		{
			displayName: 'Fields',
			name: 'requestFields',
			type: 'multiOptions',
			default: [],
			options: APP_INFO_FIELDS.map((f) => ({ name: f, value: f })),
			description: 'Data to get (RequestField). Leave empty for all.',
		},
	],
	read: (r) => ({ fields: r.param('requestFields', z.array(z.enum(APP_INFO_FIELDS)), 'Fields', []) }),
	doc: {
		api: '`openconfigsvr/getappinfo`',
		limits:
			'One call per item; one output item per day (last 30 days). 200 calls/s. Sources: tencentcloud.com 1047/34886, dobyte/tencent-im `operation/types.go`, doocs `GetAppInfoRequest.java`.',
	},
	shape: single({
		api: tencentApi('openconfigsvr/getappinfo', true),
		body: (plan) => (plan.fields.length ? { RequestField: plan.fields } : {}),
		output: (_plan, answer) =>
			((answer.result.Result ?? []) as IDataObject[]).map((day) => Object.fromEntries(Object.entries(day).map(([k, v]) => [camelKey(k), v])) as IDataObject),
	}),
});

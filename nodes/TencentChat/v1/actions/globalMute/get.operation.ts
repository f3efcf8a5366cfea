import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readParam } from '../../../../shared/params';
import { tencentApiRequest } from '../../../transport/request';
import { userId } from '../../helpers/fields';
import { PERMANENT, userIdField } from './common';

/**
 * getnospeaking — tencent-chat.md §5.6: remaining mute seconds (0 = not muted, 4294967295 =
 * permanent). The answer may lack ActionStatus; the transport takes ErrorCode 0 or absent as success.
 */

const properties: INodeProperties[] = [userIdField('The user whose mute settings to get (Get_Account)')];

export const description = updateDisplayOptions({ show: { resource: ['globalMute'], operation: ['get'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<Record<string, unknown>> {
	return { Get_Account: readParam(this, 'account', i, userId, 'User ID') };
}

export async function executeItem(this: IExecuteFunctions, body: Record<string, unknown>, i: number): Promise<IDataObject> {
	const res = await tencentApiRequest.call(this, 'openconfigsvr/getnospeaking', body, { itemIndex: i, idempotent: true });
	const c2c = Number(res.C2CmsgNospeakingTime ?? 0);
	const group = Number(res.GroupmsgNospeakingTime ?? 0);
	return {
		account: body.Get_Account as string,
		c2cMuted: c2c > 0,
		c2cPermanent: c2c === PERMANENT,
		c2cMuteSeconds: c2c,
		groupMuted: group > 0,
		groupPermanent: group === PERMANENT,
		groupMuteSeconds: group,
		requestId: (res.RequestId as string) ?? null,
	};
}

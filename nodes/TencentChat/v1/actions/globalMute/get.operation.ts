import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { accountField } from '../../helpers/perUser';
import { PERMANENT } from './common';

/**
 * getnospeaking — tencent-chat.md §5.6: remaining mute seconds (0 = not muted, 4294967295 =
 * permanent). The answer may lack ActionStatus; the transport takes ErrorCode 0 or absent as success.
 */
export const get = tencentOperation<{ Get_Account: string }>({
	resource: 'globalMute',
	operation: 'get',
	option: { name: 'Get', description: 'Get how long a user is still muted app-wide (getnospeaking)', action: 'Get the global mute of a user' },
	doc: { api: '`openconfigsvr/getnospeaking`', limits: 'One-to-one and/or group mute: duration, permanent or unmute.' },
	properties: [accountField('The user whose mute settings to get (Get_Account)')],
	read: (r) => ({ Get_Account: r.param('account', userId, 'User ID') }),
	shape: single({
		api: tencentApi('openconfigsvr/getnospeaking', true),
		body: (body) => body,
		output: (body, answer) => {
			const c2c = Number(answer.result.C2CmsgNospeakingTime ?? 0);
			const group = Number(answer.result.GroupmsgNospeakingTime ?? 0);
			return {
				account: body.Get_Account,
				c2cMuted: c2c > 0,
				c2cPermanent: c2c === PERMANENT,
				c2cMuteSeconds: c2c,
				groupMuted: group > 0,
				groupPermanent: group === PERMANENT,
				groupMuteSeconds: group,
				requestId: requestIdOf(answer),
			};
		},
	}),
});

import type { IDataObject } from 'n8n-workflow';
import { imApi } from '../../../transport/request';
import { idString } from '../../helpers/im';
import { userOperation } from '../../helpers/users';

/**
 * QueryOnlineStatus — volcengine-rtc.md §4.8: ≤ 100 users per call; items are coalesced. A user is
 * online when QueryOnlineResults lists at least one connection for them.
 */

export const MAX_ONLINE_PER_CALL = 100;
const api = imApi('QueryOnlineStatus', true);

const connectionJson = (c: IDataObject): IDataObject => {
	const out: IDataObject = {
		connId: idString(c.ConnId),
		deviceId: idString(c.DeviceId),
		clientVersion: idString(c.ClientVersion),
		platform: (c.Platform as string) ?? null,
	};
	const known = new Set(['ConnId', 'UserId', 'DeviceId', 'ClientVersion', 'Platform']);
	for (const [k, v] of Object.entries(c)) if (!known.has(k)) out[k] = v as IDataObject[string];
	return out;
};

export const getOnlineStatus = userOperation({
	operation: 'getOnlineStatus',
	option: {
		name: 'Get Online Status',
		description: 'Whether users are connected, with their connections, many items per call (QueryOnlineStatus)',
		action: 'Get the online status of a user',
	},
	doc: { api: '`QueryOnlineStatus`', limits: 'Coalesced, ≤ 100 per call.' },
	what: 'User whose online status to read',
	max: MAX_ONLINE_PER_CALL,
	async run(call, send) {
		const { result, requestId } = await send(api, { AppId: call[0].plan.appId, UserIds: call.map(({ plan }) => plan.userId) });
		const byUser = (result.QueryOnlineResults ?? {}) as Record<string, unknown>;
		return call.map(({ plan }) => {
			const conns = byUser[String(plan.userId)];
			const connections = Array.isArray(conns) ? (conns as IDataObject[]).map(connectionJson) : [];
			return { userId: String(plan.userId), online: connections.length > 0, connections, requestId: requestId ?? null };
		});
	},
});

import { single } from '../../../../shared/engine/callShapes';
import { intInRange, int64Id } from '../../../../shared/schemas';
import { imApi } from '../../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from '../../helpers/common';
import { appIdField } from '../../helpers/fields';
import { userIdField } from '../../helpers/users';

/**
 * GetAppToken — volc-sdk-golang service/im/model.go GetAppTokenBody (UserId, ExpireTime); doc
 * 6348/1208779: "ExpireTime … Token 过期时间，unix 时间戳，单位为毫秒", QPS ≤ 50. The token is what a
 * client SDK logs in with (doc 6348/291043), so it is the output of this operation; treat it like a
 * password when you pass it on.
 */

const MAX_VALID_SECONDS = 10 * 365 * 24 * 3600;

export const getAppToken = volcengineOperation<Body>({
	resource: 'user',
	operation: 'getAppToken',
	option: { name: 'Get App Token', description: 'Create the login token a client SDK uses for a user (GetAppToken)', action: 'Get an app token for a user' },
	properties: [
		appIdField,
		userIdField('User the token is for (a numeric ID; give long IDs as text so they stay exact)', true),
		{
			displayName: 'Valid For (Seconds)',
			name: 'validForSeconds',
			type: 'number',
			default: 86400,
			typeOptions: { minValue: 1, maxValue: MAX_VALID_SECONDS, numberPrecision: 0 },
			description: `How long the token works, 1 to ${MAX_VALID_SECONDS} seconds (10 years); sent as the expiry time in ms (ExpireTime)`,
		},
	],
	async read(r) {
		const seconds = r.param('validForSeconds', intInRange(1, MAX_VALID_SECONDS), 'Valid For (Seconds)', 86400);
		return { AppId: await resolveAppId(r), UserId: r.param('userId', int64Id, 'User ID'), ExpireTime: Date.now() + seconds * 1000 };
	},
	shape: single({
		api: imApi('GetAppToken', true), // a new token per call; repeating one does no harm
		body: (body) => body,
		output: (body, { result, requestId }) => ({
			userId: String(body.UserId),
			token: typeof result.Token === 'string' ? result.Token : null,
			expireTime: body.ExpireTime as number,
			expiresAt: new Date(body.ExpireTime as number).toISOString(),
			requestId: requestId ?? null,
		}),
	}),
	doc: {
		api: 'GetAppToken',
		limits:
			'One user per item; the expiry is sent as a unix time in ms (ExpireTime). 50 requests/s ([6348/1208779](https://www.volcengine.com/docs/6348/1208779)). The output holds the token: pass it only to that user\'s client.',
	},
});

import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { accountField } from '../../helpers/perUser';

/**
 * kick — tencentcloud.com/document/product/1047/34957: one UserID per call; the user is logged out
 * on every device and must log in again with a new UserSig. Field name UserID: the page and doocs
 * KickRequest.java (dobyte/tencent-im account/types.go sends "Identifier", an older form).
 */
export const kick = tencentOperation<{ UserID: string }>({
	resource: 'account',
	operation: 'kick',
	option: { name: 'Log Out', description: 'Invalidate the login state of a user on every device (kick)', action: 'Log a user out everywhere' },
	properties: [accountField('The user to log out (UserID)')],
	read: (r) => ({ UserID: r.param('account', userId, 'User ID') }),
	doc: {
		api: '`im_open_login_svc/kick`',
		limits:
			'One user per call; the user must log in again with a new UserSig. 200 calls/s. Sources: tencentcloud.com 1047/34957, doocs `KickRequest.java`, dobyte/tencent-im `account/api.go`.',
	},
	shape: single({
		// Logging out a logged-out user changes nothing: safe to repeat.
		api: tencentApi('im_open_login_svc/kick', true),
		body: (body) => body,
		output: (body, answer) => ({ account: body.UserID, status: 'loggedOut', requestId: requestIdOf(answer) }),
	}),
});

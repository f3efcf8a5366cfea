import { single } from '../../../../shared/engine/callShapes';
import { tencentApi } from '../../../transport/request';
import { requestIdOf, tencentOperation, type Body } from '../../helpers/common';
import { userId } from '../../helpers/fields';
import { accountField } from '../../helpers/perUser';
import { faceUrlField, nickField, optionalProfileText } from './common';

/** account_import — tencent-chat.md §5.1: one account per call; re-importing the same UserID is harmless. */
export const importAccount = tencentOperation<Body>({
	resource: 'account',
	operation: 'import',
	option: { name: 'Import', description: 'Import one account with nickname and avatar (account_import)', action: 'Import an account' },
	doc: { api: '`im_open_login_svc/account_import`', limits: 'One per item; nickname and avatar ≤ 500 bytes.' },
	properties: [accountField('The user to import (UserID), at most 32 bytes'), nickField, faceUrlField],
	read(r) {
		const body: Body = { UserID: r.param('account', userId, 'User ID') };
		const nick = r.param('nick', optionalProfileText, 'Nickname', '');
		const faceUrl = r.param('faceUrl', optionalProfileText, 'Avatar URL', '');
		if (nick !== undefined) body.Nick = nick;
		if (faceUrl !== undefined) body.FaceUrl = faceUrl;
		return body;
	},
	// Imports of one user ID go out in input order (the last nickname wins).
	orderKey: (body) => `account:${body.UserID as string}`,
	shape: single({
		// Re-importing the same UserID changes nothing (§5.1): safe to repeat.
		api: tencentApi('im_open_login_svc/account_import', true),
		body: (body) => body,
		output: (body, answer) => ({
			account: body.UserID as string,
			status: 'imported',
			nick: (body.Nick as string) ?? null,
			faceUrl: (body.FaceUrl as string) ?? null,
			requestId: requestIdOf(answer),
		}),
	}),
});

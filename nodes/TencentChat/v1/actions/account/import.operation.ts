import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readParam } from '../../../../shared/params';
import { tencentApiRequest } from '../../../transport/request';
import { userId } from '../../helpers/fields';
import { faceUrlField, nickField, optionalProfileText, userIdField } from './common';

/** account_import — tencent-chat.md §5.1: one account per call; re-importing the same UserID is harmless. */

const properties: INodeProperties[] = [userIdField('The user to import (UserID), at most 32 bytes'), nickField, faceUrlField];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['import'] } }, properties);

export async function prepare(this: IExecuteFunctions, i: number): Promise<Record<string, unknown>> {
	const body: Record<string, unknown> = { UserID: readParam(this, 'account', i, userId, 'User ID') };
	const nick = readParam(this, 'nick', i, optionalProfileText, 'Nickname', '');
	const faceUrl = readParam(this, 'faceUrl', i, optionalProfileText, 'Avatar URL', '');
	if (nick !== undefined) body.Nick = nick;
	if (faceUrl !== undefined) body.FaceUrl = faceUrl;
	return body;
}

/** Imports of one user ID go out in input order (the last nickname wins). */
export function orderKey(body: Record<string, unknown>): string {
	return `account:${body.UserID as string}`;
}

export async function executeItem(this: IExecuteFunctions, body: Record<string, unknown>, i: number): Promise<IDataObject> {
	// Re-importing the same UserID changes nothing (§5.1): safe to repeat.
	const res = await tencentApiRequest.call(this, 'im_open_login_svc/account_import', body, { itemIndex: i, idempotent: true });
	return {
		account: body.UserID as string,
		status: 'imported',
		nick: (body.Nick as string) ?? null,
		faceUrl: (body.FaceUrl as string) ?? null,
		requestId: (res.RequestId as string) ?? null,
	};
}

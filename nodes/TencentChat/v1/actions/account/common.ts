import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { textField, utf8Length } from '../../../../shared/schemas';
import type { TencentApi } from '../../../transport/request';
import { accountField, perUserCalls } from '../../helpers/perUser';
import { tencentReason } from '../../../transport/errorReasons';

/** Fields shared by the account operations (tencent-chat.md §5). */

export const accountsField = accountField('One account per input item; many items are combined into calls of up to 100 accounts');

export const nickField = textField('Nickname', 'nick', 'Profile nickname (Nick, stored as Tag_Profile_IM_Nick). Leave empty to keep it unset.', { placeholder: 'Alice' });

export const faceUrlField = textField('Avatar URL', 'faceUrl', 'Profile picture URL (FaceUrl, stored as Tag_Profile_IM_Image). Leave empty to keep it unset.', {
	placeholder: 'https://example.com/avatar/alice.png',
});

/** §5.1: a profile value over 500 bytes is refused by Tencent (40601). Empty = not sent. */
export const MAX_PROFILE_BYTES = 500;

export const optionalProfileText = z.unknown().transform((v, ctx): string | undefined => {
	if (v === undefined || v === null || v === '') return undefined;
	if (typeof v !== 'string') {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be text, got ${Array.isArray(v) ? 'an array' : typeof v}` });
		return z.NEVER;
	}
	const bytes = utf8Length(v);
	if (bytes > MAX_PROFILE_BYTES) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: `is ${bytes} bytes; the limit is ${MAX_PROFILE_BYTES} bytes` });
		return z.NEVER;
	}
	return v;
});

/**
 * The ResultItem entry of `account` (account_check, account_delete answer per UserID): `ok` maps
 * a confirmed entry; a missing entry or a ResultCode ≠ 0 fails the account, never passes as done.
 */
export function resultItemFor(res: IDataObject, account: string, ok: (r: IDataObject) => IDataObject): IDataObject {
	const r = ((res.ResultItem ?? []) as IDataObject[]).find((e) => String(e.UserID) === account);
	if (!r) return { account, status: 'failed', reason: 'the answer has no result for this account', errorInfo: 'The answer has no result for this account' };
	const code = Number(r.ResultCode ?? 0);
	if (code !== 0) return { account, status: 'failed', errorCode: code, reason: tencentReason(code, r.ResultInfo as string), errorInfo: (r.ResultInfo as string) ?? '' };
	return ok(r);
}

/**
 * account_check / account_delete: the users as `<itemKey>: [{ UserID }]`, one ResultItem per
 * account in the answer (`resultItemFor`).
 */
export function accountItemCalls(api: TencentApi, itemKey: 'CheckItem' | 'DeleteItem', ok: (account: string, r: IDataObject) => IDataObject) {
	return perUserCalls(
		api,
		(call) => ({ [itemKey]: call.map((p) => ({ UserID: p.account })) }),
		(p, res) => resultItemFor(res, p.account, (r) => ok(p.account, r)),
	);
}

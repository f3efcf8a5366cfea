/* eslint-disable */
// Sandbox code (not shipped): Tencent Chat profiles — portrait_set, portrait_get
// (tencentcloud.com/document/product/1047/34916, 34917; fields: dobyte/tencent-im profile/types.go).
// Nick and FaceUrl given at account_import are the same fields (Tag_Profile_IM_Nick / _Image).
// Error codes: the profile family 400xx of the vendor's error-code list (1047/34348) — 40001
// bad request, 40003 account not found, 40009 unknown tag, 40601 value over 500 bytes,
// 40605 bad standard-field value. sandbox: which code answers which case is our reading.
import { bytes, stringArray, stringField, TimError, UINT32_MAX } from './fields';
import { route, type TimRoute } from './route';
import type { TencentState, TimCtx } from './state';

const TEXT = ['Tag_Profile_IM_Nick', 'Tag_Profile_IM_Location', 'Tag_Profile_IM_SelfSignature', 'Tag_Profile_IM_Image'];
const UINT = ['Tag_Profile_IM_BirthDay', 'Tag_Profile_IM_Language', 'Tag_Profile_IM_MsgSettings', 'Tag_Profile_IM_Level', 'Tag_Profile_IM_Role'];
const ENUMS: Record<string, string[]> = {
	Tag_Profile_IM_Gender: ['Gender_Type_Unknown', 'Gender_Type_Female', 'Gender_Type_Male'],
	Tag_Profile_IM_AllowType: ['AllowType_Type_NeedConfirm', 'AllowType_Type_AllowAny', 'AllowType_Type_DenyAny'],
	Tag_Profile_IM_AdminForbidType: ['AdminForbid_Type_None', 'AdminForbid_Type_SendOut'],
};
const CUSTOM = /^Tag_Profile_Custom_\w{1,8}$/;

const extra = new WeakMap<TencentState, Map<string, Map<string, unknown>>>();

/** Every profile field of `account`, Nick and Image from the account record. */
export function profileFields(st: TencentState, account: string): Map<string, unknown> {
	let all = extra.get(st);
	if (!all) extra.set(st, (all = new Map()));
	let m = all.get(account);
	if (!m) all.set(account, (m = new Map()));
	const p = st.profiles.get(account);
	if (p?.nick !== undefined) m.set('Tag_Profile_IM_Nick', p.nick);
	if (p?.faceUrl !== undefined) m.set('Tag_Profile_IM_Image', p.faceUrl);
	return m;
}

const knownTag = (t: string) => TEXT.includes(t) || UINT.includes(t) || t in ENUMS || CUSTOM.test(t);

function portrait_set(ctx: TimCtx, body: Record<string, unknown>) {
	const account = stringField(body, 'From_Account', 40001, true);
	if (!ctx.st.accounts.has(account)) throw new TimError(40003, `${account} is not an imported account`);
	const items = body.ProfileItem;
	if (!Array.isArray(items) || items.length === 0) throw new TimError(40001, 'ProfileItem must be a non-empty array');
	for (const e of items) {
		const tag = (e as any)?.Tag;
		const v = (e as any)?.Value;
		if (typeof tag !== 'string' || !knownTag(tag)) throw new TimError(40009, `Unknown profile tag ${String(tag)}`);
		if (typeof v === 'string' && bytes(v) > 500) throw new TimError(40601, `${tag} is longer than 500 bytes`);
		if (UINT.includes(tag) && !(typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= UINT32_MAX))
			throw new TimError(40605, `${tag} must be a uint32`);
		if (TEXT.includes(tag) && typeof v !== 'string') throw new TimError(40605, `${tag} must be a string`);
		if (ENUMS[tag] && !ENUMS[tag].includes(v)) throw new TimError(40605, `${tag} must be one of ${ENUMS[tag].join(', ')}`);
	}
	const m = profileFields(ctx.st, account);
	for (const e of items as Array<{ Tag: string; Value: unknown }>) {
		m.set(e.Tag, e.Value);
		const p = ctx.st.profiles.get(account) ?? {};
		if (e.Tag === 'Tag_Profile_IM_Nick') ctx.st.profiles.set(account, { ...p, nick: e.Value as string });
		if (e.Tag === 'Tag_Profile_IM_Image') ctx.st.profiles.set(account, { ...p, faceUrl: e.Value as string });
	}
	return {};
}

function portrait_get(ctx: TimCtx, body: Record<string, unknown>) {
	const accounts = stringArray(body.To_Account, 'To_Account', 40001);
	const tags = stringArray(body.TagList, 'TagList', 40001);
	if (!accounts.length || !tags.length) throw new TimError(40001, 'To_Account and TagList must not be empty');
	// sandbox: the page recommends ≤ 100 users; more is refused here so a client that does not batch is caught.
	if (accounts.length > 100) throw new TimError(40001, 'At most 100 users per call');
	const unknown = tags.find((t) => !knownTag(t));
	if (unknown) throw new TimError(40009, `Unknown profile tag ${unknown}`);
	return {
		UserProfileItem: accounts.map((a) => {
			if (!ctx.st.accounts.has(a)) return { To_Account: a, ProfileItem: [], ResultCode: 40003, ResultInfo: `${a} is not an imported account` };
			const m = profileFields(ctx.st, a);
			return { To_Account: a, ProfileItem: tags.filter((t) => m.has(t)).map((t) => ({ Tag: t, Value: m.get(t) })), ResultCode: 0, ResultInfo: '' };
		}),
	};
}

export const profileRoutes: TimRoute[] = [
	route('profile/portrait_set', 'openim', 200, portrait_set),
	route('profile/portrait_get', 'openim', 200, portrait_get),
];

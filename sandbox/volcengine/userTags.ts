// Sandbox code (not shipped): Volcengine user tags — BatchUpdateUserTags in its current form
// (Go SDK BatchUpdateUserTagsBody, doc 6348/1125995) and its legacy form (seed doc §4.2).
import type { Body } from '../routes';
import { appField, arrayField, int64Array, int64Field, intField, setTag, splitTag, stringMap, VolcError } from './fields';
import { action, type VolcRoute } from './route';
import { usersOf, type VolcCtx } from './state';

function BatchUpdateUserTags(ctx: VolcCtx, body: Body) {
	const appId = appField(ctx, body);
	const accepted = ctx.cfg.tagApiForm ?? 'current';
	const form = body.UserTags !== undefined && body.UserTags !== null ? 'legacy' : 'current';
	if (accepted !== 'both' && form !== accepted) {
		// What a gateway that knows only the other form answers (a required field is missing).
		throw new VolcError('InvalidParameter', accepted === 'current' ? 'UserIds is required' : 'UserTags is required');
	}
	const op = intField(body, 'Op', false);
	if (op !== 0 && op !== 1) throw new VolcError('InvalidParameter', 'Op must be 0 or 1');
	const users = usersOf(ctx.st, appId);
	const failed: Array<{ UserId: bigint; Code: string; Message: string }> = [];
	const apply = (userId: bigint, change: (tags: Map<string, string | null>) => void) => {
		const user = users.get(userId);
		if (!user) failed.push({ UserId: userId, Code: 'UserNotFound', Message: `user ${userId} is not registered` });
		else change(user.tags);
	};
	if (form === 'current') {
		// Go SDK BatchUpdateUserTagsBody: Op 0 "对于重复 key，覆盖 value，对于新 key，进行添加", 1 "删除重复 key".
		const ids = int64Array(body, 'UserIds');
		if (ids.length === 0) throw new VolcError('InvalidParameter', 'UserIds is empty');
		const raw = arrayField(body, 'Tags');
		if (raw.some((t) => typeof t !== 'string')) throw new VolcError('InvalidParameter.Unmarshal', 'json: cannot unmarshal into Go struct field Tags of type []string');
		const tags = raw as string[];
		if (tags.length === 0) throw new VolcError('InvalidParameter', 'Tags is empty');
		if (tags.some((t) => t === '')) throw new VolcError('InvalidParameter', 'Tags has an empty tag');
		for (const id of ids) {
			apply(id, (have) => {
				for (const t of tags) {
					if (op === 0) setTag(have, t, 'Tags');
					else have.delete(splitTag(t).key);
				}
			});
		}
	} else {
		intField(body, 'InboxType', false);
		const list = body.UserTags;
		if (!Array.isArray(list) || list.length === 0) throw new VolcError('InvalidParameter', 'UserTags must be a non-empty array');
		for (const entry of list) {
			if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new VolcError('InvalidParameter.Unmarshal', 'UserTags entries must be objects');
			const e = entry as Record<string, unknown>;
			const userId = int64Field(e, 'UserId')!;
			const tags = stringMap(e, 'Tags') ?? {};
			apply(userId, (have) => {
				for (const [k, v] of Object.entries(tags)) {
					if (op === 0) have.set(k, v === '' ? null : v);
					else have.delete(k);
				}
			});
		}
	}
	return { FailedInfos: failed };
}

export const userTagRoutes: VolcRoute[] = [action('BatchUpdateUserTags', 50, BatchUpdateUserTags, { size: ['UserTags', 'UserIds'] })];

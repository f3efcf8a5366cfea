import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { coalesce, type CallShape } from '../../../shared/engine/callShapes';
import type { ItemReader } from '../../../shared/engine/reader';
import type { PreparedItem } from '../../../shared/router';
import { intInRange } from '../../../shared/schemas';
import type { TencentApi } from '../../transport/request';
import { userId } from './fields';

/**
 * The relationship APIs (`sns/*`: friends, friend lists, blocklist) and the profile reads take one
 * user (From_Account) and a list of other users (To_Account). Each input item is one pair; consecutive
 * items of the same user are coalesced into calls of up to the batch size (callShapes `coalesce`), an
 * other user never twice in one call, and the per-user answer (ResultItem / InfoItem / …, each with
 * To_Account, ResultCode, ResultInfo; Fail_Account) goes back to its item.
 * Fields: dobyte/tencent-im sns/types.go; doocs/qcloud-im-server-sdk-java model/request/Friend*.java,
 * BlackList*.java; tencentcloud.com/document/product/1047/34902–34914.
 */

/** The user whose relationships are read or changed (From_Account). */
export function ownerField(description: string): INodeProperties {
	return {
		displayName: 'User ID',
		name: 'account',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'user_1001',
		description,
	};
}

/** The other user of the pair (To_Account). */
export function otherField(displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name: 'otherAccount',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'user_2002',
		description,
	};
}

export interface PairPlan<T = unknown> {
	owner: string;
	other: string;
	value: T;
	batchSize: number;
	/** Items that differ in it do not share a call (a flag that applies to the whole call). */
	callKey: string;
}

export function readPair<T>(r: ItemReader, other: string, value: T, max: number, callKey = ''): PairPlan<T> {
	return {
		owner: r.param('account', userId, 'User ID'),
		other: r.param('otherAccount', userId, other),
		value,
		batchSize: r.option('options', 'batchSize', intInRange(1, max), 'Batch Size', max),
		callKey,
	};
}

/** `ResultCode ≠ 0` (or being listed in Fail_Account) fails that user's item with the vendor's code and words. */
export const failedEntry = (code: number | null, reason: string): IDataObject => ({
	status: 'failed',
	code: code === null ? null : String(code),
	reason,
});

/**
 * Items coalesced into calls of `api` per From_Account. `list` names the answer's per-user array;
 * `ok` answers a user the call confirmed (entry undefined when `missingMeansDone` and it is absent).
 */
export function pairCalls<T>(o: {
	api: TencentApi;
	body: (owner: string, call: Array<PairPlan<T>>) => Record<string, unknown>;
	list: string;
	otherKey: string;
	ok: (plan: PairPlan<T>, entry: IDataObject | undefined) => IDataObject;
	/** friend_delete, black_list_* list failures only on some page versions: absent = done. */
	missingMeansDone?: boolean;
	/** A ResultCode that is not a failure (friend_add 30539: waiting for the friend to accept). */
	pending?: { code: number; status: string };
}): CallShape<PairPlan<T>, TencentApi> {
	return coalesce({
		max: (plan) => plan.batchSize,
		sameCallKey: (plan) => `${plan.owner}\u0000${plan.callKey}`,
		entityKey: (plan) => `${plan.owner}\u0000${plan.other}`,
		run: async (call: Array<PreparedItem<PairPlan<T>>>, send) => {
			const plans = call.map((c) => c.plan);
			const { result: res, requestId } = await send(o.api, o.body(plans[0].owner, plans));
			const entries = new Map<string, IDataObject>();
			for (const e of (res[o.list] ?? []) as IDataObject[]) entries.set(String(e.To_Account), e);
			const failed = new Set(((res.Fail_Account ?? []) as unknown[]).map(String));
			return plans.map((plan) => {
				const common = {
					account: plan.owner,
					[o.otherKey]: plan.other,
					usersInCall: plans.length,
					requestId: requestId ?? null,
				};
				const entry = entries.get(plan.other);
				const code = Number(entry?.ResultCode ?? 0);
				if (entry && o.pending && code === o.pending.code)
					return { ...common, status: o.pending.status, code: String(code), reason: String(entry.ResultInfo ?? '') };
				if (entry && code !== 0)
					return {
						...common,
						...failedEntry(code, String(entry.ResultInfo ?? '')),
					};
				if (failed.has(plan.other))
					return {
						...common,
						...failedEntry(null, 'Listed in Fail_Account: Tencent did not process this user'),
					};
				if (!entry && !o.missingMeansDone)
					return {
						...common,
						...failedEntry(null, 'The answer has no result for this user'),
					};
				return { ...common, ...o.ok(plan, entry) };
			});
		},
	});
}

/** A relation check (friend_check, black_list_check): one way, or both ways (CheckType). */
export function checkTypeField(vendorPrefix: string): INodeProperties {
	return {
		displayName: 'Check',
		name: 'checkType',
		type: 'options',
		default: 'both',
		options: [
			{
				name: 'Both Ways',
				value: 'both',
				description: `Whether each user has the other (${vendorPrefix}_Type_Both)`,
			},
			{
				name: 'One Way',
				value: 'single',
				description: `Only the first user's list; the other side is not known (${vendorPrefix}_Type_Single)`,
			},
		],
	};
}

export const readCheckType = (r: ItemReader) => r.param('checkType', z.enum(['both', 'single']), 'Check', 'both');

/**
 * The Relation answer as two readable flags: the first user has the other (AWithB, BothWay) and
 * the other has the first (BWithA, BothWay); null when a one-way check cannot tell
 * (dobyte/tencent-im sns/enum.go CheckResultType*, BlackCheckResultType*).
 */
export function relationFlags(relation: string, single: boolean): { mine: boolean; theirs: boolean | null } {
	const mine = /_(AWithB|BothWay)$/.test(relation);
	if (single) return { mine, theirs: null };
	return { mine, theirs: /_(BWithA|BothWay)$/.test(relation) };
}

/** A paged read whose every entry also names the user it belongs to (`account`). */
export function withAccount<P>(shape: CallShape<P, TencentApi>, account: (plan: P) => string): CallShape<P, TencentApi> {
	if (shape.kind !== 'item') return shape;
	return {
		kind: 'item',
		async run(plan, send, i, ctx) {
			const out = (await shape.run(plan, send, i, ctx)) as IDataObject[];
			return out.map((o) => ({ account: account(plan), ...o }));
		},
	};
}

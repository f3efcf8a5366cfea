import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { coalesce, paginate, type Send } from '../../../shared/engine/callShapes';
import type { ItemReader } from '../../../shared/engine/reader';
import type { ItemResult, PreparedItem } from '../../../shared/router';
import { collection, intInRange, int64Id } from '../../../shared/schemas';
import { imApi, type VolcengineApi } from '../../transport/request';
import { resolveAppId } from './common';
import { appIdField, batchSizeOption, inboxTypeOption } from './fields';
import { failedInfosByUser } from './im';
import { limitFields, nextCursorPage, readLimit } from './pages';
import { userIdField } from './users';

/**
 * A user's relations — friends (AddFriend, DeleteFriend, UpdateFriend, IsFriend, ListFriend) and
 * blocklist (AddBlackList, RemoveBlackList, UpdateBlackList, IsInBlackList, GetBlackList) — per
 * volc-sdk-golang service/im/model.go: `UserId` plus a list of the other users, "一次最多 … 10 个".
 * One other user per input item; consecutive items of the same user (same app, inbox and
 * `sameCall`) share a call of up to 10, an other user never twice in one call, so every
 * FailedInfos entry (keyed by the other user's id) names exactly one item.
 */

export const MAX_PER_CALL = 10;

export interface RelationPlan {
	appId: number;
	userId: bigint;
	otherId: bigint;
	inboxType: number | undefined;
	batchSize: number;
}

export interface OtherUser {
	/** Parameter name, also the output key (friendUserId, blockedUserId). */
	name: string;
	displayName: string;
	description: string;
}

const inboxOption: INodeProperties = { ...inboxTypeOption, description: 'Logical mailbox (InboxType), 0 to 2147483647; 0 unless your app uses several' };

const ownerField = (description: string): INodeProperties => userIdField(`${description} (UserId; a numeric ID, give long IDs as text so they stay exact)`, true);

/** App ID, User ID, the other user, the operation's own fields, then Options (Batch Size, Inbox Type). */
export function relationProperties(owner: string, other: OtherUser, fields: INodeProperties[] = []): INodeProperties[] {
	return [
		appIdField,
		ownerField(owner),
		{
			displayName: other.displayName,
			name: other.name,
			type: 'string',
			default: '',
			required: true,
			placeholder: '10002',
			description: `${other.description} (a numeric ID). One per input item: items of the same user are combined into calls of up to 10.`,
		},
		...fields,
		collection([batchSizeOption(MAX_PER_CALL, 'Input items of the same user'), inboxOption]),
	];
}

export async function readRelation(r: ItemReader, other: OtherUser): Promise<RelationPlan> {
	return {
		appId: await resolveAppId(r),
		userId: r.param('userId', int64Id, 'User ID'),
		otherId: r.param(other.name, int64Id, other.displayName),
		inboxType: readInbox(r),
		batchSize: r.option('options', 'batchSize', intInRange(1, MAX_PER_CALL), 'Batch Size', MAX_PER_CALL),
	};
}

const readInbox = (r: ItemReader) => (r.has('options', 'inboxType') ? r.option('options', 'inboxType', intInRange(0, 2147483647), 'Inbox Type', 0) : undefined);

/** The body every relation call starts with. */
export function relationBody(plan: RelationPlan): Record<string, unknown> {
	const body: Record<string, unknown> = { AppId: plan.appId, UserId: plan.userId };
	if (plan.inboxType !== undefined) body.InboxType = plan.inboxType;
	return body;
}

/** Coalesces relation items: same app, user and inbox (and `sameCall`), one other user once per call. */
export const relationCalls = <P extends RelationPlan>(
	run: (call: Array<PreparedItem<P>>, send: Send<VolcengineApi>, ctx: IExecuteFunctions) => Promise<Array<ItemResult | Error>>,
	sameCall?: (plan: P) => string,
) =>
	coalesce<P, VolcengineApi>({
		max: (p) => p.batchSize,
		sameCallKey: (p) => `${p.appId}|${p.userId}|${p.inboxType ?? ''}|${sameCall?.(p) ?? ''}`,
		entityKey: (p) => `${p.userId}>${p.otherId}`,
		regroup: true,
		run,
	});

/** One write's answers: an other user in FailedInfos fails on its own item (code, message). */
export function perOtherResults<P extends RelationPlan>(call: Array<PreparedItem<P>>, answer: { result: IDataObject; requestId?: string }, other: OtherUser, ok: string): IDataObject[] {
	const failures = failedInfosByUser(answer.result);
	return call.map(({ plan }) => {
		const f = failures.get(String(plan.otherId));
		return {
			userId: String(plan.userId),
			[other.name]: String(plan.otherId),
			status: f ? 'failed' : ok,
			...(f ? { code: f.code, reason: f.message || `Volcengine did not apply it (${f.code})` } : {}),
			requestId: answer.requestId ?? null,
			batchSize: call.length,
		};
	});
}

/** A coalesced write: one call with the other users of `call`, per-item answers from FailedInfos. */
export const relationWrite = <P extends RelationPlan>(
	action: string,
	other: OtherUser,
	ok: string,
	entries: (call: Array<PreparedItem<P>>) => Record<string, unknown>,
	sameCall?: (plan: P) => string,
) =>
	relationCalls<P>(async (call, send) => {
		// Adding, removing or setting the same relation again has the same effect: safe to repeat.
		const answer = await send(imApi(action, true), { ...relationBody(call[0].plan), ...entries(call) });
		return perOtherResults(call, answer, other, ok);
	}, sameCall);

// ---- the paged lists (ListFriend, GetBlackList) -------------------------------------------------

export interface ListPlan {
	appId: number;
	userId: bigint;
	inboxType: number | undefined;
	limit: number | undefined;
}

/** App ID, User ID, Return All / Limit, Options (Inbox Type). */
export function listProperties(owner: string): INodeProperties[] {
	return [appIdField, ownerField(owner), ...limitFields, collection([inboxOption])];
}

export async function readList(r: ItemReader): Promise<ListPlan> {
	return { appId: await resolveAppId(r), userId: r.param('userId', int64Id, 'User ID'), inboxType: readInbox(r), limit: readLimit(r) };
}

/** Pages of at most 20 ("每次最多查询 20") from Cursor 0, following NextCursor while HasMore and NextCursor ≥ 0. */
export function relationList(action: string, listKey: string, noun: string, map: (plan: ListPlan) => (entry: IDataObject) => IDataObject) {
	return {
		kind: 'item' as const,
		async run(plan: ListPlan, send: Send<VolcengineApi>, itemIndex: number, ctx: IExecuteFunctions): Promise<ItemResult> {
			const shape = paginate<ListPlan, bigint, VolcengineApi>({
				api: imApi(action, true),
				vendor: 'Volcengine',
				noun,
				start: () => 0n,
				limit: (p) => p.limit,
				pageSize: () => 20,
				body: (p, cursor, want) => ({ ...relationBody({ ...p, otherId: 0n, batchSize: 0 }), Cursor: cursor, Limit: want }),
				page: (result) => nextCursorPage(result, listKey),
				map: map(plan),
			});
			return await (shape as Extract<typeof shape, { kind: 'item' }>).run(plan, send, itemIndex, ctx);
		},
	};
}

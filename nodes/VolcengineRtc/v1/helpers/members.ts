import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { fanOut, paginate } from '../../../shared/engine/callShapes';
import { countFields, entriesWith, Fate } from '../../../shared/engine/outcomes';
import type { ItemReader } from '../../../shared/engine/reader';
import { outcomeStatus } from '../../../shared/fanout';
import { collection } from '../../../shared/rules';
import { intInRange, int64Id } from '../../../shared/schemas';
import { imApi, type VolcengineApi } from '../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from './common';
import { appIdField, batchSizeOption, conversationShortIdField, dedupeOption, listField } from './fields';
import { idString, int64List, uniqueIds } from './im';

/**
 * What the conversation-member and conversation-access operations share (Go SDK
 * volcengine/volc-sdk-golang service/im/model.go, the Batch*Participant*, *Manager*, *Block*,
 * *Whitelist* and *Live* bodies; doc pages 6348/336991–336997, 788462–788464, 1051343–1051348,
 * 1162951). Three forms:
 * - `memberListWrite`: one item names any number of users, sent in calls of Batch Size, one after
 *   the other (changes to one conversation keep their order); every user ends delivered, failed
 *   (the answer's Failed…UserIds, with a code and a reason), unknown or not sent.
 * - `memberListRead`: the same for reads: one output item per requested user, `found: false`
 *   when the answer did not name it.
 * - `memberPages`: Cursor / Limit / HasMore / NextCursor pages, Return All or Limit.
 */

export const operatorField: INodeProperties = {
	displayName: 'Operator User ID',
	name: 'operator',
	type: 'string',
	default: '',
	required: true,
	placeholder: '10001',
	description: 'User recorded as doing the change (Operator; int64, give large IDs as text). Volcengine does not check its rights.',
};

export const memberIdsField = (description: string): INodeProperties =>
	listField({ displayName: 'Member User IDs', name: 'participantUserIds', placeholder: '10001, 10002, 10003', description });

/** One member per input item (the coalesced operations). */
export const memberIdField = (description: string): INodeProperties => ({
	displayName: 'Member User ID',
	name: 'participantUserId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '10001',
	description: `${description} (ParticipantUserId; int64, give large IDs as text so they stay exact)`,
});

export interface ConversationRef {
	appId: number;
	conversationShortId: bigint;
}

export async function readConversation(r: ItemReader): Promise<ConversationRef> {
	return { appId: await resolveAppId(r), conversationShortId: r.param('conversationShortId', int64Id, 'Conversation ID') };
}

/** Changes to one conversation's members go out in input order (every write of these resources). */
export const conversationLane = (plan: ConversationRef): string => `${plan.appId}|conversation:${plan.conversationShortId}`;

/** The status word: `done` when every user went through, else partial / failed / unknown. */
export const doneStatus = (counts: Parameters<typeof outcomeStatus>[0], done: string): string => {
	const status = outcomeStatus(counts);
	return status === 'sent' ? done : status;
};

/** A vendor entry with camelCase keys, its int64 ids (`ids`) as exact strings, unknown fields kept. */
export function camelJson(entry: IDataObject, ids: readonly string[] = ID_KEYS): IDataObject {
	const out: IDataObject = {};
	for (const [k, v] of Object.entries(entry)) {
		const name = k.charAt(0).toLowerCase() + k.slice(1);
		out[name] = ids.includes(k) ? idString(v) : (v as IDataObject[string]);
	}
	return out;
}
const ID_KEYS = ['ConversationShortId', 'ParticipantUserId', 'Operator', 'UserId'];

// ---- many users in one item -----------------------------------------------------------------

export interface MemberListPlan extends ConversationRef {
	users: bigint[];
	duplicatesRemoved: number;
	batchSize: number;
	/** The rest of the body (Operator, BlockAction …), read by the operation. */
	extra: Body;
	/** Words of the output that depend on the item (e.g. the restriction). */
	echo: IDataObject;
}

interface ListSpec {
	resource: string;
	operation: string;
	option: { name: string; description: string; action: string };
	doc: { api: string; limits: string };
	/** Action name; every one of these is safe to repeat (adding or removing twice ends the same). */
	api: string;
	/** The fields between Conversation ID and Options. */
	fields: INodeProperties[];
	users: string;
	/** Batch Size ceiling and default. */
	max: number;
	dflt: number;
	read?: (r: ItemReader) => { extra: Body; echo?: IDataObject };
	/** The request body of one call. */
	body: (plan: MemberListPlan, chunk: bigint[]) => Body;
	/** Result field that lists the users the call did not change. */
	failedKey: string;
	/** Past tense of the change: "removed", "muted" … */
	done: string;
	/** Why a user in `failedKey` failed, in plain words. */
	reason: string;
}

const flag = z.boolean({ invalid_type_error: 'must be true or false' });

/** A write of one item's list of users, in calls of Batch Size (see the file comment). */
export function memberListWrite(spec: ListSpec) {
	const api = imApi(spec.api, true);
	return volcengineOperation<MemberListPlan>({
		resource: spec.resource,
		operation: spec.operation,
		option: spec.option,
		doc: spec.doc,
		properties: [appIdField, conversationShortIdField, ...spec.fields, memberIdsField(spec.users), collection([batchSizeOption(spec.max, 'Users', spec.dflt), dedupeOption('Users', 'user')])],
		async read(r) {
			const ref = await readConversation(r);
			const { extra, echo } = spec.read?.(r) ?? { extra: {} };
			const all: bigint[] = r.param('participantUserIds', int64List('user'), 'Member User IDs');
			const batchSize = r.option('options', 'batchSize', intInRange(1, spec.max), 'Batch Size', spec.dflt);
			// A user listed twice would make its outcome ambiguous; Remove Duplicate Users is on by default.
			const users = r.option('options', 'dedupe', flag, 'Remove Duplicate Users', true) ? uniqueIds(all) : all;
			return { ...ref, users, duplicatesRemoved: all.length - users.length, batchSize, extra, echo: echo ?? {} };
		},
		orderKey: conversationLane,
		shape: fanOut({
			ordered: true,
			noun: 'users',
			done: spec.done,
			list: (plan) => plan.users,
			max: (plan) => plan.batchSize,
			async send(plan, chunk, _n, send) {
				const { result, requestId } = await send(api, spec.body(plan, chunk));
				const failed = ((Array.isArray(result[spec.failedKey]) ? result[spec.failedKey] : []) as unknown[]).map((id): [string, string] => [String(id), spec.failedKey]);
				return { failed, requestId };
			},
			output(plan, r) {
				const summary: IDataObject = {
					status: doneStatus(r.counts, spec.done),
					appId: plan.appId,
					conversationShortId: String(plan.conversationShortId),
					...plan.echo,
					userCount: r.count,
					...countFields(r),
					duplicatesRemoved: plan.duplicatesRemoved,
					[spec.done]: entriesWith(r, Fate.Delivered),
					failed: entriesWith(r, Fate.Failed).map((userId) => ({ userId, code: r.failedCodes.get(userId) ?? spec.failedKey, reason: spec.reason })),
					calls: r.calls,
					requestIds: r.requestIds,
				};
				if (r.chunkErrors.size) {
					// A call whose answer was lost may have been processed: its users are unknown, not "not sent".
					Object.assign(summary, { unknown: entriesWith(r, Fate.Unknown), notSent: entriesWith(r, Fate.NotSent), error: [...r.chunkErrors.values()][0] });
				}
				return summary;
			},
		}),
	});
}

// ---- reads by user id -----------------------------------------------------------------------

interface ReadSpec extends Omit<ListSpec, 'api' | 'body' | 'failedKey' | 'done' | 'reason' | 'read' | 'fields'> {
	api: string;
	/** Result field with the entries, each naming its user in `userKey`. */
	listKey: string;
	userKey: string;
	map: (entry: IDataObject) => IDataObject;
}

/** A read of one item's list of users: one output item per user, in the order asked. */
export function memberListRead(spec: ReadSpec) {
	const api = imApi(spec.api, true);
	return volcengineOperation<MemberListPlan>({
		resource: spec.resource,
		operation: spec.operation,
		option: spec.option,
		doc: spec.doc,
		properties: [appIdField, conversationShortIdField, memberIdsField(spec.users), collection([batchSizeOption(spec.max, 'Users', spec.dflt)])],
		async read(r) {
			const ref = await readConversation(r);
			const users = uniqueIds(r.param<bigint[]>('participantUserIds', int64List('user'), 'Member User IDs'));
			return { ...ref, users, duplicatesRemoved: 0, batchSize: r.option('options', 'batchSize', intInRange(1, spec.max), 'Batch Size', spec.dflt), extra: {}, echo: {} };
		},
		shape: fanOut({
			ordered: true,
			list: (plan) => plan.users,
			max: (plan) => plan.batchSize,
			async send(plan, chunk, _n, send) {
				const { result } = await send(api, { AppId: plan.appId, ConversationShortId: plan.conversationShortId, ParticipantUserIds: chunk });
				return { failed: [], value: (Array.isArray(result[spec.listKey]) ? result[spec.listKey] : []) as IDataObject[] };
			},
			output(plan, r) {
				// A read that did not go through fails the item: nothing partial is returned.
				if (r.firstError) throw r.firstError;
				const found = new Map<string, IDataObject>();
				for (const entry of (r.values as IDataObject[][]).flat()) found.set(String(entry[spec.userKey]), entry);
				return plan.users.map((id) => {
					const entry = found.get(String(id));
					return entry ? { found: true, ...spec.map(entry) } : { found: false, participantUserId: String(id), conversationShortId: String(plan.conversationShortId) };
				});
			},
		}),
	});
}

// ---- pages ----------------------------------------------------------------------------------

export interface PagePlan extends ConversationRef {
	limit: number | undefined;
	pageSize: number;
	extra: Body;
}

export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

export const pageSizeOption = (max: number, more = ''): INodeProperties => ({
	displayName: 'Page Size',
	name: 'pageSize',
	type: 'number',
	default: 20,
	typeOptions: { minValue: 1, maxValue: max, numberPrecision: 0 },
	description: `Entries asked for per call (Limit), 1 to ${max}${more}`,
});

/** Return All / Limit / Page Size of one item, and the page-size ceiling (`max`, which may depend on an option). */
export async function readPages(r: ItemReader, max: number, extra: Body = {}): Promise<PagePlan> {
	const ref = await readConversation(r);
	const returnAll = r.param('returnAll', flag, 'Return All', false);
	const limit = returnAll ? undefined : r.param('limit', intInRange(1, Number.MAX_SAFE_INTEGER), 'Limit', 50);
	const pageSize = r.option('options', 'pageSize', intInRange(1, max), 'Page Size', Math.min(20, max));
	return { ...ref, limit, pageSize, extra };
}

/**
 * Pages of `Participants` from Cursor 0, following NextCursor while HasMore (a negative
 * NextCursor also means "no more": ScanConversationParticipantListResResult,
 * BatchGetWhitelistParticipantResResult).
 */
export function memberPages(api: VolcengineApi, map: (entry: IDataObject) => IDataObject) {
	return paginate<PagePlan, bigint, VolcengineApi>({
		api,
		vendor: 'Volcengine',
		noun: 'members',
		start: () => 0n,
		limit: (plan) => plan.limit,
		pageSize: (plan) => plan.pageSize,
		body: (plan, cursor, want) => ({ AppId: plan.appId, ConversationShortId: plan.conversationShortId, Cursor: cursor, Limit: want, ...plan.extra }),
		page(result) {
			const nextText = String(result.NextCursor ?? '');
			const next = /^-?\d+$/.test(nextText) ? BigInt(nextText) : undefined;
			return {
				entries: (Array.isArray(result.Participants) ? result.Participants : []) as IDataObject[],
				hasMore: result.HasMore === true && (next === undefined || next >= 0n),
				next,
				nextText,
			};
		},
		map,
	});
}

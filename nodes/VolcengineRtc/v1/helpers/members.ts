import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { fanOut, paginate } from '../../../shared/engine/callShapes';
import { countFields, entriesWith, Fate } from '../../../shared/engine/outcomes';
import type { ItemReader } from '../../../shared/engine/reader';
import { outcomeStatus } from '../../../shared/fanout';
import { collection, intInRange, int64Id } from '../../../shared/schemas';
import { imApi, type VolcengineApi } from '../../transport/request';
import { resolveAppId, volcengineOperation, type Body } from './common';
import { conversationLocator, readConversationId } from './conversations';
import { appIdField, batchSizeOption, dedupeOption, listField } from './fields';
import { limitFields, nextCursorPage, readLimit } from './pages';
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
	description: 'User recorded as doing the change (Operator; a numeric ID, give long IDs as text). Volcengine does not check its rights.',
};

export const memberIdsField = (description: string): INodeProperties =>
	listField({ displayName: 'Member User IDs', name: 'participantUserIds', placeholder: '10001, 10002, 10003', description });


/** The conversation picker (From List / By ID; a plain ID of an expression works too). */
export const conversationField = conversationLocator('The conversation');

export interface ConversationRef {
	appId: number;
	conversationShortId: bigint;
}

export async function readConversation(r: ItemReader): Promise<ConversationRef> {
	return { appId: await resolveAppId(r), conversationShortId: readConversationId(r) };
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

/** Where an operation shows and its README row (every operation of these resources). */
export interface OpSpec {
	resource: string;
	operation: string;
	option: { name: string; description: string; action: string };
	doc: { api: string; limits: string };
}

/** The OpSpec part of a factory's spec (a spec carries more than `volcengineOperation` takes). */
export const placement = ({ resource, operation, option, doc }: OpSpec): OpSpec => ({ resource, operation, option, doc });

interface ListSpec extends OpSpec {
	/** Action name; every one of these is safe to repeat (adding or removing twice ends the same). */
	api: string;
	/** The fields between Conversation ID and Member User IDs. */
	fields?: INodeProperties[];
	/** Whether the action takes an Operator (the Operator User ID field, sent as Operator). */
	operator?: boolean;
	users: string;
	/** Batch Size ceiling and default. */
	max: number;
	dflt: number;
	read?: (r: ItemReader) => { extra: Body; echo?: IDataObject };
	/** The body field of the users (default body: AppId, ConversationShortId, the extra fields, then this list). */
	listKey?: string;
	/** A body of another shape. */
	body?: (plan: MemberListPlan, chunk: bigint[]) => Body;
	/** Result field that lists the users the call did not change. */
	failedKey: string;
	/** Past tense of the change: "removed", "restricted" … */
	done: string;
	/** Why a user in `failedKey` failed, in plain words. */
	reason: string;
}

const flag = z.boolean({ invalid_type_error: 'must be true or false' });

/** App ID, Conversation ID, `fields`, Member User IDs, then Options with Batch Size and `options`. */
function listProperties(spec: { users: string; max: number; dflt: number }, fields: INodeProperties[] = [], options: INodeProperties[] = []): INodeProperties[] {
	return [appIdField, conversationField, ...fields, memberIdsField(spec.users), collection([batchSizeOption(spec.max, 'Users', spec.dflt), ...options])];
}

async function readList(r: ItemReader, spec: { max: number; dflt: number }): Promise<MemberListPlan> {
	const ref = await readConversation(r);
	const users: bigint[] = r.param('participantUserIds', int64List('user'), 'Member User IDs');
	return { ...ref, users, duplicatesRemoved: 0, batchSize: r.option('options', 'batchSize', intInRange(1, spec.max), 'Batch Size', spec.dflt), extra: {}, echo: {} };
}

/** A write of one item's list of users, in calls of Batch Size (see the file comment). */
export function memberListWrite(spec: ListSpec) {
	const api = imApi(spec.api, true);
	return volcengineOperation<MemberListPlan>({
		...placement(spec),
		properties: listProperties(spec, [...(spec.operator ? [operatorField] : []), ...(spec.fields ?? [])], [{ ...dedupeOption('Users', 'user'), description: 'Whether a user listed twice is sent once (its outcome would be ambiguous otherwise)' }]),
		async read(r) {
			const { extra, echo } = spec.read?.(r) ?? { extra: {} };
			if (spec.operator) extra.Operator = r.param('operator', int64Id, 'Operator User ID');
			const plan = await readList(r, spec);
			// A user listed twice would make its outcome ambiguous; Remove Duplicate Users is on by default.
			const users = r.option('options', 'dedupe', flag, 'Remove Duplicate Users', true) ? uniqueIds(plan.users) : plan.users;
			return { ...plan, users, duplicatesRemoved: plan.users.length - users.length, extra, echo: echo ?? {} };
		},
		orderKey: conversationLane,
		shape: fanOut({
			ordered: true,
			noun: 'users',
			done: spec.done,
			list: (plan) => plan.users,
			max: (plan) => plan.batchSize,
			async send(plan, chunk, _n, send) {
				const body = spec.body ? spec.body(plan, chunk) : { AppId: plan.appId, ConversationShortId: plan.conversationShortId, ...plan.extra, [spec.listKey ?? 'ParticipantUserIds']: chunk };
				const { result, requestId } = await send(api, body);
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

type PairCommon = Omit<ListSpec, 'operation' | 'option' | 'doc' | 'api' | 'users' | 'listKey' | 'done' | 'reason'> & { limits: (api: string) => string };
/** What differs between the two sides of an add/remove pair: [operation, name, what it does, action, api, users, done, why a failed user failed, listKey]. */
type PairSide = [operation: string, name: string, does: string, action: string, api: string, users: string, done: string, reason: string, listKey?: string];

/** An add/remove pair of list writes (admins, the allow list): one spec for what they share, a row each for what differs. */
export function memberListPair(common: PairCommon, sides: [PairSide, PairSide]) {
	const { limits, ...shared } = common;
	return sides.map(([operation, name, does, action, api, users, done, reason, listKey]) =>
		memberListWrite({
			...shared,
			operation,
			option: { name, description: `${does} (${api})`, action },
			doc: { api, limits: limits(api) },
			api,
			users: `${users}, separated by commas or new lines, or an array from an expression`,
			listKey,
			done,
			reason: `Volcengine listed this user in ${common.failedKey}: ${reason}`,
		}),
	) as [ReturnType<typeof memberListWrite>, ReturnType<typeof memberListWrite>];
}

// ---- reads by user id -----------------------------------------------------------------------

interface ReadSpec extends OpSpec {
	api: string;
	users: string;
	max: number;
	dflt: number;
	/** Result field with the entries, each naming its user in `userKey`. */
	listKey: string;
	userKey: string;
	map: (entry: IDataObject) => IDataObject;
}

/** A read of one item's list of users: one output item per user, in the order asked. */
export function memberListRead(spec: ReadSpec) {
	const api = imApi(spec.api, true);
	return volcengineOperation<MemberListPlan>({
		...placement(spec),
		properties: listProperties(spec),
		async read(r) {
			const plan = await readList(r, spec);
			return { ...plan, users: uniqueIds(plan.users) };
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
	const limit = readLimit(r);
	const pageSize = r.option('options', 'pageSize', intInRange(1, max), 'Page Size', Math.min(20, max));
	return { ...ref, limit, pageSize, extra };
}

/**
 * Pages of `Participants` from Cursor 0, following NextCursor while HasMore (a negative
 * NextCursor also means "no more": ScanConversationParticipantListResResult,
 * BatchGetWhitelistParticipantResResult).
 */
function memberPages(api: VolcengineApi) {
	return paginate<PagePlan, bigint, VolcengineApi>({
		api,
		vendor: 'Volcengine',
		noun: 'members',
		start: () => 0n,
		limit: (plan) => plan.limit,
		pageSize: (plan) => plan.pageSize,
		body: (plan, cursor, want) => ({ AppId: plan.appId, ConversationShortId: plan.conversationShortId, Cursor: cursor, Limit: want, ...plan.extra }),
		page: (result) => nextCursorPage(result, 'Participants'),
		map: (entry) => camelJson(entry),
	});
}

/** A paged read: App ID, Conversation ID, `fields`, Return All / Limit, Options (`options`); entries with camelCase keys. */
export function memberPagesOperation(spec: OpSpec & { api: string; fields?: INodeProperties[]; options: INodeProperties[]; read: (r: ItemReader) => Promise<PagePlan> }) {
	return volcengineOperation<PagePlan>({
		...placement(spec),
		properties: [appIdField, conversationField, ...(spec.fields ?? []), ...limitFields, collection(spec.options)],
		read: spec.read,
		shape: memberPages(imApi(spec.api, true)),
	});
}

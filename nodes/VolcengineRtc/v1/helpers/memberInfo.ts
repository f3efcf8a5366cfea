import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { coalesce } from '../../../shared/engine/callShapes';
import type { ItemReader } from '../../../shared/engine/reader';
import { collection, keyValueField, intInRange, keyValueMap, listInput, text } from '../../../shared/schemas';
import { imApi, type VolcengineApi } from '../../transport/request';
import { volcengineOperation, type Body } from './common';
import { appIdField, batchSizeOption } from './fields';
import { optionalCursor } from './im';
import { memberField, readMember } from './conversations';
import { conversationField, placement, readConversation, type ConversationRef, type OpSpec } from './members';

/**
 * The member profile of BatchAddConversationParticipant / BatchModifyConversationParticipant
 * (ParticipantInfos items: ParticipantUserId, NickName, Level, Role, Ext, ReadIndex / BlockTime) and
 * BatchUpdateLiveParticipants (UserId, NickName, AvatarUrl, Ext, Marks) — Go SDK
 * volcengine/volc-sdk-golang service/im/model.go `BatchAddConversationParticipantBodyParticipantInfosItem`,
 * `BatchModifyConversationParticipantBodyParticipantInfosItem`, `BatchUpdateLiveParticipantsBodyParticipantInfosItem`.
 * One member per input item: consecutive items of one conversation (and the same Operator, Barrier
 * or Marks action) share a call, a member never twice in one call.
 */

export type InfoKey = 'nickName' | 'level' | 'role' | 'ext' | 'readIndex' | 'blockTime' | 'avatarUrl' | 'marks';

const ROLES = { member: 0, owner: 1, admin: 2 } as const;
const ROLE_NAMES = { admin: ['Admin', 'Group admin'], member: ['Member', 'Ordinary member'], owner: ['Owner', 'Group owner'] } as const;

const INFO_FIELDS: Record<InfoKey, INodeProperties> = {
	avatarUrl: { displayName: 'Avatar URL', name: 'avatarUrl', type: 'string', default: '', placeholder: 'https://example.com/avatar/10001.png', description: 'Picture of the member in this group (AvatarUrl)' },
	blockTime: {
		displayName: 'Muted Until',
		name: 'blockTime',
		type: 'string',
		default: '',
		placeholder: '1767225600',
		description: 'Unix time in seconds until which the member cannot post (BlockTime); 0 lifts the mute',
	},
	ext: keyValueField({ displayName: 'Extra Fields (Ext)', name: 'ext', placeholder: 'Add Ext Field', description: 'Key/value pairs stored with the member (Ext)', keyPlaceholder: 'team', valuePlaceholder: 'support' }),
	level: { displayName: 'Level', name: 'level', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 2147483647, numberPrecision: 0 }, description: 'Member level your app uses (Level), 0 to 2147483647' },
	marks: {
		displayName: 'Marks',
		name: 'marks',
		type: 'string',
		default: '',
		placeholder: 'vip, speaker',
		description: 'Labels of the member in the live group (Marks), separated by commas, or an array from an expression; Get Many can list the online members with one mark',
	},
	nickName: { displayName: 'Nickname', name: 'nickName', type: 'string', default: '', placeholder: 'Alice', description: 'Name of the member in this group (NickName)' },
	readIndex: {
		displayName: 'Read Index',
		name: 'readIndex',
		type: 'string',
		default: '',
		placeholder: '0',
		description: 'Message index up to which the member has read (ReadIndex; a whole number, give large values as text)',
	},
	role: {
		displayName: 'Role',
		name: 'role',
		type: 'options',
		default: 'member',
		description: 'Role in the group (Role). An owner must be the conversation\'s owner.',
		options: (['admin', 'member', 'owner'] as const).map((role) => ({ name: ROLE_NAMES[role][0], value: role, description: `${ROLE_NAMES[role][1]} (Role ${ROLES[role]})` })),
	},
};

const marksSchema = listInput.pipe(z.array(z.union([z.string(), z.number()]).transform((m) => String(m).trim())).min(1, 'needs at least one mark'));

const READERS: Record<InfoKey, [vendorKey: string, schema: z.ZodType<unknown, z.ZodTypeDef, unknown>, label: string]> = {
	avatarUrl: ['AvatarUrl', text(), 'Avatar URL'],
	blockTime: ['BlockTime', optionalCursor, 'Muted Until'],
	ext: ['Ext', keyValueMap(), 'Extra Fields (Ext)'],
	level: ['Level', intInRange(0, 2147483647), 'Level'],
	marks: ['Marks', marksSchema, 'Marks'],
	nickName: ['NickName', text(), 'Nickname'],
	readIndex: ['ReadIndex', optionalCursor, 'Read Index'],
	role: ['Role', z.enum(['member', 'owner', 'admin']).transform((role) => ROLES[role]), 'Role'],
};

/** The collection of member fields (`keys`, shown sorted by name). */
export const infoCollection = (keys: InfoKey[], displayName: string, name: string): INodeProperties =>
	collection(keys.map((k) => INFO_FIELDS[k]).sort((a, b) => a.displayName.localeCompare(b.displayName)), displayName, name);

/** The member fields the user added to collection `coll`, under their vendor names; an empty value is not sent. */
export function readInfo(r: ItemReader, coll: string, keys: InfoKey[]): Body {
	const out: Body = {};
	for (const k of keys) {
		if (!r.has(coll, k)) continue;
		const [vendorKey, schema, label] = READERS[k];
		const v = r.option(coll, k, schema, label, '');
		if (v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)) continue;
		out[vendorKey] = v;
	}
	return out;
}

export interface MemberItemPlan extends ConversationRef {
	userId: bigint;
	/** The ParticipantInfos entry without the user id. */
	info: Body;
	/** Body fields of the whole call (Operator, Barrier, MarkAction): items share a call only when these agree. */
	head: Body;
	batchSize: number;
}

interface ItemSpec extends OpSpec {
	api: string;
	/** Fields after Member User ID; `options` go into Options next to Batch Size. */
	fields: INodeProperties[];
	options?: INodeProperties[];
	member: string;
	max: number;
	dflt: number;
	/** Key of the user id in a ParticipantInfos entry. */
	userKey: 'ParticipantUserId' | 'UserId';
	read: (r: ItemReader) => { info: Body; head: Body };
	/** Users the answer says failed, with the vendor's code and a readable reason. */
	failures: (result: IDataObject) => Map<string, { code: string; reason: string }>;
	done: string;
}

/** A write of one member per item, items coalesced into calls (see the file comment). */
export function memberItemWrite(spec: ItemSpec) {
	const api: VolcengineApi = imApi(spec.api, true); // the same profile twice ends the same: safe to repeat
	return volcengineOperation<MemberItemPlan>({
		...placement(spec),
		properties: [appIdField, conversationField, memberField(spec.member), ...spec.fields, collection([batchSizeOption(spec.max, 'Members (input items)', spec.dflt), ...(spec.options ?? [])])],
		async read(r) {
			const ref = await readConversation(r);
			const userId = readMember(r);
			const { info, head } = spec.read(r);
			return { ...ref, userId, info, head, batchSize: r.option('options', 'batchSize', intInRange(1, spec.max), 'Batch Size', spec.dflt) };
		},
		shape: coalesce<MemberItemPlan, VolcengineApi>({
			max: (plan) => plan.batchSize,
			sameCallKey: (p) => `${p.appId}|${p.conversationShortId}|${JSON.stringify(p.head, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`,
			entityKey: (p) => `${p.appId}|${p.conversationShortId}|${p.userId}`,
			async run(call, send) {
				const head = call[0].plan;
				const body = { AppId: head.appId, ConversationShortId: head.conversationShortId, ...head.head, ParticipantInfos: call.map(({ plan }) => ({ [spec.userKey]: plan.userId, ...plan.info })) };
				const { result, requestId } = await send(api, body);
				const failures = spec.failures(result);
				return call.map(({ plan }) => {
					const f = failures.get(String(plan.userId));
					return {
						status: f ? 'failed' : spec.done,
						appId: plan.appId,
						conversationShortId: String(plan.conversationShortId),
						participantUserId: String(plan.userId),
						...(f ? { code: f.code, reason: f.reason } : {}),
						requestId: requestId ?? null,
						batchSize: call.length,
					};
				});
			},
		}),
	});
}

/** FailedUserIds (BatchAdd/BatchModifyConversationParticipantResResult): ids only, so the reason is ours. */
export const failedUserIds = (reason: string) => (result: IDataObject) =>
	new Map(((Array.isArray(result.FailedUserIds) ? result.FailedUserIds : []) as unknown[]).map((id) => [String(id), { code: 'FailedUserIds', reason }]));

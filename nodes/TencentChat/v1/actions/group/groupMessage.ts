import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { ItemReader } from '../../../../shared/engine/reader';
import { collection, emptyAs, text } from '../../../../shared/schemas';
import { groupIdField, groupIdSchema } from '../../helpers/fields';
import { msgSeqField, msgSeqSchema } from '../../helpers/reads';

/**
 * The stored group message the history, receipt and extension operations work on: GroupId and
 * MsgSeq (from Send Message or Get Messages output), plus the Topic ID of a Community topic where
 * the API takes one (doocs/qcloud-im-server-sdk-java ModifyGroupMsgRequest.java,
 * GroupMsgGetSimpleRequest.java, DeleteGroupMsgBySenderRequest.java, ImportGroupMsgRequest.java:
 * TopicId). MsgSeq is read exact (bigint) and shown as text.
 */

export const topicOption: INodeProperties = {
	displayName: 'Topic ID',
	name: 'topicId',
	type: 'string',
	default: '',
	placeholder: '@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic',
	description: 'The topic of a community group (TopicId); empty: the group itself',
};

export const topicOptions = (extra: INodeProperties[] = []) => collection([topicOption, ...extra]);

export const readTopic = (r: ItemReader): string | undefined => r.option('options', 'topicId', emptyAs(text({ maxBytes: 128 })), 'Topic ID', '');

export const groupMessageFields = (what: string): INodeProperties[] => [groupIdField, msgSeqField(`MsgSeq of the message ${what} (Send Message or Get Messages output)`)];

/** GroupId + MsgSeq for the request, and the same as the output shows them. */
export function readGroupMessage(r: ItemReader): { target: Record<string, unknown>; echo: IDataObject } {
	const GroupId = r.param('groupId', groupIdSchema, 'Group ID');
	const MsgSeq = r.param('msgSeq', msgSeqSchema, 'Message Sequence Number');
	return { target: { GroupId, MsgSeq }, echo: { groupId: GroupId, msgSeq: MsgSeq.toString() } };
}

/** The request with the topic, when one is given. */
export const withTopic = <B extends Record<string, unknown>>(body: B, topic: string | undefined): B => (topic ? { ...body, TopicId: topic } : body);

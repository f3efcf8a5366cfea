import type { IDataObject } from 'n8n-workflow';
import { commonEventFields, eventNameOf, idOf } from '../../shared/triggerScaffold';
import { TENCENT_EVENTS } from './events';

/**
 * The first text of a message body: the Text of its first TIMTextElem (tencent-chat.md §3.1,
 * MsgBody = [{ MsgType, MsgContent }]), or undefined when the body has no text element.
 */
export function firstText(msgBody: unknown): string | undefined {
	if (!Array.isArray(msgBody)) return undefined;
	for (const el of msgBody as IDataObject[]) {
		const content = el?.MsgContent as IDataObject | undefined;
		if (el?.MsgType === 'TIMTextElem' && typeof content?.Text === 'string') return content.Text;
	}
	return undefined;
}

/**
 * The common fields of a Tencent callback (see commonEventFields): `from` is the account that acted
 * (From_Account, else Operator_Account, else Requestor_Account), `to` the one-to-one receiver
 * (To_Account), `groupId` the GroupId, `messageId` the one-to-one MsgKey.
 */
export function tencentEventFields(command: string, body: IDataObject, eventMs: number): IDataObject {
	return commonEventFields({
		event: eventNameOf(TENCENT_EVENTS, command),
		vendorEvent: command,
		text: firstText(body.MsgBody),
		from: idOf(body.From_Account) ?? idOf(body.Operator_Account) ?? idOf(body.Requestor_Account),
		to: idOf(body.To_Account),
		groupId: idOf(body.GroupId),
		messageId: idOf(body.MsgKey),
		time: new Date(eventMs).toISOString(),
	});
}

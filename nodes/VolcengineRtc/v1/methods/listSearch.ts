import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { postJson } from '../../../shared/http';
import { stringifyJson } from '../../../shared/json';
import { toInt64Id } from '../../../shared/schemas';
import { imApi, VOLCENGINE_CREDENTIAL, volcengineAdapter } from '../../transport/request';
import { LOCATOR_USER_PARAMETERS } from '../helpers/conversations';

/**
 * The Conversation picker's list (helpers/conversations.ts `conversationLocator`): one page of
 * GetUserConversations (volc-sdk-golang service/im/model.go GetUserConversationsBody, ≤ 20 a page;
 * doc 6348/337049) for the user the operation names (Member / Owner / User ID field), or for the
 * user ID typed in the search box. Other text in the box filters the page by name. The pagination
 * token is the vendor's NextCursor.
 */

const PAGE = 20;
const api = imApi('GetUserConversations', true);

/** A parameter of the node as the editor holds it, when it is a plain value (not an expression). */
function plainParameter(ctx: ILoadOptionsFunctions, name: string): string | undefined {
	let v: unknown;
	try {
		v = ctx.getCurrentNodeParameter(name);
	} catch {
		return undefined;
	}
	if (typeof v === 'number') v = String(v);
	return typeof v === 'string' && v.trim() !== '' && !v.startsWith('=') ? v.trim() : undefined;
}

export async function searchConversations(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const node = this.getNode();
	const typed = (filter ?? '').trim();
	const typedUser = /^\d{1,19}$/.test(typed) ? typed : undefined;
	const user = typedUser ?? LOCATOR_USER_PARAMETERS.map((p) => plainParameter(this, p)).find((v) => v !== undefined);
	const userId = user === undefined ? undefined : toInt64Id(user);
	if (typeof userId !== 'bigint') {
		throw new NodeOperationError(node, 'Type a user ID in the search box to list their conversations', {
			description: 'The list shows the conversations of one user: the Member / Owner / User ID of this operation when it is set (not an expression), or the user ID you type.',
		});
	}
	const credential = await this.getCredentials(VOLCENGINE_CREDENTIAL);
	const appText = plainParameter(this, 'appId') ?? String(credential.defaultAppId ?? '').trim();
	const appId = Number(appText);
	if (!Number.isSafeInteger(appId) || appId < 1) {
		throw new NodeOperationError(node, 'Set App ID on the node, or a Default App ID in the Volcengine RTC credential, to list conversations');
	}
	const cursor = paginationToken && /^\d{1,19}$/.test(paginationToken) ? BigInt(paginationToken) : 0n;
	const body = stringifyJson({ AppId: appId, ParticipantUserId: userId, Cursor: cursor, Limit: PAGE, SkipMemberCount: true });
	// The same authenticated POST the operations make (shared/http.ts); n8n's load-options context has the same request helper.
	const answer = await postJson(this as unknown as IExecuteFunctions, VOLCENGINE_CREDENTIAL, { url: '/', qs: { Action: api.name, Version: api.version }, body, timeoutMs: 15000 });
	const classified = volcengineAdapter.classify(api, answer, node);
	if (classified.kind !== 'ok') throw classified.error;
	const { result } = classified.value;
	const words = typedUser === undefined ? typed.toLowerCase() : '';
	const results = ((Array.isArray(result.ConversationInfos) ? result.ConversationInfos : []) as IDataObject[])
		.map((c) => {
			const id = String(c.ConversationShortId);
			const label = typeof c.Name === 'string' && c.Name !== '' ? c.Name : c.ConversationType === 1 ? `One-to-one with ${String(c.OtherUserId ?? '?')}` : 'Unnamed conversation';
			return { name: `${label} (${id})`, value: id };
		})
		.filter((r) => words === '' || r.name.toLowerCase().includes(words));
	const next = String(result.NextCursor ?? '');
	return { results, paginationToken: result.HasMore === true && /^\d{1,19}$/.test(next) && next !== String(cursor) ? next : undefined };
}

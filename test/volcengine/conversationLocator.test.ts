/* eslint-disable */
// Volcengine RTC → the Conversation picker (issue 14 item 4): the resource locator's "From List"
// mode runs methods.listSearch.searchConversations in n8n-core's real LoadOptionsContext (the
// context the editor's list uses), with the real credential authenticate(), against the sandbox:
// GetUserConversations for the operation's user or the typed user ID, NextCursor as the page token.
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
import type { IDataObject, INode, INodeTypes } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { TestCredentials } from '../../harness/engine';
import { PKG } from '../../harness/fixtures';
import { CREDENTIAL_TYPES } from '../../harness/registry';
import { sandboxCredentialData } from '../../harness/credentials';
import { LoadOptionsContext } from 'n8n-core';
import { VolcengineRtc } from '../../nodes/VolcengineRtc/VolcengineRtc.node';
import type { RtcSandbox } from '../../sandbox/server';
import { metaOf } from '../../sandbox/volcengine/conversationAdmin';
import { volcengineSuite } from './suite';

let sb: RtcSandbox;
const { calls, sent } = volcengineSuite((s) => (sb = s));

const nodeType = new VolcengineRtc();
const types: INodeTypes = {
	getByName: () => nodeType,
	getByNameAndVersion: (_t, v) => NodeHelpers.getVersionedNodeType(nodeType, v),
	getKnownTypes: () => ({}),
};

/** Runs the list method as the editor would, with the node's current parameters. */
async function listConversations(parameters: IDataObject, filter?: string, token?: string) {
	const node: INode = {
		id: 'node', name: 'Node', type: `${PKG}.volcengineRtc`, typeVersion: 1, position: [0, 0], parameters: parameters as INode['parameters'],
		credentials: { volcengineRtcApi: { id: '1', name: 'test account' } },
	};
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes: types, staticData: {} });
	const credentialsHelper = new TestCredentials({ volcengineRtcApi: CREDENTIAL_TYPES.volcengineRtcApi.type() }, sandboxCredentialData(sb.url));
	const ctx = new LoadOptionsContext(workflow, node, { credentialsHelper, currentNodeParameters: parameters } as any, 'parameters.conversationShortId');
	const method = types.getByNameAndVersion(node.type, 1).methods!.listSearch!.searchConversations;
	return await method.call(ctx, filter, token);
}

describe('Conversation picker (searchConversations → GetUserConversations)', () => {
	beforeEach(() => {
		for (let i = 1; i <= 25; i++) sb.seedVolcengineConversation({ conversationShortId: String(5000 + i), owner: '7', members: ['8'] });
	});

	test("lists the conversations of the operation's member, 20 a page, the next page by NextCursor", async () => {
		const params = { resource: 'conversation', operation: 'getSettings', participantUserId: '8' };
		const first = await listConversations(params);
		expect(first.results).toHaveLength(20);
		expect(first.results[0]).toEqual({ name: expect.stringMatching(/\(50\d\d\)$/), value: expect.stringMatching(/^50\d\d$/) });
		expect(first.paginationToken).toBe('20');
		const second = await listConversations(params, undefined, first.paginationToken as string);
		expect(second.results).toHaveLength(5);
		expect(second.paginationToken).toBeUndefined();
		expect(new Set([...first.results, ...second.results].map((r) => r.value)).size).toBe(25);
		const bodies = sent('GetUserConversations').map((b) => JSON.parse(b));
		expect(bodies.map((b) => [b.ParticipantUserId, b.Cursor, b.Limit])).toEqual([[8, 0, 20], [8, 20, 20]]);
	});

	test('a user ID typed in the search box wins; names filter the page; a conversation name is shown', async () => {
		metaOf(sb.seedVolcengineConversation({ conversationShortId: '42', owner: '9' })).profile.Name = 'Order 1042';
		metaOf(sb.seedVolcengineConversation({ conversationShortId: '43', owner: '8' })).profile.Name = 'Order 1043';
		const typed = await listConversations({ resource: 'conversation', operation: 'get' }, '9');
		expect(typed.results).toEqual([{ name: 'Order 1042 (42)', value: '42' }]);
		expect(calls('GetUserConversations')).toHaveLength(1);
		const named = await listConversations({ resource: 'conversation', operation: 'getSettings', participantUserId: '8' }, 'order 104');
		expect(named.results).toEqual([{ name: 'Order 1043 (43)', value: '43' }]);
		const none = await listConversations({ resource: 'conversation', operation: 'getSettings', participantUserId: '8' }, 'no such name');
		expect(none.results).toEqual([]);
	});

	test('without a user (none set, or an expression) it asks for one and sends nothing', async () => {
		await expect(listConversations({ resource: 'conversation', operation: 'get' })).rejects.toThrow(/Type a user ID/);
		await expect(listConversations({ resource: 'conversation', operation: 'getSettings', participantUserId: '={{ $json.u }}' })).rejects.toThrow(/Type a user ID/);
		expect(calls('GetUserConversations')).toHaveLength(0);
	});

	test('a vendor error is shown as the error of the list', async () => {
		await expect(listConversations({ resource: 'conversation', operation: 'get', appId: '999' }, '8')).rejects.toThrow(/999/);
		expect(calls('GetUserConversations').map((c) => c.code)).toEqual(['InvalidParameter.NotExistAppId']);
	});
});

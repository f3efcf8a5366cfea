import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import { signTencentHttpRequest } from '../nodes/TencentChat/transport/auth';
import { TENCENT_REGIONS } from '../nodes/TencentChat/transport/endpoints';

/** Error codes that name what is wrong with the credential (tencent-chat.md §1.6). */
const CREDENTIAL_FAILURES: Array<[number, string]> = [
	[70009, 'UserSig verification failed: the Secret Key does not belong to this SDKAppID'],
	[70013, 'The Admin User ID does not match the UserSig'],
	[70014, 'The SDKAppID does not match the UserSig'],
	[70016, 'Key not found: the SDKAppID belongs to another data center (check Region)'],
	[70020, 'SDKAppID not found in this data center (check Region)'],
	[60026, 'The Region does not match the data center of this SDKAppID'],
	[60006, 'The SDKAppID is invalid'],
	[60010, 'The Admin User ID is not an app administrator'],
	[70001, "The UserSig expired: check this machine's clock"],
];

export class TencentChatApi implements ICredentialType {
	name = 'tencentChatApi';

	displayName = 'Tencent Chat API';

	icon: Icon = { light: 'file:../icons/tencentchat.svg', dark: 'file:../icons/tencentchat.dark.svg' };

	documentationUrl = 'https://www.tencentcloud.com/document/product/1047/34385';

	properties: INodeProperties[] = [
		{
			displayName: 'SDKAppID',
			name: 'sdkAppId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '1400000000',
			description: 'The application ID shown in the Chat console',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The SDKSecretKey from the console (Application Configuration → Basic Information); it signs UserSigs',
		},
		{
			displayName: 'Admin User ID',
			name: 'adminUserId',
			type: 'string',
			default: 'administrator',
			required: true,
			description: 'An app administrator account; REST calls are made as this user',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'chinaMainland',
			options: Object.entries(TENCENT_REGIONS).map(([value, r]) => ({ name: r.label, value, description: r.host })),
			description: 'Data center where the app was created; the domain must match it',
		},
		{
			displayName: 'Custom Endpoint URL',
			name: 'customEndpoint',
			type: 'string',
			default: '',
			placeholder: 'https://adminapi.my-imcloud.com',
			description: 'Optional. Send requests to this origin instead of the region domain: a backup domain (e.g. https://adminapi.my-imcloud.com for the Chinese mainland), a private gateway, or the bundled sandbox (http://127.0.0.1:4567). The credential sends UserSigs to no other host.',
		},
		{
			displayName: 'UserSig Lifetime (Seconds)',
			name: 'userSigTtl',
			type: 'number',
			default: 604800,
			typeOptions: { minValue: 300, maxValue: 15552000 },
			description: 'How long each generated admin UserSig is valid. It is cached and renewed shortly before it expires.',
		},
		{
			displayName: 'Push API',
			name: 'pushApi',
			type: 'options',
			default: 'legacy',
			options: [
				{
					name: 'Legacy (All_member_push)',
					value: 'legacy',
					description: 'v4/all_member_push/im_push and im_* attribute/tag APIs (the pushing-to-all-users pages)',
				},
				{
					name: 'Current (Timpush)',
					value: 'timpush',
					description: 'v4/timpush/push and the Push service attribute/tag APIs (Push service pages)',
				},
			],
			description: 'Which all-user push, attribute and tag APIs the Push, User Attribute and User Tag operations call. Legacy by default; choose Current if your app uses the Push service (TIMPush).',
		},
		{
			displayName: 'Callback Token',
			name: 'callbackToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Optional. The authentication token of the callback URL (console → Callback Configuration). The Tencent Chat Trigger checks every callback\'s Sign with it and refuses callbacks when no token is set.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signTencentHttpRequest(credentials, requestOptions, Date.now());
	}

	/**
	 * n8n resolves expressions in the test request against this credential (its RoutingNode reads
	 * `={{$credentials.…}}` in every request field), so the probe checks the configured Admin User ID
	 * — the identity the UserSig is generated for in authenticate() — not a fixed "administrator".
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '/v4/im_open_login_svc/account_check',
			body: { CheckItem: [{ UserID: '={{$credentials.adminUserId}}' }] },
			headers: { 'Content-Type': 'application/json' },
		},
		rules: [
			...CREDENTIAL_FAILURES.map(([code, message]) => ({
				type: 'responseSuccessBody' as const,
				properties: { key: 'ErrorCode', value: code, message },
			})),
			{
				type: 'responseSuccessBody',
				properties: { key: 'ActionStatus', value: 'FAIL', message: 'Tencent Chat rejected the request: check SDKAppID, Secret Key, Admin User ID and Region' },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'ResultItem[0].AccountStatus', value: 'NotImported', message: 'The Admin User ID is not an account of this app' },
			},
		],
	};
}

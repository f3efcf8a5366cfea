import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import { signVolcengineHttpRequest } from '../nodes/VolcengineRtc/transport/auth';
import { VOLCENGINE_REGIONS } from '../nodes/VolcengineRtc/transport/endpoints';

/** Gateway error codes that mean "these keys cannot sign" (volcengine-rtc.md §3.2). */
const AUTH_FAILURES: Array<[string, string]> = [
	['SignatureDoesNotMatch', 'The Secret Access Key does not match the Access Key ID (signature rejected)'],
	['InvalidAccessKey', 'The Access Key ID is unknown or disabled'],
	['MissingAuthenticationToken', 'The request carried no valid authentication'],
	['InvalidTimestamp', "The request time was rejected: check this machine's clock (UTC)"],
	['LackPolicy', 'The keys are valid but the user has no RTC policy'],
];

export class VolcengineRtcApi implements ICredentialType {
	name = 'volcengineRtcApi';

	displayName = 'Volcengine RTC API';

	icon: Icon = { light: 'file:../icons/volcengine.svg', dark: 'file:../icons/volcengine.dark.svg' };

	documentationUrl = 'https://www.volcengine.com/docs/6348/69827';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'AKLT...',
			description: 'Access Key ID of a Volcengine user allowed to call RTC (console → Access Keys)',
		},
		{
			displayName: 'Secret Access Key',
			name: 'secretAccessKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Used as-is to sign requests; it often ends in "==" but must not be base64-decoded',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for temporary (STS) credentials; sent as X-Security-Token and signed',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'cn-north-1',
			options: Object.entries(VOLCENGINE_REGIONS).map(([value, r]) => ({
				name: r.label,
				value,
				description: r.host,
			})),
			description: 'Signing region and endpoint. Overseas apps use the Singapore gateway; if one signing region is rejected, try the other.',
		},
		{
			displayName: 'Custom Endpoint URL',
			name: 'customEndpoint',
			type: 'string',
			default: '',
			placeholder: 'https://rtc.volcengineapi.com',
			description: 'Optional. Send requests to this origin instead of the region host: a private gateway, or the bundled sandbox (http://127.0.0.1:4567). The credential signs for no other host.',
		},
		{
			displayName: 'Default App ID',
			name: 'defaultAppId',
			type: 'string',
			default: '',
			placeholder: '123456',
			description: 'Optional. The IM App ID used when a node leaves App ID empty',
		},
		{
			displayName: 'Callback Secret Key',
			name: 'callbackSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Optional. The callback secret key set in the RTC console. The Volcengine RTC Trigger checks every callback\'s Signature with it and refuses callbacks when no key is set.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signVolcengineHttpRequest(credentials, requestOptions, new Date());
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '/',
			qs: { Action: 'BatchGetUser', Version: '2020-12-01' },
			body: { AppId: 0, UserIds: [1] },
			headers: { 'Content-Type': 'application/json' },
			ignoreHttpStatusErrors: true,
		},
		rules: AUTH_FAILURES.map(([code, message]) => ({
			type: 'responseSuccessBody' as const,
			properties: { key: 'ResponseMetadata.Error.Code', value: code, message },
		})),
	};
}

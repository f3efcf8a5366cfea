import type { INodeProperties } from 'n8n-workflow';
import { textField, optionsField } from '../../../shared/schemas';

/** The message fields of every Tencent send (tencent-chat.md §3); read by v1/helpers/readMessage.ts. */

/** Which send the options are for: each API takes a different subset of the message's extras. */
export type MessageKind = 'c2c' | 'batch' | 'group' | 'broadcast' | 'push' | 'import';

const show = (format: string[]) => ({ show: { messageFormat: format } });

export const messageFields: INodeProperties[] = [
	optionsField('Message Format', 'messageFormat', 'text', [
		{ name: 'Text', value: 'text', description: 'Plain text (a TIMTextElem element)' },
		{ name: 'Custom Data', value: 'custom', description: 'Data for your app to interpret (a TIMCustomElem element)' },
		{ name: 'Elements', value: 'elements', description: 'Build a message of several elements: text, custom, face, location, image, sound, video, file' },
		{ name: 'Raw JSON', value: 'json', description: 'Give the whole message body (the MsgBody array) as JSON' },
	]),
	textField('Text', 'text', undefined, { required: true, typeOptions: { rows: 4 }, placeholder: 'Hello from n8n', displayOptions: show(['text']) }),
	textField(
		'Data',
		'customData',
		'Custom payload (Data); not shown in push notifications',
		{ typeOptions: { rows: 3 }, placeholder: '{"type":"order_shipped","orderId":"A123"}', displayOptions: show(['custom']) },
	),
	textField(
		'Push Text (Desc)',
		'customDesc',
		'Shown in offline push notifications; without it (and without Offline Push text) no push is sent',
		{ displayOptions: show(['custom']) },
	),
	textField('Push Extra Data (Ext)', 'customExt', 'Extra data delivered with the iOS push notification (in the APNs payload under the key Ext)', { displayOptions: show(['custom']) }),
	{
		displayName: 'Elements',
		name: 'elements',
		type: 'fixedCollection',
		placeholder: 'Add Element',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'Elements of the message, sent in the order of the types below. At most one custom element.',
		displayOptions: show(['elements']),
		options: [
			{
				displayName: 'Text',
				name: 'text',
				values: [{ displayName: 'Text', name: 'text', type: 'string', default: '', typeOptions: { rows: 2 } }],
			},
			{
				displayName: 'Custom',
				name: 'custom',
				values: [
					{ displayName: 'Data', name: 'data', type: 'string', default: '' },
					{ displayName: 'Push Text (Desc)', name: 'desc', type: 'string', default: '', description: 'Shown in offline push notifications' },
					{ displayName: 'Push Extra Data (Ext)', name: 'ext', type: 'string', default: '', description: 'Extra data delivered with the iOS push notification (APNs payload key Ext)' },
					{ displayName: 'Sound', name: 'sound', type: 'string', default: '' },
				],
			},
			{
				displayName: 'Face',
				name: 'face',
				values: [
					{ displayName: 'Index', name: 'index', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 }, description: 'Which emoji of your app’s emoji set (Index)' },
					{ displayName: 'Data', name: 'data', type: 'string', default: '' },
				],
			},
			{
				displayName: 'Location',
				name: 'location',
				values: [
					{ displayName: 'Description', name: 'desc', type: 'string', default: '' },
					{ displayName: 'Latitude', name: 'latitude', type: 'number', default: 0, typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 6 } },
					{ displayName: 'Longitude', name: 'longitude', type: 'number', default: 0, typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 6 } },
				],
			},
			{
				displayName: 'Image (URL)',
				name: 'image',
				values: [
					{
						displayName: 'Format',
						name: 'format',
						type: 'options',
						default: 1,
						options: [
							{
								name: 'BMP',
								value: 4
							},
							{
								name: 'GIF',
								value: 2
							},
							{
								name: 'JPG',
								value: 1
							},
							{
								name: 'Other',
								value: 255
							},
							{
								name: 'PNG',
								value: 3
							},
						]
					},
					{
						displayName: 'Height',
						name: 'height',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 },
					},
					{
						displayName: 'Size (Bytes)',
						name: 'size',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 },
					},
					textField('URL', 'url', undefined, { placeholder: 'https://example.com/a.jpg' }),
					{
						displayName: 'Width',
						name: 'width',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 },
					},
			],
			},
			{
				displayName: 'Sound (URL)',
				name: 'sound',
				values: [
					{ displayName: 'URL', name: 'url', type: 'string', default: '' },
					{ displayName: 'Size (Bytes)', name: 'size', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 } },
					{ displayName: 'Duration (Seconds)', name: 'second', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 } },
				],
			},
			{
				displayName: 'Video (URL)',
				name: 'video',
				values: [
					{
						displayName: 'Duration (Seconds)',
						name: 'videoSecond',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 },
					},
					{
						displayName: 'Thumbnail Format',
						name: 'thumbFormat',
						type: 'string',
						default: 'JPG',
					},
					{
						displayName: 'Thumbnail Height',
						name: 'thumbHeight',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 },
					},
					{
						displayName: 'Thumbnail Size (Bytes)',
						name: 'thumbSize',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 },
					},
					textField('Thumbnail URL', 'thumbUrl'),
					{
						displayName: 'Thumbnail Width',
						name: 'thumbWidth',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 },
					},
					{
						displayName: 'Video Format',
						name: 'videoFormat',
						type: 'string',
						default: 'mp4',
					},
					{
						displayName: 'Video Size (Bytes)',
						name: 'videoSize',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 },
					},
					textField('Video URL', 'videoUrl'),
				],
			},
			{
				displayName: 'File (URL)',
				name: 'file',
				values: [
					{ displayName: 'URL', name: 'url', type: 'string', default: '' },
					{ displayName: 'File Name', name: 'fileName', type: 'string', default: '' },
					{ displayName: 'Size (Bytes)', name: 'fileSize', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 4294967295, numberPrecision: 0 } },
				],
			},
		],
	},
	{
		displayName: 'Message Body (JSON)',
		name: 'msgBodyJson',
		type: 'json',
		default: '[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hello"}}]',
		description: 'The MsgBody array, e.g. [{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]',
		displayOptions: show(['json']),
	},
];

const cloudCustomDataField: INodeProperties = {
	displayName: 'Cloud Custom Data',
	name: 'cloudCustomData',
	type: 'string',
	default: '',
	placeholder: '{"orderId":"A123"}',
	description: 'Custom data stored with the message in the cloud, for your app to read (CloudCustomData)',
};

/** Message options shared by send operations; which ones apply depends on the API. */
export function messageOptions(kind: MessageKind): INodeProperties[] {
	const out: INodeProperties[] = [];
	if (kind !== 'push') out.push(cloudCustomDataField);
	// An imported message is not pushed (importmsg takes no OfflinePushInfo).
	if (kind !== 'broadcast' && kind !== 'import') {
		out.push({
			displayName: 'Offline Push',
			name: 'offlinePush',
			type: 'collection',
			placeholder: 'Add Push Field',
			default: {},
			description: 'OfflinePushInfo: how the message appears in push notifications',
			options: [
				{ displayName: 'Disable Push', name: 'disable', type: 'boolean', default: false, description: 'Whether to skip the offline push (PushFlag 1)' },
				{ displayName: 'Title', name: 'title', type: 'string', default: '' },
				{ displayName: 'Text', name: 'desc', type: 'string', default: '', description: 'Push text; overrides the elements’ push text' },
				{ displayName: 'Extra Data (Ext)', name: 'ext', type: 'string', default: '', description: 'Pass-through data (a JSON string for some Android vendors)' },
			],
		});
	}
	if (kind === 'c2c' || kind === 'batch' || kind === 'group') {
		out.push({
			displayName: 'Send Control',
			name: 'sendMsgControl',
			type: 'multiOptions',
			default: [],
			options: [
				{ name: 'No Last Message', value: 'NoLastMsg', description: 'Do not update the conversation list' },
				{ name: 'No Unread', value: 'NoUnread', description: 'Do not count the message as unread' },
				...(kind === 'group'
					? []
					: [{ name: 'With Mute Notifications', value: 'WithMuteNotifications', description: 'Respect the receiver’s do-not-disturb setting' }]),
			],
		});
	}
	if (kind === 'c2c' || kind === 'group') {
		out.push({
			displayName: 'Forbid Callbacks',
			name: 'forbidCallbackControl',
			type: 'multiOptions',
			default: [],
			options: [
				{ name: 'Before-Send Callback', value: 'ForbidBeforeSendMsgCallback' },
				{ name: 'After-Send Callback', value: 'ForbidAfterSendMsgCallback' },
			],
			description: 'Suppress your own webhooks for this message',
		});
	}
	return out;
}

/** Sends whose message takes a single extra: from 1.1 it is a field of its own, not a collection of one. */
export const singleMessageOption = (kind: MessageKind): boolean => messageOptions(kind).length === 1;

const ONLY_V1 = { show: { '@version': [1] } };

/**
 * The "Message Options" collection of a send: what travels with the message (cloud data, push
 * notification, conversation and unread control, callbacks), apart from the send's Options. Where
 * the message takes a single extra, version 1.1 shows that extra itself (read by readMessage from
 * either place).
 */
export function messageOptionsFields(kind: MessageKind): INodeProperties[] {
	const options = messageOptions(kind);
	const field: INodeProperties = {
		displayName: 'Message Options',
		name: 'messageOptions',
		type: 'collection',
		placeholder: 'Add Message Option',
		default: {},
		description: 'What travels with the message: cloud data, push notification text, conversation and unread control, callbacks',
		options,
	};
	if (options.length !== 1) return [field];
	return [{ ...field, displayOptions: ONLY_V1 }, { ...options[0], displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } } }];
}

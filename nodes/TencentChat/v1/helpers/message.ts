import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';
import { parseField } from '../../../shared/errors';
import { parseJson, stringifyJson } from '../../../shared/json';
import { text as textSchema, utf8Length } from '../../../shared/schemas';

/**
 * The message builder shared by every Tencent send operation (tencent-chat.md §3): a message is a
 * MsgBody array of elements (several allowed, at most one TIMCustomElem), built from the node's
 * fields or given as raw JSON, plus CloudCustomData, OfflinePushInfo and the control flags.
 */

/** §1.5: 12 KB for MsgBody and related fields. Counted conservatively as 12,000 bytes of JSON. */
export const MAX_MESSAGE_BYTES = 12000;

const nonEmpty = (what: string) => z.string({ invalid_type_error: `${what} must be text` }).min(1, `${what} is required`);
const uint = z.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(0);
const dl2 = z.literal(2).default(2);

export const elementSchemas = {
	TIMTextElem: z.object({ Text: nonEmpty('Text') }).passthrough(),
	TIMCustomElem: z
		.object({
			Data: z.string({ required_error: 'Data is required', invalid_type_error: 'Data must be text' }),
			Desc: z.string().optional(),
			Ext: z.string().optional(),
			Sound: z.string().optional(),
		})
		.passthrough(),
	TIMFaceElem: z.object({ Index: z.number({ required_error: 'Index is required' }).int(), Data: z.string().optional() }).passthrough(),
	TIMLocationElem: z
		.object({
			Desc: z.string().default(''),
			Latitude: z.number({ required_error: 'Latitude is required' }).min(-90).max(90),
			Longitude: z.number({ required_error: 'Longitude is required' }).min(-180).max(180),
		})
		.passthrough(),
	TIMImageElem: z
		.object({
			UUID: nonEmpty('UUID'),
			ImageFormat: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(255)]),
			ImageInfoArray: z
				.array(
					z.object({
						Type: z.union([z.literal(1), z.literal(2), z.literal(3)]),
						Size: uint,
						Width: uint,
						Height: uint,
						URL: z.string().url('URL must be a URL'),
					}),
				)
				.min(1, 'ImageInfoArray needs at least one image'),
		})
		.passthrough(),
	TIMSoundElem: z
		.object({ Url: z.string().url('Url must be a URL'), UUID: nonEmpty('UUID'), Size: uint, Second: uint, Download_Flag: dl2 })
		.passthrough(),
	TIMFileElem: z
		.object({
			Url: z.string().url('Url must be a URL'),
			UUID: nonEmpty('UUID'),
			FileSize: uint,
			FileName: nonEmpty('FileName'),
			Download_Flag: dl2,
		})
		.passthrough(),
	TIMVideoFileElem: z
		.object({
			VideoUrl: z.string().url('VideoUrl must be a URL'),
			VideoUUID: nonEmpty('VideoUUID'),
			VideoSize: uint,
			VideoSecond: uint,
			VideoFormat: nonEmpty('VideoFormat'),
			VideoDownloadFlag: dl2,
			ThumbUrl: z.string().url('ThumbUrl must be a URL'),
			ThumbUUID: nonEmpty('ThumbUUID'),
			ThumbSize: uint,
			ThumbWidth: uint,
			ThumbHeight: uint,
			ThumbFormat: nonEmpty('ThumbFormat'),
			ThumbDownloadFlag: dl2,
		})
		.passthrough(),
	TIMRelayElem: z.object({}).passthrough(),
} as const;

export type MsgType = keyof typeof elementSchemas;
export interface MsgElement {
	MsgType: MsgType;
	MsgContent: IDataObject;
}

const elementSchema = z
	.object({
		MsgType: z.enum(Object.keys(elementSchemas) as [MsgType, ...MsgType[]], {
			errorMap: () => ({ message: `MsgType must be one of ${Object.keys(elementSchemas).join(', ')}` }),
		}),
		MsgContent: z.record(z.unknown(), { invalid_type_error: 'MsgContent must be an object' }),
	})
	.transform((e, ctx): MsgElement => {
		const r = elementSchemas[e.MsgType].safeParse(e.MsgContent);
		if (!r.success) {
			const issue = r.error.issues[0];
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['MsgContent', ...issue.path], message: `${e.MsgType}: ${issue.message}` });
			return z.NEVER;
		}
		return { MsgType: e.MsgType, MsgContent: r.data as IDataObject };
	});

/** A MsgBody array: 1+ valid elements, at most one TIMCustomElem (§3.1). */
export const msgBodySchema = z
	.array(elementSchema, { invalid_type_error: 'MsgBody must be an array of elements' })
	.min(1, 'MsgBody needs at least one element')
	.refine((b) => b.filter((e) => e.MsgType === 'TIMCustomElem').length <= 1, 'a message may contain at most one TIMCustomElem');

const stableUuid = (seed: string) => createHash('sha256').update(seed).digest('hex').slice(0, 32);

const show = (format: string[]) => ({ show: { messageFormat: format } });

export const messageFields: INodeProperties[] = [
	{
		displayName: 'Message Format',
		name: 'messageFormat',
		type: 'options',
		default: 'text',
		options: [
			{ name: 'Text', value: 'text', description: 'One text element (TIMTextElem)' },
			{ name: 'Custom Data', value: 'custom', description: 'One custom element (TIMCustomElem) for your app to interpret' },
			{ name: 'Elements', value: 'elements', description: 'Build a message of several elements: text, custom, face, location, image, sound, video, file' },
			{ name: 'Raw MsgBody JSON', value: 'json', description: 'Give the MsgBody array as JSON' },
		],
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 4 },
		placeholder: 'Hello from n8n',
		displayOptions: show(['text']),
	},
	{
		displayName: 'Data',
		name: 'customData',
		type: 'string',
		default: '',
		typeOptions: { rows: 3 },
		placeholder: '{"type":"order_shipped","orderId":"A123"}',
		description: 'Custom payload (Data); not shown in push notifications',
		displayOptions: show(['custom']),
	},
	{
		displayName: 'Push Text (Desc)',
		name: 'customDesc',
		type: 'string',
		default: '',
		description: 'Shown in offline push notifications; without it (and without Offline Push text) no push is sent',
		displayOptions: show(['custom']),
	},
	{
		displayName: 'Ext',
		name: 'customExt',
		type: 'string',
		default: '',
		description: 'Delivered in the APNs payload under the key Ext',
		displayOptions: show(['custom']),
	},
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
					{ displayName: 'Desc', name: 'desc', type: 'string', default: '' },
					{ displayName: 'Ext', name: 'ext', type: 'string', default: '' },
					{ displayName: 'Sound', name: 'sound', type: 'string', default: '' },
				],
			},
			{
				displayName: 'Face',
				name: 'face',
				values: [
					{ displayName: 'Index', name: 'index', type: 'number', default: 0 },
					{ displayName: 'Data', name: 'data', type: 'string', default: '' },
				],
			},
			{
				displayName: 'Location',
				name: 'location',
				values: [
					{ displayName: 'Description', name: 'desc', type: 'string', default: '' },
					{ displayName: 'Latitude', name: 'latitude', type: 'number', default: 0, typeOptions: { numberPrecision: 6 } },
					{ displayName: 'Longitude', name: 'longitude', type: 'number', default: 0, typeOptions: { numberPrecision: 6 } },
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
						default: 0
					},
					{
						displayName: 'Size (Bytes)',
						name: 'size',
						type: 'number',
						default: 0
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/a.jpg',
					},
					{
						displayName: 'Width',
						name: 'width',
						type: 'number',
						default: 0
					},
			],
			},
			{
				displayName: 'Sound (URL)',
				name: 'sound',
				values: [
					{ displayName: 'URL', name: 'url', type: 'string', default: '' },
					{ displayName: 'Size (Bytes)', name: 'size', type: 'number', default: 0 },
					{ displayName: 'Duration (Seconds)', name: 'second', type: 'number', default: 0 },
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
						default: 0
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
						default: 0
					},
					{
						displayName: 'Thumbnail Size (Bytes)',
						name: 'thumbSize',
						type: 'number',
						default: 0
					},
					{
						displayName: 'Thumbnail URL',
						name: 'thumbUrl',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Thumbnail Width',
						name: 'thumbWidth',
						type: 'number',
						default: 0
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
						default: 0
					},
					{
						displayName: 'Video URL',
						name: 'videoUrl',
						type: 'string',
						default: '',
					},
				],
			},
			{
				displayName: 'File (URL)',
				name: 'file',
				values: [
					{ displayName: 'URL', name: 'url', type: 'string', default: '' },
					{ displayName: 'File Name', name: 'fileName', type: 'string', default: '' },
					{ displayName: 'Size (Bytes)', name: 'fileSize', type: 'number', default: 0 },
				],
			},
		],
	},
	{
		displayName: 'MsgBody (JSON)',
		name: 'msgBodyJson',
		type: 'json',
		default: '[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hello"}}]',
		description: 'The MsgBody array, e.g. [{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]',
		displayOptions: show(['json']),
	},
];

/** Message options shared by send operations; which ones apply depends on the API. */
export function messageOptions(kind: 'c2c' | 'batch' | 'group' | 'broadcast' | 'push' | 'import'): INodeProperties[] {
	const out: INodeProperties[] = [];
	if (kind !== 'push') {
		out.push({
			displayName: 'Cloud Custom Data',
			name: 'cloudCustomData',
			type: 'string',
			default: '',
			description: 'Custom data stored with the message in the cloud (CloudCustomData)',
		});
	}
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
				{ displayName: 'Ext', name: 'ext', type: 'string', default: '', description: 'Pass-through data (a JSON string for some Android vendors)' },
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

export interface BuiltMessage {
	MsgBody: MsgElement[];
	CloudCustomData?: string;
	OfflinePushInfo?: IDataObject;
	SendMsgControl?: string[];
	ForbidCallbackControl?: string[];
}

type Row = Record<string, unknown>;
const rows = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : v && typeof v === 'object' ? [v as Row] : []);

function fromElements(el: Record<string, unknown>): Array<{ MsgType: string; MsgContent: IDataObject }> {
	const out: Array<{ MsgType: string; MsgContent: IDataObject }> = [];
	for (const r of rows(el.text)) out.push({ MsgType: 'TIMTextElem', MsgContent: { Text: r.text as string } });
	for (const r of rows(el.custom)) {
		const c: IDataObject = { Data: (r.data as string) ?? '' };
		if (r.desc) c.Desc = r.desc as string;
		if (r.ext) c.Ext = r.ext as string;
		if (r.sound) c.Sound = r.sound as string;
		out.push({ MsgType: 'TIMCustomElem', MsgContent: c });
	}
	for (const r of rows(el.face)) {
		const c: IDataObject = { Index: r.index as number };
		if (r.data) c.Data = r.data as string;
		out.push({ MsgType: 'TIMFaceElem', MsgContent: c });
	}
	for (const r of rows(el.location)) {
		out.push({ MsgType: 'TIMLocationElem', MsgContent: { Desc: (r.desc as string) ?? '', Latitude: r.latitude as number, Longitude: r.longitude as number } });
	}
	for (const r of rows(el.image)) {
		const url = r.url as string;
		const info = (Type: number) => ({ Type, Size: r.size as number, Width: r.width as number, Height: r.height as number, URL: url });
		out.push({ MsgType: 'TIMImageElem', MsgContent: { UUID: stableUuid(`image:${url}`), ImageFormat: r.format as number, ImageInfoArray: [info(1), info(2), info(3)] } });
	}
	for (const r of rows(el.sound)) {
		out.push({
			MsgType: 'TIMSoundElem',
			MsgContent: { Url: r.url as string, UUID: stableUuid(`sound:${r.url}`), Size: r.size as number, Second: r.second as number, Download_Flag: 2 },
		});
	}
	for (const r of rows(el.video)) {
		out.push({
			MsgType: 'TIMVideoFileElem',
			MsgContent: {
				VideoUrl: r.videoUrl as string,
				VideoUUID: stableUuid(`video:${r.videoUrl}`),
				VideoSize: r.videoSize as number,
				VideoSecond: r.videoSecond as number,
				VideoFormat: r.videoFormat as string,
				VideoDownloadFlag: 2,
				ThumbUrl: r.thumbUrl as string,
				ThumbUUID: stableUuid(`thumb:${r.thumbUrl}`),
				ThumbSize: r.thumbSize as number,
				ThumbWidth: r.thumbWidth as number,
				ThumbHeight: r.thumbHeight as number,
				ThumbFormat: r.thumbFormat as string,
				ThumbDownloadFlag: 2,
			},
		});
	}
	for (const r of rows(el.file)) {
		out.push({
			MsgType: 'TIMFileElem',
			MsgContent: { Url: r.url as string, UUID: stableUuid(`file:${r.url}`), FileSize: r.fileSize as number, FileName: r.fileName as string, Download_Flag: 2 },
		});
	}
	return out;
}

/** Reads and validates the message of item `i`: the error names the field (and element) and the item. */
export function readMessage(ctx: IExecuteFunctions, i: number, kind: 'c2c' | 'batch' | 'group' | 'broadcast' | 'push' | 'import'): BuiltMessage {
	const node = ctx.getNode();
	const format = ctx.getNodeParameter('messageFormat', i, 'text') as string;
	let raw: unknown;
	let field = 'Message';
	if (format === 'text') {
		field = 'Text';
		raw = [{ MsgType: 'TIMTextElem', MsgContent: { Text: parseField(node, textSchema(), ctx.getNodeParameter('text', i, ''), 'Text', i) } }];
	} else if (format === 'custom') {
		field = 'Data';
		const c: IDataObject = { Data: ctx.getNodeParameter('customData', i, '') as string };
		const desc = ctx.getNodeParameter('customDesc', i, '') as string;
		const ext = ctx.getNodeParameter('customExt', i, '') as string;
		if (desc) c.Desc = desc;
		if (ext) c.Ext = ext;
		raw = [{ MsgType: 'TIMCustomElem', MsgContent: c }];
	} else if (format === 'elements') {
		field = 'Elements';
		raw = fromElements((ctx.getNodeParameter('elements', i, {}) as Record<string, unknown>) ?? {});
	} else if (format === 'json') {
		field = 'MsgBody (JSON)';
		const v = ctx.getNodeParameter('msgBodyJson', i, '') as unknown;
		if (typeof v === 'string') {
			try {
				raw = parseJson(v);
			} catch (e) {
				throw new NodeOperationError(node, `Invalid "${field}" in item ${i}: ${(e as Error).message}`, { itemIndex: i });
			}
		} else raw = v;
	} else {
		throw new NodeOperationError(node, `Invalid "Message Format" in item ${i}: ${String(format)}`, { itemIndex: i });
	}
	const MsgBody = parseField(node, msgBodySchema, raw, field, i);

	const options = (ctx.getNodeParameter('messageOptions', i, {}) ?? {}) as IDataObject;
	const built: BuiltMessage = { MsgBody };
	if (options.cloudCustomData !== undefined && options.cloudCustomData !== '') {
		if (typeof options.cloudCustomData !== 'string') {
			throw new NodeOperationError(node, `Invalid "Cloud Custom Data" in item ${i}: must be text`, { itemIndex: i });
		}
		built.CloudCustomData = options.cloudCustomData;
	}
	const push = (options.offlinePush ?? {}) as IDataObject;
	if (kind !== 'broadcast' && kind !== 'import' && Object.keys(push).length) {
		const info: IDataObject = { PushFlag: push.disable ? 1 : 0 };
		if (push.title) info.Title = String(push.title);
		if (push.desc) info.Desc = String(push.desc);
		if (push.ext) info.Ext = String(push.ext);
		built.OfflinePushInfo = info;
	}
	const control = options.sendMsgControl as string[] | undefined;
	if (control?.length) built.SendMsgControl = control;
	const forbid = options.forbidCallbackControl as string[] | undefined;
	if (forbid?.length) built.ForbidCallbackControl = forbid;

	const size = messageBytes(built);
	if (size > MAX_MESSAGE_BYTES) {
		throw new NodeOperationError(node, `Invalid "${field}" in item ${i}: the message is ${size} bytes; the limit is ${MAX_MESSAGE_BYTES} bytes`, {
			itemIndex: i,
			description: 'Tencent Chat accepts at most 12 KB of message body. Nothing was sent for this item.',
		});
	}
	return built;
}

/** Bytes of the JSON that counts toward the 12 KB limit (MsgBody + CloudCustomData). */
export function messageBytes(m: Pick<BuiltMessage, 'MsgBody' | 'CloudCustomData'>): number {
	return utf8Length(stringifyJson(m.MsgBody)) + (m.CloudCustomData ? utf8Length(m.CloudCustomData) : 0);
}

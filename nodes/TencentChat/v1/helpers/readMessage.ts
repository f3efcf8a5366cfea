import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { parseField } from '../../../shared/errors';
import { parseJson } from '../../../shared/json';
import { nodeOf } from '../../../shared/params';
import { text as textSchema } from '../../../shared/schemas';
import { MAX_MESSAGE_BYTES, messageBytes, msgBodySchema, type MsgElement } from '../../transport/msgBody';
import { singleMessageOption, type MessageKind } from '../descriptions/message.description';

/**
 * The one reader of a Tencent message (tencent-chat.md §3), used by every send: the fields of
 * v1/descriptions/message.description.ts → the request's message fields, validated by
 * transport/msgBody.ts. Only the fields that are set are in the result, so a send spreads it into
 * its body as is.
 */

const stableUuid = (seed: string) => createHash('sha256').update(seed).digest('hex').slice(0, 32);

/** The message fields of a request body, only those that are set. */
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
export function readMessage(ctx: IExecuteFunctions, i: number, kind: MessageKind): BuiltMessage {
	const node = nodeOf(ctx);
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
		field = 'Message Body (JSON)';
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

	const options = { ...((ctx.getNodeParameter('messageOptions', i, {}) ?? {}) as IDataObject) };
	// 1.1: a single extra is a field of its own (Cloud Custom Data, Offline Push); version 1 has it in Message Options.
	if (singleMessageOption(kind)) {
		const own = kind === 'push' ? 'offlinePush' : 'cloudCustomData';
		const value = ctx.getNodeParameter(own, i, kind === 'push' ? {} : '') as IDataObject[string];
		const set = value !== null && value !== '' && !(typeof value === 'object' && Object.keys(value).length === 0);
		if (set && options[own] === undefined) options[own] = value;
	}
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

import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { stringifyJson } from '../../shared/json';
import { utf8Length } from '../../shared/schemas';

/**
 * The Tencent message body (tencent-chat.md §3): a MsgBody array of elements (several allowed, at
 * most one TIMCustomElem), validated element by element. The fields that show it are
 * v1/descriptions/message.description.ts; the reader of one item is v1/helpers/readMessage.ts.
 */

/** §1.5: 12 KB for MsgBody and related fields. Counted conservatively as 12,000 bytes of JSON. */
export const MAX_MESSAGE_BYTES = 12000;

const nonEmpty = (what: string) => z.string({ invalid_type_error: `${what} must be text` }).min(1, `${what} is required`);
/** A uint32 (sizes, durations, pixels, face indexes): the message fields show the same bounds. */
export const MAX_UINT32 = 4294967295;
const uintNamed = (what?: string) =>
	z
		.number({ invalid_type_error: 'must be a number', ...(what ? { required_error: `${what} is required` } : {}) })
		.int('must be a whole number')
		.min(0, `must be between 0 and ${MAX_UINT32}`)
		.max(MAX_UINT32, `must be between 0 and ${MAX_UINT32}`);
const uint = uintNamed();
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
	TIMFaceElem: z.object({ Index: uintNamed('Index'), Data: z.string().optional() }).passthrough(),
	TIMLocationElem: z
		.object({
			Desc: z.string().default(''),
			Latitude: z.number({ required_error: 'Latitude is required' }).min(-90, 'Latitude must be between -90 and 90').max(90, 'Latitude must be between -90 and 90'),
			Longitude: z.number({ required_error: 'Longitude is required' }).min(-180, 'Longitude must be between -180 and 180').max(180, 'Longitude must be between -180 and 180'),
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

/** Bytes of the JSON that counts toward the 12 KB limit (MsgBody + CloudCustomData). */
export function messageBytes(m: { MsgBody: MsgElement[]; CloudCustomData?: string }): number {
	return utf8Length(stringifyJson(m.MsgBody)) + (m.CloudCustomData ? utf8Length(m.CloudCustomData) : 0);
}

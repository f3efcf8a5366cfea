import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { single } from '../../../../shared/engine/callShapes';
import { text } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import { tencentOperation } from '../../helpers/common';

interface Plan {
	ChatType: 'C2C' | 'Group';
	MsgTime: string;
}

const hour = text().refine(
	(v) => /^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])$/.test(v.trim()),
	'must be an hour as YYYYMMDDHH, e.g. 2026120121',
);

/**
 * get_history — tencentcloud.com/document/product/1047/34885: download links of one hour's message
 * log (gzip files, kept 7 days); ChatType C2C or Group, MsgTime YYYYMMDDHH. 10 calls/s
 * (transport/limits.ts). Answer File [{ URL, ExpireTime, FileSize, FileMD5, GzipSize, GzipMD5 }]:
 * dobyte/tencent-im operation/types.go (HistoryFile), doocs GetHistoryResult.java.
 */
export const getHistory = tencentOperation<Plan>({
	resource: 'appData',
	operation: 'getHistory',
	option: {
		name: 'Get Message Logs',
		description: 'Get download links of an hour’s message log files, one item per file (get_history)',
		action: 'Get message log download links',
	},
	properties: [
		{
			displayName: 'Messages',
			name: 'chatType',
			type: 'options',
			default: 'C2C',
			options: [
				{ name: 'One-to-One (C2C)', value: 'C2C' },
				{ name: 'Group', value: 'Group' },
			],
			description: 'Which message log (ChatType)',
		},
		{
			displayName: 'Hour',
			name: 'msgTime',
			type: 'string',
			default: '',
			required: true,
			placeholder: '2026120121',
			description: 'The hour whose messages to get, as YYYYMMDDHH (MsgTime); logs are kept for 7 days',
		},
	],
	read: (r) => ({ ChatType: r.param('chatType', z.enum(['C2C', 'Group']), 'Messages', 'C2C'), MsgTime: r.param('msgTime', hour, 'Hour').trim() }),
	doc: {
		api: '`open_msg_svc/get_history`',
		limits:
			'One call per item; one output item per log file (gzip, kept 7 days; links expire). **10 calls/s**. Sources: tencentcloud.com 1047/34885, dobyte/tencent-im `operation/types.go`, doocs `GetHistoryRequest.java`.',
	},
	shape: single({
		api: tencentApi('open_msg_svc/get_history', true),
		body: (plan) => ({ ChatType: plan.ChatType, MsgTime: plan.MsgTime }),
		output: (plan, answer) =>
			((answer.result.File ?? []) as IDataObject[]).map((f) => ({
				chatType: plan.ChatType,
				msgTime: plan.MsgTime,
				url: (f.URL as string) ?? null,
				expireTime: (f.ExpireTime as string) ?? null,
				fileSize: (f.FileSize as number) ?? null,
				fileMd5: (f.FileMD5 as string) ?? null,
				gzipSize: (f.GzipSize as number) ?? null,
				gzipMd5: (f.GzipMD5 as string) ?? null,
			})),
	}),
});

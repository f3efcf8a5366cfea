import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import type { ItemReader } from '../../../../shared/engine/reader';
import type { Quota } from '../../../../shared/engine/quota';
import { keyValueField, keyValueMap, listInput, utf8Length } from '../../../../shared/schemas';
import { tencentApi } from '../../../transport/request';
import type { Body } from '../../helpers/common';
import { groupCall, readGroup } from '../../helpers/groupOps';

/**
 * Group custom attributes — tencentcloud.com/document/product/1047/44187 (get), 44188 (modify),
 * 44189 (clear), 44190 (set), 59499 (delete): a key ≤ 32 bytes, a value ≤ 4,000 bytes, ≤ 16 keys
 * and ≤ 16,000 bytes in all per group; writes ≤ 5 per second per group (error 10049) (menu §1.3,
 * per D·59499). Entries are { key, value } in lower case (doocs/qcloud-im-server-sdk-java
 * model/group/GroupAttr.java). The get is on the service group_open_attr_http_svc; the writes on
 * group_open_http_svc.
 */
export const MAX_KEYS = 16;
export const MAX_TOTAL_BYTES = 16000;
/** Writes per second per group (10049 past it), paced per GroupId on top of the API's 200/s. */
export const WRITES_PER_GROUP: Quota = { perSecond: 5 };

export const attributesField: INodeProperties = keyValueField({
	displayName: 'Attributes',
	name: 'attributes',
	description: 'Up to 16 attributes: a key of at most 32 bytes, a value of at most 4,000 bytes, 16,000 bytes in all',
	placeholder: 'Add Attribute',
	pairName: 'Attribute',
	keyPlaceholder: 'stage',
	valuePlaceholder: 'live',
});

const KEY_RULE = { keyPattern: /^[\s\S]{1,32}$/, keyRule: 'is longer than 32 characters', maxValueBytes: 4000 };

export function readAttributes(r: ItemReader): Array<{ key: string; value: string }> {
	const map = r.param('attributes', keyValueMap(KEY_RULE), 'Attributes', {});
	const list = Object.entries(map).map(([key, value]) => ({ key, value }));
	if (list.length === 0) r.fail(`Invalid "Attributes" in item ${r.itemIndex}: add at least one attribute`);
	if (list.length > MAX_KEYS) r.fail(`Invalid "Attributes" in item ${r.itemIndex}: ${list.length} attributes; the limit is ${MAX_KEYS}`);
	const bad = list.find((a) => utf8Length(a.key) > 32);
	if (bad) r.fail(`Invalid "Attributes" in item ${r.itemIndex}: key "${bad.key.slice(0, 40)}" is longer than 32 bytes`);
	const total = list.reduce((n, a) => n + utf8Length(a.key) + utf8Length(a.value), 0);
	if (total > MAX_TOTAL_BYTES) r.fail(`Invalid "Attributes" in item ${r.itemIndex}: ${total} bytes in all; the limit is ${MAX_TOTAL_BYTES}`);
	return list;
}

export const keysSchema = listInput.pipe(z.array(z.string().trim().min(1)).min(1, 'needs at least one key').max(MAX_KEYS, `has more than ${MAX_KEYS} keys`));

/** A write on one group's attributes: paced to 5 per second per group, answered `{ status, groupId }`. */
export const attributeWrite = (command: string, status: string) =>
	groupCall<{ body: Body }>({ api: tencentApi(`group_open_http_svc/${command}`, true), status, pace: WRITES_PER_GROUP, extra: ({ body }) => (Array.isArray(body.GroupAttr) ? { keys: body.GroupAttr.map((a: { key: string }) => a.key) } : {}) });

export const attributeDoc = (command: string, what: string, page: string) => ({
	api: `\`group_open_http_svc/${command}\``,
	limits: `${what} Paced to 5 writes per second per group (10049 past it). ≤ 16 keys, key ≤ 32 bytes, value ≤ 4,000 bytes, 16,000 bytes in all. Sources: tencentcloud.com 1047/${page}, 1047/59499; doocs \`GroupAttr.java\`.`,
});

export const orderByGroup = ({ body }: { body: Body }) => `group:${String(body.GroupId)}`;
export { readGroup };

// Sandbox code (not shipped): the Volcengine error codes and the field checks, written as the
// vendor's Go backend answers them ("json: cannot unmarshal … into Go struct field …").
import type { VolcCtx } from './state';

export const VOLC_ERRORS: Record<string, { codeN?: number; http: number }> = {
	MissingParameter: { codeN: 100002, http: 400 },
	MissingAuthenticationToken: { codeN: 100003, http: 401 },
	MissingRequestInfo: { codeN: 100004, http: 400 },
	MissingSignature: { codeN: 100005, http: 401 },
	InvalidTimestamp: { codeN: 100006, http: 400 },
	ServiceNotFound: { codeN: 100007, http: 404 },
	InvalidActionOrVersion: { codeN: 100008, http: 404 },
	InvalidAccessKey: { codeN: 100009, http: 401 },
	SignatureDoesNotMatch: { codeN: 100010, http: 401 },
	InternalError: { codeN: 100014, http: 500 },
	FlowLimitExceeded: { http: 429 },
	'FlowLimitExceeded.QPSOverLimit': { http: 429 },
	MethodNotAllowed: { http: 405 },
	InvalidParameter: { http: 400 },
	'InvalidParameter.Unmarshal': { http: 400 },
	'InvalidParameter.BodyIsEmpty': { http: 400 },
	'InvalidParameter.NotExistAppId': { http: 400 },
	'InvalidParameter.UserCountOverLimit': { http: 400 },
	'InvalidParameter.IllegalAppId': { http: 400 },
	'InvalidParameter.IllegalRoomID': { http: 400 },
	'InvalidParameter.IllegalFrom': { http: 400 },
	'InvalidParameter.IllegalTo': { http: 400 },
	'InvalidParameter.SizeOverLimit': { http: 400 },
	AccessDenied: { codeN: 100013, http: 403 },
	'AccessDenied.NoPermissionForApp': { http: 403 },
};

export class VolcError extends Error {
	constructor(
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

export function isInt(v: unknown): v is number | bigint {
	return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
}

export function typeName(v: unknown): string {
	if (typeof v === 'string') return 'string';
	if (typeof v === 'number') return 'number';
	if (typeof v === 'boolean') return 'bool';
	if (Array.isArray(v)) return 'array';
	if (v === null) return 'null';
	return 'object';
}

export function int64Field(body: Record<string, unknown>, name: string, required = true): bigint | undefined {
	const v = body[name];
	if (v === undefined || v === null) {
		if (required) throw new VolcError('InvalidParameter', `${name} is required`);
		return undefined;
	}
	if (!isInt(v)) throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type int64`);
	const b = BigInt(v);
	if (b < -(2n ** 63n) || b >= 2n ** 63n) throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal number ${b} into Go struct field ${name} of type int64`);
	return b;
}

export function intField(body: Record<string, unknown>, name: string, required: boolean, dflt = 0): number {
	const v = body[name];
	if (v === undefined || v === null) {
		if (required) throw new VolcError('InvalidParameter', `${name} is required`);
		return dflt;
	}
	if (!isInt(v) || typeof v === 'bigint') throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type int`);
	return v;
}

export function stringField(body: Record<string, unknown>, name: string, required: boolean): string | undefined {
	const v = body[name];
	if (v === undefined || v === null) {
		if (required) throw new VolcError('InvalidParameter', `${name} is required`);
		return undefined;
	}
	if (typeof v !== 'string') throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type string`);
	if (required && v === '') throw new VolcError('InvalidParameter', `${name} is empty`);
	return v;
}

export function stringMap(body: Record<string, unknown>, name: string): Record<string, string> | undefined {
	const v = body[name];
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'object' || Array.isArray(v)) throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type map[string]string`);
	for (const [k, val] of Object.entries(v)) {
		if (typeof val !== 'string') throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(val)} into Go struct field ${name}.${k} of type string`);
	}
	return v as Record<string, string>;
}

export function appField(ctx: VolcCtx, body: Record<string, unknown>): number {
	const appId = intField(body, 'AppId', true);
	if (!ctx.st.apps.has(appId)) throw new VolcError('InvalidParameter.NotExistAppId', `AppId ${appId} does not exist`);
	return appId;
}

export function arrayField(body: Record<string, unknown>, name: string): unknown[] {
	const v = body[name];
	if (v === undefined || v === null) throw new VolcError('InvalidParameter', `${name} is required`);
	if (!Array.isArray(v)) throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type array`);
	return v;
}

export function objectEntry(v: unknown, name: string): Record<string, unknown> {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) {
		throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type object`);
	}
	return v as Record<string, unknown>;
}

export function int64Array(body: Record<string, unknown>, name: string): bigint[] {
	return arrayField(body, name).map((v, i) => int64Field({ [`${name}[${i}]`]: v }, `${name}[${i}]`)!);
}

export function optionalInt64Array(body: Record<string, unknown>, name: string): bigint[] | undefined {
	return body[name] === undefined || body[name] === null ? undefined : int64Array(body, name);
}

export function boolField(body: Record<string, unknown>, name: string): boolean | undefined {
	const v = body[name];
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'boolean') throw new VolcError('InvalidParameter.Unmarshal', `json: cannot unmarshal ${typeName(v)} into Go struct field ${name} of type bool`);
	return v;
}

export const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** "level:vip" → {level, vip}; a plain tag "vip" → {vip, null}. */
export function splitTag(t: string): { key: string; value: string | null } {
	const i = t.indexOf(':');
	return i < 0 ? { key: t, value: null } : { key: t.slice(0, i), value: t.slice(i + 1) };
}

export const joinTag = (key: string, value: string | null): string => (value === null ? key : `${key}:${value}`);

/** Adds a tag; a tag with a key that exists replaces its value. */
export function setTag(tags: Map<string, string | null>, t: string, where: string): void {
	if (t === '') throw new VolcError('InvalidParameter', `${where} has an empty tag`);
	const { key, value } = splitTag(t);
	tags.set(key, value);
}

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { memoByFields } from '../nodes/shared/credentialIdentity';
import { parseTencentCredentials } from '../nodes/TencentChat/transport/auth';
import { parseVolcengineCredentials } from '../nodes/VolcengineRtc/transport/auth';

// n8n hands authenticate() a fresh copy of the decrypted credential on every request: the same
// field values are validated once, a changed value again, and a bad credential fails every time.
describe('credential parsing memoised by field values', () => {
	it('parses the same fields once, different fields again, and never keeps a failure', () => {
		let parses = 0;
		const parse = memoByFields((raw) => {
			parses++;
			if (raw.bad) throw new Error('bad credential');
			return { id: String(raw.id) };
		});
		expect(parse({ id: 'a' })).toEqual({ id: 'a' });
		expect(parse({ id: 'a' })).toBe(parse({ id: 'a' }));
		expect(parses).toBe(1);
		expect(parse({ id: 'b' })).toEqual({ id: 'b' });
		expect(parses).toBe(2);
		expect(() => parse({ id: 'c', bad: true })).toThrow('bad credential');
		expect(() => parse({ id: 'c', bad: true })).toThrow('bad credential');
		expect(parses).toBe(4);
	});

	it('keeps the vendors’ validation messages, call after call', () => {
		const tc = { sdkAppId: '0', secretKey: 'k', adminUserId: 'administrator', region: 'chinaMainland', customEndpoint: '', userSigTtl: 604800 };
		for (let k = 0; k < 2; k++) expect(() => parseTencentCredentials({ ...tc })).toThrow('SDKAppID must be a positive whole number');
		const ok = parseTencentCredentials({ ...tc, sdkAppId: '1400000001' });
		expect(ok.sdkAppId).toBe(1400000001);
		expect(parseTencentCredentials({ ...tc, sdkAppId: '1400000001' })).toBe(ok);
		expect(Object.isFrozen(ok)).toBe(true);
		const vc = { accessKeyId: '', secretAccessKey: 's', sessionToken: '', region: 'cn-north-1', customEndpoint: '', defaultAppId: '' };
		for (let k = 0; k < 2; k++) expect(() => parseVolcengineCredentials({ ...vc })).toThrow('Access Key ID is empty');
	});

	it('the same credential object again: served without serialising it, and a change to it is seen', () => {
		let parses = 0;
		const parse = memoByFields((raw) => {
			parses++;
			if (raw.bad) throw new Error('bad credential');
			return { id: String(raw.id) };
		});
		const creds: ICredentialDataDecryptedObject = { id: 'a', secret: 's' };
		const first = parse(creds);
		const stringify = jest.spyOn(JSON, 'stringify');
		try {
			expect(parse(creds)).toBe(first);
			expect(parse(creds)).toBe(first);
			expect(stringify).not.toHaveBeenCalled();
		} finally {
			stringify.mockRestore();
		}
		creds.id = 'b';
		expect(parse(creds)).toEqual({ id: 'b' });
		expect(parses).toBe(2);
		creds.id = 'a';
		expect(parse(creds)).toBe(first); // back to fields seen before: the field memo
		expect(parses).toBe(2);
		creds.extra = 'x';
		expect(parse(creds)).toEqual({ id: 'a' });
		expect(parses).toBe(3);
		delete creds.extra;
		creds.bad = true;
		expect(() => parse(creds)).toThrow('bad credential');
		expect(() => parse(creds)).toThrow('bad credential');
		expect(parses).toBe(5);
	});

	it('objects with non-plain values or prototypes go by their serialised fields every time', () => {
		let parses = 0;
		const parse = memoByFields((raw) => {
			parses++;
			return { id: JSON.stringify(raw) };
		});
		const nested = { id: 'a', inner: { v: 1 } };
		const asCreds = (o: object) => o as unknown as ICredentialDataDecryptedObject;
		const first = parse(asCreds(nested));
		nested.inner.v = 2;
		expect(parse(asCreds(nested))).not.toBe(first);
		expect(parses).toBe(2);
		class Creds {
			id = 'a';
			toJSON() {
				return { id: this.id, n: parses };
			}
		}
		const c = new Creds();
		parse(asCreds(c));
		parse(asCreds(c));
		expect(parses).toBe(4); // its toJSON gives other text each time: never served by object
	});
});

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
});

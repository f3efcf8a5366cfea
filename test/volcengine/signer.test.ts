/* eslint-disable */
import { createHmac } from 'node:crypto';
import { deriveSigningKey, formatXDate, signVolcengineRequest, sha256Hex, canonicalQueryString } from '../../nodes/VolcengineRtc/transport/signer';

// volcengine-rtc.md §2.9: common inputs of TV1–TV3.
const AK = 'AKLTEXAMPLEACCESSKEYID000000000000';
const SK = 'WkRNeU5UazRPVE0xWVRneE5EQTJNV0ptWVRRMU16UmtPR0ZsTkdFNU5tVQ==';
const now = new Date(Date.UTC(2024, 0, 15, 8, 30, 0));
const common = { accessKeyId: AK, secretAccessKey: SK, region: 'cn-north-1', service: 'rtc', method: 'POST', host: 'rtc.volcengineapi.com', now };

describe('Volcengine signer (spec §2.9 vectors)', () => {
	test('intermediate keys', () => {
		const kDate = createHmac('sha256', SK).update('20240115').digest();
		const kRegion = createHmac('sha256', kDate).update('cn-north-1').digest();
		const kService = createHmac('sha256', kRegion).update('rtc').digest();
		expect(kDate.toString('hex')).toBe('dec61f32bf827f16f6948ee47f59f3631adcdb5a62dd80a9edcc5ab20e664fe2');
		expect(kRegion.toString('hex')).toBe('dfa67dea5d52541c183fb125da79b77989ac540074fd685530491451da63d427');
		expect(kService.toString('hex')).toBe('8af12b11bde977c1a7472d33029e55cbc4de06304ec8d79c2f4706e0382bae61');
		expect(deriveSigningKey(SK, '20240115', 'cn-north-1', 'rtc').toString('hex')).toBe(
			'40b47360c710422db2a7d10158dd3dba3fc8afa770acf6e032bd643b70c84759',
		);
	});

	test('TV1 — UserBroadcast, Node-SDK header set', () => {
		const body = '{"AppId":123456,"InboxType":0,"Sender":10001,"MsgTTL":3600,"MsgType":10001,"Content":"hello","TagOp":0,"Tags":["tag1:v1"],"Ext":{"k":"v"}}';
		const sig = signVolcengineRequest({ ...common, query: { Action: 'UserBroadcast', Version: '2020-12-01' }, body, signHost: false, signContentType: false });
		expect(sig.headers['X-Content-Sha256']).toBe('8e6c2e912fca28abfa9f28245cba9080541d9d530eea83337430a28952fbc9ce');
		expect(sig.canonicalRequest).toBe(
			'POST\n/\nAction=UserBroadcast&Version=2020-12-01\nx-content-sha256:8e6c2e912fca28abfa9f28245cba9080541d9d530eea83337430a28952fbc9ce\nx-date:20240115T083000Z\n\nx-content-sha256;x-date\n8e6c2e912fca28abfa9f28245cba9080541d9d530eea83337430a28952fbc9ce',
		);
		expect(sha256Hex(sig.canonicalRequest)).toBe('883357bc619e5fd30e2dafd144f2abe224a6457ff8efa4cf7dcc9ce3e0bcff66');
		expect(sig.headers.Authorization).toBe(
			'HMAC-SHA256 Credential=AKLTEXAMPLEACCESSKEYID000000000000/20240115/cn-north-1/rtc/request, SignedHeaders=x-content-sha256;x-date, Signature=35ee6485f76c47195e0a03ce2e582e424544ca6ae9b96cb34151ac91b4a5888a',
		);
	});

	test('TV2 — BatchSendMessage, UTF-8 body, Host signed, STS token', () => {
		const body = '{"AppId":123456,"Sender":10001,"Receiver":[20001,20002],"InboxType":0,"MsgType":10001,"Content":"你好","IsNormalUser":false}';
		const sig = signVolcengineRequest({
			...common, sessionToken: 'STSeyJFeGFtcGxlIjoidG9rZW4ifQ==', query: { Action: 'BatchSendMessage', Version: '2020-12-01' }, body, signContentType: false,
		});
		expect(sig.headers['X-Content-Sha256']).toBe('bcee0d972d9cf7b6d072ba07cfab641655c17b5140e72aad74c48d574141034c');
		expect(sha256Hex(sig.canonicalRequest)).toBe('f0422e23d11499ed41172baf048196f9a8d28f270bb82a3405564c353988f922');
		expect(sig.headers['X-Security-Token']).toBe('STSeyJFeGFtcGxlIjoidG9rZW4ifQ==');
		expect(sig.headers.Authorization).toBe(
			'HMAC-SHA256 Credential=AKLTEXAMPLEACCESSKEYID000000000000/20240115/cn-north-1/rtc/request, SignedHeaders=host;x-content-sha256;x-date;x-security-token, Signature=aa305c1f96879258b1dcc45d5e182ac64b706d3106628bd075ece2e132857d98',
		);
	});

	test('TV3 — BatchUpdateUserTags, recommended header set (what the node sends)', () => {
		const body = '{"AppId":123456,"InboxType":0,"UserTags":[{"UserId":10001,"Tags":{"level":"vip"}}],"Op":0}';
		const sig = signVolcengineRequest({ ...common, query: { Action: 'BatchUpdateUserTags', Version: '2020-12-01' }, body });
		expect(sig.headers['X-Content-Sha256']).toBe('4391a6b996ba891264acb28e03c3bfcb2a856e4c0aee01cb2871e4f8883acc87');
		expect(sig.stringToSign).toBe(
			'HMAC-SHA256\n20240115T083000Z\n20240115/cn-north-1/rtc/request\nc3cb5f9d2fcb064d5dbb146c4550c37436e4d6dadb4a8db29462916683b3270e',
		);
		expect(sig.headers.Authorization).toBe(
			'HMAC-SHA256 Credential=AKLTEXAMPLEACCESSKEYID000000000000/20240115/cn-north-1/rtc/request, SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=f47afa4ffad459293e53ace58115225e33a2cd2524b56e744fdd37bdfea6e936',
		);
		expect(sig.headers).toMatchObject({ Host: 'rtc.volcengineapi.com', 'Content-Type': 'application/json', 'X-Date': '20240115T083000Z' });
	});

	test('canonical query: RFC 3986, sorted, spaces as %20', () => {
		expect(canonicalQueryString({ b: 'x y', a: "it's*", Version: '2020-12-01', Action: 'A' })).toBe(
			"Action=A&Version=2020-12-01&a=it%27s%2A&b=x%20y",
		);
	});
	test('X-Date: UTC, zero-padded, no milliseconds', () => {
		expect(formatXDate(new Date(Date.UTC(2026, 0, 5, 3, 4, 5, 678)))).toBe('20260105T030405Z');
		expect(formatXDate(new Date(Date.UTC(2026, 11, 31, 23, 59, 59, 999)))).toBe('20261231T235959Z');
	});

	test('the memoised signing key: the same signature as a fresh derivation; another secret, day or region gives another', () => {
		const body = '{"AppId":1}';
		const query = { Action: 'BatchGetUser', Version: '2020-12-01' };
		const expected = (secret: string, at: Date, region: string) => {
			const x = formatXDate(at);
			const sig = signVolcengineRequest({ ...common, secretAccessKey: secret, now: at, region, query, body });
			const key = deriveSigningKey(secret, x.slice(0, 8), region, 'rtc');
			return [sig.signature, createHmac('sha256', key).update(sig.stringToSign).digest('hex')];
		};
		const day2 = new Date(Date.UTC(2024, 0, 16, 0, 0, 1));
		for (const [secret, at, region] of [
			[SK, now, 'cn-north-1'],
			[SK, now, 'cn-north-1'],
			['another-secret', now, 'cn-north-1'],
			[SK, day2, 'cn-north-1'],
			[SK, now, 'ap-singapore-1'],
		] as Array<[string, Date, string]>) {
			const [got, want] = expected(secret, at, region);
			expect(got).toBe(want);
		}
		// more distinct keys than the memo holds: still right
		for (let i = 0; i < 40; i++) {
			const [got, want] = expected(`secret-${i}`, now, 'cn-north-1');
			expect(got).toBe(want);
		}
	});
});

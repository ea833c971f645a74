import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	applyStrategies,
	parseCertificateList,
	parseListedDate,
	selectMessages,
	storeAsList,
	subjectMatches,
	MAX_INPUT,
} from '../../../src/core/select/index.ts';
import { selectCertificate } from '../../../samples/operations/select-certificate.ts';
import {
	SCRIPT_START,
	renewalEvent,
	simulate,
	workshopConfig,
	workshopVault,
} from '../../../src/core/simulate/index.ts';
import { selectionCases, thumbprints } from './cases.ts';

const fixture = (name: string) =>
	readFileSync(new URL(`../../fixtures/select/${name}`, import.meta.url), 'utf8');
const asUtc = (iso: string) => Date.parse(`${iso}Z`);

describe('parseCertificateList', () => {
	test('real Format-List output with mixed date cultures', () => {
		const { certificates } = parseCertificateList(fixture('format-list-mixed-cultures.txt'));
		expect(certificates.map((c) => c.thumbprint)).toEqual([
			'D4DE20D05E66FC53FE1A50882C78DB2852CAE474',
			'DF3C24F9BFD666761B268073FE06D1CC8D4F82A4',
		]);
		expect(certificates[0]!.notBefore).toEqual({
			kind: 'date',
			value: Date.UTC(2000, 4, 12, 11, 46),
			text: '5/12/2000 11:46:00 AM',
		});
		expect(certificates[0]!.notAfter?.kind === 'date' && certificates[0]!.notAfter.value).toBe(
			Date.UTC(2025, 4, 12, 16, 59)
		);
		expect(certificates[1]!.notBefore?.kind).toBe('ambiguous');
		expect(certificates[1]!.notAfter).toMatchObject({
			kind: 'date',
			value: Date.UTC(2038, 0, 15, 14, 0),
		});
		expect(certificates[1]!.friendlyName).toBe('DigiCert Global Root G2');
		expect(certificates[1]!.hasPrivateKey).toBeUndefined();
	});

	test('values wrapped onto indented lines are joined', () => {
		const [c] = parseCertificateList(fixture('format-list-wrapped.txt')).certificates;
		expect(c!.subject).toBe(
			'CN="Example Signing, Inc.", O="Example Signing, Inc.", L=Seattle, S=Washington, C=US, OID.2.5.4.15=Private Organization, OID.1.3.6.1.4.1.311.60.2.1.2=Delaware, OID.1.3.6.1.4.1.311.60.2.1.3=US'
		);
		expect(c!.issuer).toBe(
			'CN=DigiCert Trusted G4 Code Signing RSA4096 SHA384 2021 CA1, O="DigiCert, Inc.", C=US'
		);
		expect(c!.notAfter).toMatchObject({ kind: 'date', value: Date.UTC(2026, 9, 16, 23, 59, 59) });
		expect(c!.notBefore).toMatchObject({ kind: 'date', value: Date.UTC(2023, 10, 2, 0, 0, 0) });
	});

	test('dates: ja-JP, 12 AM/PM, impossible dates', () => {
		expect(parseListedDate('2026/01/05 9:00:00')).toMatchObject({ value: Date.UTC(2026, 0, 5, 9) });
		expect(parseListedDate('1/5/2026 12:30:00 AM')).toMatchObject({
			value: Date.UTC(2026, 0, 5, 0, 30),
		});
		expect(parseListedDate('1/5/2026 12:30:00 PM')).toMatchObject({
			value: Date.UTC(2026, 0, 5, 12, 30),
		});
		expect(parseListedDate('2/30/2026 9:00:00 AM').kind).toBe('unreadable');
		expect(parseListedDate('yesterday').kind).toBe('unreadable');
	});

	test('hostile input: huge and binary-looking text is bounded and never throws', () => {
		const huge = 'Thumbprint : ' + 'A'.repeat(40) + '\n' + 'x'.repeat(MAX_INPUT + 10);
		const result = parseCertificateList(huge);
		expect(result.truncated).toBe(true);
		expect(result.certificates).toHaveLength(1);
		expect(parseCertificateList('\u0000\uffff:::\n   : \nSubject :').certificates).toEqual([]);
		const many = Array.from(
			{ length: 6000 },
			(_, i) => `Thumbprint : ${String(i).padStart(40, '0')}`
		).join('\n\n');
		expect(parseCertificateList(many).certificates).toHaveLength(5000);
	});

	test('a thumbprint that is not 40 hex characters is reported by line', () => {
		const result = parseCertificateList('Subject : CN=a\nThumbprint : 12AB\n');
		expect(result.certificates[0]!.thumbprint).toBeUndefined();
		expect(result.skippedLines).toEqual([2]);
	});
});

describe('strategies on the shared cases', () => {
	test.each(selectionCases)('$name', (c) => {
		const { certificates } = parseCertificateList(c.listing);
		const results = applyStrategies({ certificates, subject: c.subject, now: asUtc(c.now) });
		const pick = (id: string) => {
			const r = results.find((x) => x.strategy === id)!;
			return r.picked === undefined ? null : certificates[r.picked]!.thumbprint;
		};
		expect(pick('valid-now-newest')).toBe(c.expected);
		expect(pick('first-match')).toBe(c.firstMatch);
	});

	test.each(selectionCases)('the TypeScript sample agrees: $name', (c) => {
		const { certificates } = parseCertificateList(c.listing);
		const input = certificates.map((x) => ({
			subject: x.subject!,
			thumbprint: x.thumbprint!,
			notBefore: new Date(x.notBefore?.kind === 'date' ? x.notBefore.value : NaN),
			notAfter: new Date(x.notAfter?.kind === 'date' ? x.notAfter.value : NaN),
			hasPrivateKey: x.hasPrivateKey,
		}));
		expect(selectCertificate(input, c.subject, new Date(asUtc(c.now)))?.thumbprint ?? null).toBe(
			c.expected
		);
	});

	test('reasons and warnings: newest NotBefore picks a certificate that is not valid yet', () => {
		const c = selectionCases[1]!;
		const { certificates } = parseCertificateList(c.listing);
		const results = applyStrategies({ certificates, subject: c.subject, now: asUtc(c.now) });
		const newest = results.find((r) => r.strategy === 'newest-not-before')!;
		expect(certificates[newest.picked!]!.thumbprint).toBe(thumbprints.future);
		expect(newest.warnings).toContain('notYetValid');
		const first = applyStrategies({
			certificates: parseCertificateList(selectionCases[0]!.listing).certificates,
			subject: c.subject,
			now: asUtc(c.now),
		})[0]!;
		expect(first.warnings).toEqual(['orderNotGuaranteed', 'expired', 'notNewest']);
		for (const lang of ['ja', 'en'] as const)
			expect(selectMessages.reason[newest.reason.id][lang]).toBeTruthy();
	});

	test('pinned thumbprint: found before the cleanup, missing after', () => {
		const { certificates } = parseCertificateList(selectionCases[0]!.listing);
		const now = asUtc('2026-03-01T12:00:00');
		const pinned = (list: typeof certificates) =>
			applyStrategies({
				certificates: list,
				subject: 'www.contoso.test',
				now,
				pinnedThumbprint: thumbprints.old.toLowerCase(),
			}).at(-1)!;
		expect(pinned(certificates).reason.id).toBe('pinFound');
		expect(pinned(certificates).warnings).toContain('expired');
		expect(pinned(certificates.slice(1)).reason.id).toBe('pinMissing');
	});

	test('subject match by CN or whole DN', () => {
		expect(subjectMatches('CN=www.contoso.test, O=Contoso', 'www.contoso.test')).toBe(true);
		expect(subjectMatches('CN=www.contoso.test, O=Contoso', 'CN=www.contoso.test')).toBe(false);
		expect(
			subjectMatches('CN = www.contoso.test,O=Contoso', 'cn=www.contoso.test, o=contoso')
		).toBe(true);
	});

	test("the simulator's store after a renewal: the recommended rule takes the renewed certificate", () => {
		const renew = renewalEvent(3700, 2);
		const sim = simulate({
			config: workshopConfig('windows', '3.0'),
			vault: workshopVault(),
			events: [renew],
			start: SCRIPT_START,
			polls: 3,
		});
		const store = storeAsList(sim.polls[2]!.certificates);
		const results = applyStrategies({
			certificates: store,
			subject: 'www.contoso.test',
			now: (SCRIPT_START + 7300) * 1000,
		});
		const recommended = results.find((r) => r.strategy === 'valid-now-newest')!;
		expect(store[recommended.picked!]!.thumbprint).toBe(
			renew.kind === 'new-version' ? renew.version.thumbprint : ''
		);
		expect(store[results[0]!.picked!]!.thumbprint).not.toBe(store[recommended.picked!]!.thumbprint);
	});
});

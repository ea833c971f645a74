import { describe, expect, test } from 'vitest';
import { translatorFor } from '../../../src/core/i18n/index.ts';
import { uiStrings } from '../../../src/core/i18n/ui-strings.ts';
import { numberVersions } from '../../../src/core/thumbprint/compare-versions.ts';
import type { VaultCertificateVersion } from '../../../src/core/thumbprint/types.ts';
import {
	fileErrorKey,
	fileMatch,
	onVmCells,
	pasteResult,
	versionRows,
} from '../../../src/components/widgets/thumbprint/versions-view.ts';

const t = { ja: translatorFor(uiStrings('ja'), 'ja'), en: translatorFor(uiStrings('en'), 'en') };
const hex = (c: string, n = 40) => c.repeat(n);
const NOW = Date.UTC(2026, 6, 1);
const version = (
	n: number,
	options: Partial<VaultCertificateVersion> = {}
): Omit<VaultCertificateVersion, 'ordinal'> => ({
	version: String(n).repeat(32),
	enabled: true,
	created: new Date(Date.UTC(2025, n, 1)).toISOString(),
	notBefore: new Date(Date.UTC(2025, n, 1)).toISOString(),
	expires: new Date(Date.UTC(2026, n, 1)).toISOString(),
	subject: 'CN=www.contoso.test, O=Contoso',
	sans: ['DNS:www.contoso.test'],
	sha1: hex('ABCDEF'[n % 6]!),
	sha256: hex('ABCDEF'[n % 6]!, 64),
	x5t: '',
	current: false,
	...options,
});
// 1 expired, 2 disabled, 3 current; 4 (a later issue) not valid yet.
const versions = numberVersions([
	version(1, { sha1: hex('A'), sha256: hex('A', 64) }),
	version(7, { enabled: false, sha1: hex('B'), sha256: hex('B', 64) }),
	version(9, {
		current: true,
		sha1: hex('C'),
		sha256: hex('C', 64),
		expires: new Date(Date.UTC(2027, 9, 1)).toISOString(),
	}),
	version(10, {
		sha1: hex('D'),
		sha256: hex('D', 64),
		notBefore: new Date(Date.UTC(2026, 11, 1)).toISOString(),
		expires: new Date(Date.UTC(2027, 11, 1)).toISOString(),
	}),
]);
const byOrdinal = (n: number) => versions.find((v) => v.ordinal === n)!;

describe('versions table', () => {
	test('each version: name, only the unusual states, dates, subject and both hashes', () => {
		const rows = versionRows(versions, NOW, t.en);
		expect(rows.map((r) => r.name)).toEqual(['Version 4', 'Version 3', 'Version 2', 'Version 1']);
		const [future, current, disabled, expired] = rows;
		expect(current).toMatchObject({
			badges: [{ text: 'current version', tone: 'current' }],
			dates: ['2025-10-01', '2027-10-01'],
			subject: 'CN=www.contoso.test, O=Contoso',
			sha1: hex('C'),
		});
		expect(current!.validity).toBeUndefined();
		expect(disabled!.badges).toEqual([{ text: 'disabled in Key Vault', tone: 'disabled' }]);
		expect(future!.validity).toEqual({ text: 'not yet valid', tone: 'future' });
		expect(expired).toMatchObject({ badges: [], validity: { text: 'expired', tone: 'expired' } });
	});

	test('Japanese: an expired version never reads "有効" (valid) beside "期限切れ" (expired)', () => {
		const rows = versionRows(versions, NOW, t.ja);
		for (const row of rows) {
			const words = [...row.badges, ...(row.validity ? [row.validity] : [])].map((b) => b.text);
			if (words.includes('期限切れ')) expect(words).toEqual(['期限切れ']);
			expect(words).not.toContain('有効');
		}
		expect(rows[2]!.badges[0]!.text).toBe('Key Vault で無効');
		expect(rows[1]!.badges[0]!.text).toBe('現在のバージョン');
	});
});

describe('pasted VM output', () => {
	test('nothing pasted: no verdict, every version not compared', () => {
		const result = pasteResult('  \n', versions, t.en);
		expect(result).toEqual({ unknown: [] });
		expect([...onVmCells(versions, result.comparison, t.en).values()]).toEqual(
			versions.map(() => ({ text: '—' }))
		);
	});

	test('past 10,000 values: the first are compared and a notice says the rest were not, ja and en', () => {
		const many = Array.from({ length: 10_001 }, (_, i) =>
			i.toString(16).padStart(40, '0').toUpperCase()
		).join('\n');
		const en = pasteResult(`${byOrdinal(3).sha1}\n${many}`, versions, t.en);
		expect(en.limitNotice).toBe(
			'Only the first 10,000 thumbprints in the pasted text were read; the rest are not compared.'
		);
		expect(en.verdict?.kind).toBe('ok');
		expect(pasteResult(many, [], t.ja).limitNotice).toBe(
			'貼り付けたテキストの先頭から 10,000 件までの拇印だけを読み取りました。それより後の拇印は照合していません。'
		);
		expect(pasteResult(many.slice(0, 41 * 9_999), versions, t.en).limitNotice).toBeUndefined();
	});

	test('current installed: a match, installed rows marked', () => {
		const result = pasteResult(`${byOrdinal(3).sha1}\n${byOrdinal(2).sha1}`, versions, t.en);
		expect(result.verdict).toEqual({
			kind: 'ok',
			word: 'Match:',
			sentence: 'The VM has versions 2 and 3; 3 is current.',
		});
		const cells = onVmCells(versions, result.comparison, t.en);
		expect(cells.get(byOrdinal(3).version)).toEqual({ text: '✓ installed', mark: 'installed' });
		expect(cells.get(byOrdinal(1).version)).toEqual({ text: 'not found' });
	});

	test('current missing and an unknown certificate: a warning, the current row marked, the stranger listed', () => {
		const result = pasteResult(
			`Thumbprint : ${byOrdinal(1).sha1}\n${hex('F')}   CN=other`,
			versions,
			t.ja
		);
		expect(result.verdict?.kind).toBe('warn');
		expect(result.verdict?.word).toBe('要確認:');
		expect(result.verdict?.sentence).toMatch(
			/^VM にはバージョン 1 がありますが、現在のバージョン 3 はありません。/
		);
		expect(result.unknown.map((u) => u.hex)).toEqual([hex('F')]);
		expect(onVmCells(versions, result.comparison, t.ja).get(byOrdinal(3).version)).toEqual({
			text: '見つかりません',
			mark: 'missing-current',
		});
	});

	test('one thumbprint before fetching: counted in the singular, asks to fetch', () => {
		const result = pasteResult(hex('A'), [], t.en);
		expect(result.verdict).toEqual({
			kind: 'info',
			word: 'Note:',
			sentence:
				'1 thumbprint found in the pasted text. Fetch the versions from the vault to compare.',
		});
		expect(pasteResult(`${hex('A')}\n${hex('B')}`, [], t.en).verdict?.sentence).toMatch(
			/^2 thumbprints found/
		);
	});

	test('no thumbprint, or a cut-off one', () => {
		expect(pasteResult('hello', versions, t.en).verdict).toEqual({
			kind: 'info',
			word: 'Note:',
			sentence: 'No thumbprint was found in the pasted text.',
		});
		expect(
			pasteResult(`Thumbprint : ${'0123456789ABCDEF'.repeat(2).slice(0, 30)}`, versions, t.en)
				.verdict?.sentence
		).toContain('30 of 40 hex digits');
	});
});

describe('certificate files', () => {
	test('what a file matches, once versions are fetched', () => {
		expect(fileMatch(hex('A'), [], 'webcert', t.en)).toBeUndefined();
		expect(fileMatch(byOrdinal(2).sha1, versions, 'webcert', t.en)).toBe(
			'This is version 2 of webcert.'
		);
		expect(fileMatch(hex('Z'), versions, 'webcert', t.ja)).toBe(
			'この証明書は webcert のバージョンではありません。'
		);
	});

	test('each reader error has its message, unknown ones read as "not a certificate"', () => {
		expect(fileErrorKey('password-required')).toBe('kvcert.thumbprint.file.passwordEnter');
		expect(fileErrorKey('wrong-password')).toBe('kvcert.thumbprint.file.wrongPasswordEnter');
		expect(fileErrorKey('too-large')).toBe('kvcert.thumbprint.file.tooLarge');
		expect(fileErrorKey('not-a-certificate')).toBe('kvcert.thumbprint.file.notCertificate');
		expect(fileErrorKey('??')).toBe('kvcert.thumbprint.file.notCertificate');
		for (const code of ['password-required', 'wrong-password', 'too-large', 'not-a-certificate'])
			expect(uiStrings('ja')).toHaveProperty([fileErrorKey(code)]);
	});
});

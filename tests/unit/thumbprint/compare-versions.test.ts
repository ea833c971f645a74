import { describe, expect, it } from 'vitest';
import en from '../../../content/i18n/en.json' with { type: 'json' };
import ja from '../../../content/i18n/ja.json' with { type: 'json' };
import { compareVersions, numberVersions } from '../../../src/core/thumbprint/compare-versions.ts';
import { describeComparison } from '../../../src/core/thumbprint/describe-comparison.ts';
import { findThumbprints } from '../../../src/core/thumbprint/find-thumbprints.ts';
import { translatorFor } from '../../../src/core/i18n/index.ts';
import type { VaultCertificateVersion } from '../../../src/core/thumbprint/types.ts';

const hex = (c: string, n = 40) => c.repeat(n);
const version = (n: number, current = false): Omit<VaultCertificateVersion, 'ordinal'> => ({
	version: String(n).repeat(32),
	enabled: true,
	created: new Date(Date.UTC(2026, n, 1)).toISOString(),
	notBefore: new Date(Date.UTC(2026, n, 1)).toISOString(),
	expires: new Date(Date.UTC(2027, n, 1)).toISOString(),
	subject: 'CN=www.contoso.test',
	sans: ['DNS:www.contoso.test'],
	sha1: hex(String.fromCharCode(64 + n)),
	sha256: hex(String.fromCharCode(64 + n), 64),
	x5t: '',
	current,
});
// Given oldest-last to prove numbering sorts by creation time.
const versions = numberVersions([version(3, true), version(1), version(2)]);
const enT = translatorFor(en, 'en');
const jaT = translatorFor(ja, 'ja');

describe('numberVersions', () => {
	it('numbers from the oldest and returns newest first', () => {
		expect(versions.map((v) => [v.ordinal, v.sha1[0]])).toEqual([
			[3, 'C'],
			[2, 'B'],
			[1, 'A'],
		]);
	});
});

describe('compareVersions and describeComparison', () => {
	it('the VM has versions 2 and 3; 3 is current', () => {
		const pasted = findThumbprints(`Thumbprint                                Subject
----------                                -------
${hex('B')}  CN=www.contoso.test
${hex('C')}  CN=www.contoso.test`);
		const result = compareVersions(versions, pasted);
		expect(result.installedVersions.map((v) => v.ordinal)).toEqual([2, 3]);
		expect(result.currentInstalled).toBe(true);
		expect(result.versions.map((r) => r.installed)).toEqual([true, true, false]);
		expect(describeComparison(result, enT)).toBe('The VM has versions 2 and 3; 3 is current.');
		expect(describeComparison(result, jaT)).toBe(
			'VM にはバージョン 2、3 があります。現在のバージョンは 3 です。'
		);
	});

	it('matches SHA-256 too, and reports unknown VM certificates once each', () => {
		const pasted = findThumbprints(`${hex('A', 64)}\n${hex('D')}\n${hex('D')}\n${hex('E')}`);
		const result = compareVersions(versions, pasted);
		expect(result.installedVersions.map((v) => v.ordinal)).toEqual([1]);
		expect(result.unknownOnVm.map((t) => t.hex)).toEqual([hex('D'), hex('E')]);
		expect(result.currentInstalled).toBe(false);
		expect(describeComparison(result, enT)).toBe(
			'The VM has version 1, but not the current version 3. 2 certificates on the VM are not versions of this certificate.'
		);
	});

	it('says when nothing matches and when nothing was pasted', () => {
		const none = compareVersions(versions, findThumbprints(hex('F')));
		expect(describeComparison(none, enT)).toBe(
			'The VM has none of the versions in the vault; the current version is 3. 1 certificate on the VM is not a version of this certificate.'
		);
		expect(describeComparison(compareVersions(versions, []), jaT)).toBe(
			'貼り付けたテキストに拇印が見つかりません。'
		);
	});

	it('joins three versions naturally in each language', () => {
		const result = compareVersions(
			versions,
			findThumbprints(`${hex('A')} ${hex('B')} ${hex('C')}`)
		);
		expect(describeComparison(result, enT)).toBe('The VM has versions 1, 2 and 3; 3 is current.');
		expect(describeComparison(result, jaT)).toBe(
			'VM にはバージョン 1、2、3 があります。現在のバージョンは 3 です。'
		);
	});
});

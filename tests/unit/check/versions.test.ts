import { describe, expect, it } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';
import { expectFinding, expectNone, extension } from './helpers.ts';

/** Issue 20: published minor versions are accepted, invented ones refused (core/extension/versions.ts). */
describe('typeHandlerVersion minor versions', () => {
	it.each([
		['Linux', '2.2'],
		['Windows', '3.1'],
		['Windows', '3.6'],
	] as const)('accepts %s %s', (os, version) => {
		const result = expectNone(extension({ os, version: `"${version}"` }), 'KV003');
		expect(result.extensionCount).toBe(1);
	});

	it('refuses a Windows minor version missing from the published list, naming the ones that exist', () => {
		const finding = expectFinding(
			extension({ os: 'Windows', version: '⟦"3.4"⟧' }),
			'KV003',
			'error'
		);
		expect(finding.message).toBe(
			'There is no version 3.4 of the Windows Key Vault VM extension (it is not in the published list of versions); use one of 3.0, 3.1, 3.2, 3.3, 3.6.'
		);
	});

	it('warns about a Linux minor version no source shows (no full Linux listing is known)', () => {
		expectFinding(extension({ os: 'Linux', version: '⟦"3.1"⟧' }), 'KV003', 'warning');
	});

	it('still refuses a major version that does not exist', () => {
		expectFinding(extension({ os: 'Windows', version: '⟦"2.0"⟧' }), 'KV003', 'error');
	});

	it('reads a minor version as its major for the other rules (Linux 2.2: string list, 1.0/2.0 schema)', () => {
		const result = checkSync(
			extension({
				os: 'Linux',
				version: '"2.2"',
				observed: '[ "https://kvprod.vault.azure.net/secrets/web" ]',
			})
		);
		expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['KV004']);
	});
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits, checkSync } from '../../../src/core/check/index.ts';

const file = 'az-one-dash-docs-70192.ps1';
const text = readFileSync(new URL(`../../fixtures/real-world/${file}`, import.meta.url), 'utf8');

/** KV053 on the docs example of MicrosoftDocs/azure-docs#70192 (sources in JUDGEMENTS.md). */
describe('az options typed with one dash (KV053)', () => {
	it('reports each one at its place, reads it as meant, and checks the rest', () => {
		const result = checkSync(text, { path: file });
		expect(result.extensionCount).toBe(1);
		expect(
			result.diagnostics.map(
				(d) =>
					`${d.ruleId} ${d.severity} ${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`
			)
		).toEqual(['KV053 error 2:26-2:31', 'KV053 error 4:6-4:21']);
	});

	it('fixes them by adding the dash, after which nothing is left', () => {
		const result = checkSync(text, { path: file });
		const fixed = applyEdits(
			text,
			result.diagnostics.flatMap((d) => d.fix?.edits ?? [])
		).text;
		expect(fixed).toContain('az vm extension set --name "KeyVaultForWindows"');
		expect(fixed).toContain('--resource-group "rg-web"');
		expect(checkSync(fixed, { path: file }).diagnostics).toEqual([]);
	});

	it('leaves PowerShell cmdlets alone (one dash is theirs)', () => {
		const ps = `Set-AzVMExtension -ResourceGroupName rg -VMName vm1 -Name KeyVaultForWindows -Publisher Microsoft.Azure.KeyVault -Type KeyVaultForWindows -TypeHandlerVersion "3.0" -SettingString '{"secretsManagementSettings": {"pollingIntervalInS": "3600", "observedCertificates": [{"url": "https://kvprod.vault.azure.net/secrets/web", "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine"}]}}'`;
		expect(checkSync(ps).diagnostics.filter((d) => d.ruleId === 'KV053')).toEqual([]);
	});
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Issue 24 (security review 2026-12-07): R7 — one hostile file ended the whole run ("internal
// error … RangeError", rc 2, no SARIF for the other files); T9/N7 — a template with a 1,001-deep
// tag was not read at all and passed the default gate with exit 0.
const bin = new URL('../../bin/kvcert.mjs', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'kvcert-budgets-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const kvcert = (args: string[]) =>
	spawnSync(process.execPath, [bin, ...args], {
		cwd: temp,
		encoding: 'utf8',
		env: { ...process.env, LANG: 'en_US.UTF-8', KVCERT_LANG: '' },
		timeout: 60_000,
	});

/** A template with three errors, and `tag` as the value of a tag. */
const template = (tag: string) =>
	`{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","resources":[{"type":"Microsoft.Compute/virtualMachines/extensions","apiVersion":"2024-07-01","name":"vm/kv","tags":{"t":${tag}},"properties":{"publisher":"Microsoft.Azure.KeyVault","type":"KeyVaultForWindows","typeHandlerVersion":"1.0","settings":{"secretsManagementSettings":{"pollingIntervalInS":"5","observedCertificates":["http://x"]}}}}]}`;

describe('kvcert check within the budget', () => {
	it('checks every file and writes SARIF when one script doubles its variables (R7)', () => {
		let ps = '$v0 = "ab"\n';
		for (let i = 0; i < 28; i++) ps += `$v${i + 1} = "$v${i}$v${i}"\n`;
		ps +=
			'Set-AzVMExtension -ResourceGroupName rg -VMName vm -Name kv -Publisher Microsoft.Azure.KeyVault -ExtensionType KeyVaultForWindows -TypeHandlerVersion 3.0 -SettingString "{\\"secretsManagementSettings\\":{\\"pollingIntervalInS\\":\\"$v28\\"}}"\n';
		writeFileSync(join(temp, 'doubling.ps1'), ps);
		writeFileSync(join(temp, 'template.json'), template('"x"'));
		const run = kvcert([
			'check',
			'doubling.ps1',
			'template.json',
			'--format',
			'sarif',
			'--output',
			'out.sarif',
		]);
		expect(run.stderr).not.toMatch(/internal error/);
		expect(run.status).toBe(1);
		expect(existsSync(join(temp, 'out.sarif'))).toBe(true);
		const sarif = readFileSync(join(temp, 'out.sarif'), 'utf8');
		expect(sarif.length).toBeLessThan(1_000_000);
		const results = JSON.parse(sarif).runs[0].results as Array<{
			ruleId: string;
			locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
		}>;
		const files = new Set(
			results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)
		);
		expect([...files].sort()).toEqual(['doubling.ps1', 'template.json']);
	});

	it('fails the default gate on a template it refuses whole (T9)', () => {
		writeFileSync(join(temp, 'shallow.json'), template('[1]'));
		writeFileSync(join(temp, 'deep.json'), template(`${'['.repeat(1001)}${']'.repeat(1001)}`));
		expect(kvcert(['check', 'shallow.json']).status).toBe(1);
		const deep = kvcert(['check', 'deep.json']);
		expect(deep.stdout).toContain('error[KV051]: JSON nested deeper than 1,000 levels');
		expect(deep.status).toBe(1);
	});
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkIac } from './helpers.ts';

const folder = new URL('../../../fixtures/iac/', import.meta.url);

/** [fixture, expected "rule line:column" findings] — sources in tests/fixtures/iac/README.md. */
const cases: Array<[string, string[]]> = [
	// for_each: instances checked as one; version 1.0 is the module's fallback (try()), which
	// deploys unless the caller overrides it; the empty fallbacks ("") stay unknown.
	['caf-vmss-extension-key-vault.tf', ['KV051 5:3', 'KV004 10:74']],
	['caf-vm-extension-secret-id.tf', ['KV004 13:26', 'KV042 20:69']],
	['samuel-singh-existing-vm-for-loop.bicep', []],
	['learn-legacy-name-string-list.bicep', ['KV004 12:25']],
];

describe('real-world Bicep and Terraform shapes', () => {
	it.each(cases)('%s', async (file, expected) => {
		const result = await checkIac(readFileSync(new URL(file, folder), 'utf8'), file);
		expect(result.extensionCount).toBe(1);
		expect(
			result.diagnostics.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}`)
		).toEqual(expected);
	});
});

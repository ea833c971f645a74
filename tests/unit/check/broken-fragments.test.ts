import { describe, expect, it } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';

const summary = (text: string) =>
	checkSync(text).diagnostics.map(
		(d) => `${d.ruleId} ${d.severity} ${d.range.start.line}:${d.range.start.column}`
	);

/**
 * Issue 20: what people paste into issues is often cut off or holds a docs placeholder. What can
 * be read is read (and checked); the syntax errors are reported beside, at their place.
 */
describe('broken fragments', () => {
	it('reads a fragment cut off after a trailing comma (unbalanced)', () => {
		const text = '"secretsManagementSettings": {"pollingIntervalInS": 3600,\n';
		const result = checkSync(text);
		expect(result.extensionCount).toBe(1);
		expect(summary(text)).toEqual(['KV051 info 1:1', 'KV010 error 1:53', 'KV050 error 2:1']);
	});

	it('reads past a docs placeholder, reporting it as the syntax error it is', () => {
		const text =
			'"secretsManagementSettings": {\n  "pollingIntervalInS": <polling interval>,\n  "observedCertificates": [ "https://kv-web.vault.azure.net/secrets/web" ]\n}\n';
		const result = checkSync(text);
		expect(result.extensionCount).toBe(1);
		expect(summary(text)).toEqual(['KV051 info 1:1', 'KV050 error 2:25']);
	});

	it('recognises { name, properties: { settings } } by its settings, without publisher or type', () => {
		const text =
			'{\n  "name": "KeyVaultForLinux",\n  "properties": {\n    "settings": {\n      "secretsManagementSettings": { "pollingIntervalInS": 3600, "observedCertificates": [ "https://kv-web.vault.azure.net/secrets/web" ] }\n    }\n  }\n}\n';
		const result = checkSync(text);
		expect(result.extensionCount).toBe(1);
		expect(summary(text)).toEqual(['KV051 info 1:1', 'KV010 error 5:60']);
		expect(result.diagnostics[0]!.message).toBe(
			'Read as the properties object of an extension resource; positions are in the pasted text.'
		);
	});
});

import { describe, expect, it } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';
import { positionAt, createSource, lineText } from '../../../src/core/check/source.ts';

const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** A template whose extension's observedCertificates reads `expression`. */
function template(members: { variables?: string; parameters?: string }, expression: string) {
	return `{"$schema":"${schema}","parameters":{${members.parameters ?? ''}},"variables":{${members.variables ?? ''}},"resources":[{"type":"Microsoft.Compute/virtualMachines/extensions","name":"vm/kv","properties":{"publisher":"Microsoft.Azure.KeyVault","type":"KeyVaultForWindows","typeHandlerVersion":"3.0","settings":{"secretsManagementSettings":{"pollingIntervalInS":"3600","observedCertificates":[{"url":"${expression}","certificateStoreName":"MY","certificateStoreLocation":"LocalMachine"}]}}}}]}`;
}

/**
 * Checks a hostile text. No wall-clock bound (a flaky test is a defect): the test's timeout is the
 * hang guard, and what each test protects is asserted as counts (levels, findings, sizes). The
 * inputs are sized so that the unbounded work these limits replace (exponential doubling, a chain
 * walked once per reference) takes minutes, far past the 20 s timeout, while bounded work takes
 * milliseconds.
 */
function checked(text: string) {
	return checkSync(text);
}

describe('engine limits', () => {
	it.each([10_000, 100_000])('stops at 1,000 levels of JSON nesting (%i levels)', (depth) => {
		for (const text of [
			`{"resources":[${'['.repeat(depth)}${']'.repeat(depth)}]}`,
			`{"resources":[${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}]}`,
			`{"resources":[${'['.repeat(depth)}`,
		]) {
			// The 1,001st open bracket is where the limit is reached.
			let count = 0;
			let at = 0;
			for (; at < text.length; at++)
				if ((text[at] === '[' || text[at] === '{') && ++count > 1000) break;
			const result = checked(text);
			expect(
				result.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.range.start.offset}`)
			).toEqual([`KV051 error ${at}`]);
			expect(result.diagnostics[0]!.message).toBe(
				'JSON nested deeper than 1,000 levels: kvcert does not read this input (the limit is reached here).'
			);
			expect(checkSync(text, { lang: 'ja' }).diagnostics[0]!.message).toBe(
				'JSON の入れ子が 1,000 段を超えています。kvcert はこの入力を読みません (ここで上限を超えました)。'
			);
		}
	});

	it('reads nesting up to the limit', () => {
		const depth = 990;
		const text = template(
			{ variables: `"deep": ${'['.repeat(depth)}${']'.repeat(depth)}` },
			'https://kv-web.vault.azure.net/secrets/web'
		);
		const result = checked(text);
		expect(result.extensionCount).toBe(1);
		expect(result.diagnostics).toEqual([]);
	});

	it('turns a 10,000-long variable chain into unknown past the depth limit, with one warning', () => {
		const variables = ['"v0": "https://kv-web.vault.azure.net/secrets/web"'];
		for (let i = 1; i < 10_000; i++) variables.push(`"v${i}": "[variables('v${i - 1}')]"`);
		const result = checked(template({ variables: variables.join(',') }, "[variables('v9999')]"));
		expect(result.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['KV051 warning']);
		expect(result.diagnostics[0]!.message).toBe(
			'Variables, parameters and calls nest deeper than 512 levels: values beyond this point are treated as unknown.'
		);
		// A short chain is followed to its end: a /certificates/ URL is found through 50 variables.
		const short = ['"v0": "https://kv-web.vault.azure.net/certificates/web"'];
		for (let i = 1; i < 50; i++) short.push(`"v${i}": "[variables('v${i - 1}')]"`);
		expect(
			checkSync(template({ variables: short.join(',') }, "[variables('v49')]")).diagnostics.map(
				(d) => d.ruleId
			)
		).toEqual(['KV015']);
	});

	it('handles a 10,000-long parameter chain', () => {
		const parameters = [
			'"p0": {"type":"string","defaultValue":"https://kv-web.vault.azure.net/secrets/web"}',
		];
		for (let i = 1; i < 10_000; i++)
			parameters.push(`"p${i}": {"type":"string","defaultValue":"[parameters('p${i - 1}')]"}`);
		const result = checked(template({ parameters: parameters.join(',') }, "[parameters('p9999')]"));
		expect(result.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['KV051 warning']);
	});

	it('caps the doubling-variables blow-up: memoised, size-capped, fast', () => {
		const variables = ['"v0": "ab"'];
		for (let i = 1; i < 100; i++)
			variables.push(`"v${i}": "[concat(variables('v${i - 1}'), variables('v${i - 1}'))]"`);
		const text = template({ variables: variables.join(',') }, "[variables('v99')]");
		expect(text.length).toBeLessThan(7000);
		const result = checked(text);
		expect(result.diagnostics.filter((d) => d.ruleId === 'KV051').map((d) => d.message)).toEqual([
			'The evaluated value is too large (over 65,536 characters or 1,024 pieces): it is treated as unknown.',
		]);
		expect(
			checkSync(text, { lang: 'ja' }).diagnostics.find((d) => d.ruleId === 'KV051')!.message
		).toBe(
			'評価した値が大きすぎる (65,536 文字または 1,024 個の部分を超える) ため、「不明」として扱います。'
		);
	});

	it('does work in proportion to the repeated work: the same findings for each of 2,000 extensions', () => {
		const ext = (i: number) =>
			`{"type":"Microsoft.Compute/virtualMachines/extensions","name":"vm${i}/kv","properties":{"publisher":"Microsoft.Azure.KeyVault","type":"KeyVaultForWindows","typeHandlerVersion":"3.0","settings":{"secretsManagementSettings":{"pollingIntervalInS":"3600","observedCertificates":["[concat(variables('a'), variables('a'), variables('a'))]"]}}}}`;
		const build = (n: number) =>
			`{"$schema":"${schema}","variables":{"a":"[concat(variables('b'), variables('b'))]","b":"x"},"resources":[${Array.from({ length: n }, (_, i) => ext(i)).join(',')}]}`;
		// Counts, not time: each extension gets what one gets alone (variables resolved once each,
		// not re-walked per reference), and the 20 s timeout guards against a hang.
		const one = checkSync(build(1)).diagnostics.map((d) => d.ruleId);
		const many = checkSync(build(2000)).diagnostics.map((d) => d.ruleId);
		expect(one.length).toBeGreaterThan(0);
		expect(many.length).toBe(one.length * 2000);
	});
});

describe('line breaks', () => {
	it('counts CR-only, LF and CRLF line endings as line breaks for positions', () => {
		const source = createSource('x', 'a\rbb\r\ncc\nd');
		expect(positionAt(source, 2)).toEqual({ line: 2, column: 1, offset: 2 });
		expect(positionAt(source, 6)).toEqual({ line: 3, column: 1, offset: 6 });
		expect(positionAt(source, 9)).toEqual({ line: 4, column: 1, offset: 9 });
		expect([1, 2, 3, 4].map((n) => lineText(source, n))).toEqual(['a', 'bb', 'cc', 'd']);
	});

	it('places findings on the right line of a CR-only file', () => {
		const text = [
			'{',
			'  // a comment ended by a lone CR',
			'  "secretsManagementSettings": {',
			'    "pollingIntervalInS": 3600,',
			'    "observedCertificates": ["https://kv-web.vault.azure.net/secrets/web"]',
			'  }',
			'}',
		].join('\r');
		const finding = checkSync(text).diagnostics.find((d) => d.ruleId === 'KV010');
		expect(finding?.range.start).toMatchObject({ line: 4, column: 27 });
	});
});

import { describe, expect, it } from 'vitest';
import { marked } from '../helpers.ts';
import { bicep, checkIac } from './helpers.ts';

/**
 * Issue 20: tree-sitter-bicep 1.1.0 (the newest on npm) has no `extension` statement and no
 * spread; a construct the grammar does not know is a warning "not read" at its place (so that
 * `--fail-on warning` can stop it), never an error, and the rest of the file is checked. Bicep
 * `extension` declarations alone are valid and declare no VM extension: an info names them.
 */
describe('grammar gaps never fail a run', () => {
	// jdrepo/ALZ-Deploy workloads/workload-online1/app-compute.bicep:6 (rv20c #7): valid Bicep, so
	// an info naming the declaration, never "a syntax error" and never a warning.
	it('reads past extension statements and names them as not read, in an info', async () => {
		const { text, start } = marked(`⟦extension microsoftGraphV1⟧
extension 'br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:0.1.8-preview' as graph
extension kubernetes with {
  namespace: 'default'
} as k8s
${bicep({ version: "'3.0'" })}`);
		const result = await checkIac(text, 'main.bicep');
		expect(result.extensionCount).toBe(1);
		expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.range.start.line])).toEqual([
			['KV051', 'info', start.line],
		]);
		expect(result.diagnostics[0]!.message).toBe(
			'The Bicep extension declaration "extension microsoftGraphV1" was not read (kvcert’s Bicep grammar does not know extension statements); it declares no VM extension, and the rest of the file was checked.'
		);
		expect((await checkIac(text, 'main.bicep', { lang: 'ja' })).diagnostics[0]!.message).toBe(
			'Bicep 拡張機能の宣言 "extension microsoftGraphV1" は読み取っていません (kvcert の Bicep 文法は extension 文に対応していません)。この宣言は VM 拡張機能とは関係がありません。ファイルの残りは確認しました。'
		);
	});

	it('still warns when a syntax error follows an extension statement', async () => {
		const text = `extension microsoftGraphV1\nparam x int = 1 +\n${bicep({ version: "'3.0'" })}`;
		const result = await checkIac(text, 'main.bicep');
		expect(result.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual([
			'KV051 info',
			'KV051 warning',
		]);
	});

	it('reads past a spread and user-defined types, imports and lambdas the grammar knows', async () => {
		const text = `import { certs } from 'shared.bicep'
type store = 'MY' | 'Root'
var urls = map(certs, c => c.url)
var all = { a: 1, ...other }
${bicep()}`;
		const result = await checkIac(text, 'main.bicep');
		expect(result.extensionCount).toBe(1);
		expect(
			result.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.range.start.line}`)
		).toEqual(['KV051 warning 4']);
	});

	it('warns when the part not read holds a Key Vault extension', async () => {
		// The grammar cannot read a declaration without its `=`: the whole resource is not read.
		const text = `resource kv 'Microsoft.Compute/virtualMachines/extensions@2024-11-01' {
  name: 'vm1/kv'
  properties: { publisher: 'Microsoft.Azure.KeyVault', type: 'KeyVaultForLinux' }
}
`;
		const result = await checkIac(text, 'main.bicep');
		expect(result.extensionCount).toBe(0);
		expect(
			result.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.range.start.line}`)
		).toEqual(['KV051 warning 1']);
	});
});

import { describe, expect, it } from 'vitest';
import { marked } from '../helpers.ts';
import { bicep, checkIac } from './helpers.ts';

/**
 * Issue 20: tree-sitter-bicep 1.1.0 (the newest on npm) has no `extension` statement and no
 * spread; a construct the grammar does not know is an info "not read" at its place, never an
 * error, and the rest of the file is checked.
 */
describe('grammar gaps never fail a run', () => {
	it('reads past an extension statement and says where it stopped reading', async () => {
		const { text, start } = marked(`⟦extension microsoftGraphV1⟧\n${bicep({ version: "'3.0'" })}`);
		const result = await checkIac(text, 'main.bicep');
		expect(result.extensionCount).toBe(1);
		expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.range.start.line])).toEqual([
			['KV051', 'info', start.line],
		]);
		expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(false);
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
		).toEqual(['KV051 info 4']);
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

import { describe, expect, it } from 'vitest';
import { iacKindOfText } from '../../../src/core/check/input/iac-detect.ts';
import { editorLanguageOf } from '../../../src/components/widgets/checker/editor-language.ts';
import { checkIac } from './iac/helpers.ts';

// Issue 24, N2: guessing the kind of a pasted text (no .bicep/.tf path) rescanned every blank
// line from every line start: 50 KB of new lines took 16 s, and a 57-character share link (new
// lines compress well) kept the page's checker busy for 31 s. No wall-clock bound (a flaky test is
// a defect): at 200,000 lines that quadratic work would take minutes, linear work takes well under
// a second; the test's timeout is the hang guard.
describe('guessing the input kind stays linear', () => {
	it.each([
		['new lines', (n: number) => `${'\n'.repeat(n)}x`],
		['spaces and new lines', (n: number) => `${' \n'.repeat(n)}x`],
		['carriage returns', (n: number) => `${'\r'.repeat(n)}x`],
	])('%s, pasted and as .sh and .json files', { timeout: 60_000 }, async (_, shape) => {
		const large = shape(200_000);
		for (const path of [undefined, 'deploy.sh', 'azuredeploy.json'])
			// One finding each: the text is not a template (KV051), whatever it is read as.
			expect((await checkIac(large, path as string)).diagnostics.map((d) => d.ruleId)).toEqual([
				'KV051',
			]);
		expect(iacKindOfText(large)).toBeUndefined();
		expect(editorLanguageOf(large)).toBe(editorLanguageOf('x'));
	});

	it('still tells Bicep and Terraform after blank lines and indentation', () => {
		expect(
			iacKindOfText(`\n\n  \t\nresource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {}`)
		).toBe('bicep');
		expect(iacKindOfText(`\r\n\r\n  resource "azurerm_linux_virtual_machine" "vm" {\n}`)).toBe(
			'terraform'
		);
		expect(iacKindOfText(`\uFEFFparam name string`)).toBe('bicep');
		expect(iacKindOfText(`\n\nusing './main.bicep'\nparam x = 1`)).toBe('bicepparam');
		expect(iacKindOfText('\n'.repeat(10) + 'az vm extension set')).toBeUndefined();
	});
});

import { describe, expect, it } from 'vitest';
import { iacKindOfText } from '../../../src/core/check/input/iac-detect.ts';
import { editorLanguageOf } from '../../../src/components/widgets/checker/editor-language.ts';
import { checkIac } from './iac/helpers.ts';

// Issue 24, N2: guessing the kind of a pasted text (no .bicep/.tf path) rescanned every blank
// line from every line start: 50 KB of new lines took 16 s, and a 57-character share link (new
// lines compress well) kept the page's checker busy for 31 s. Time is compared between two sizes
// of the same text, never against a fixed figure: linear work takes about 10× for 10× the text,
// the old patterns 100×.
describe('guessing the input kind stays linear', () => {
	const fastest = async (run: () => unknown) => {
		let best = Infinity;
		for (let i = 0; i < 2; i++) {
			const start = performance.now();
			await run();
			best = Math.min(best, performance.now() - start);
		}
		return best;
	};

	it.each([
		['new lines', (n: number) => `${'\n'.repeat(n)}x`],
		['spaces and new lines', (n: number) => `${' \n'.repeat(n)}x`],
		['carriage returns', (n: number) => `${'\r'.repeat(n)}x`],
	])('%s, pasted and as .sh and .json files', async (_, shape) => {
		const [small, large] = [shape(5_000), shape(50_000)];
		for (const path of [undefined, 'deploy.sh', 'azuredeploy.json']) {
			const check = (text: string) => () => checkIac(text, path as string);
			await fastest(check(small));
			expect(await fastest(check(large))).toBeLessThan(
				Math.max(20, await fastest(check(small))) * 40
			);
		}
		const sniff = (text: string) => () => [iacKindOfText(text), editorLanguageOf(text)];
		expect(await fastest(sniff(large))).toBeLessThan(
			Math.max(20, await fastest(sniff(small))) * 40
		);
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

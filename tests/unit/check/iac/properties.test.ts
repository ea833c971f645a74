import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIac, bicep, terraform } from './helpers.ts';

/** Mutations of a valid file: cut, duplicate or insert punctuation at arbitrary places. */
const mutated = (base: string) =>
	fc
		.array(
			fc.record({
				at: fc.nat({ max: base.length }),
				cut: fc.nat({ max: 12 }),
				insert: fc.oneof(
					fc.constantFrom(
						'{',
						'}',
						'[',
						']',
						"'",
						'"',
						'${',
						'<<EOF\n',
						'\n',
						'=',
						':',
						'for x in y:',
						'\\'
					),
					fc.string({ maxLength: 8 })
				),
			}),
			{ maxLength: 6 }
		)
		.map((edits) =>
			edits.reduce((text, e) => text.slice(0, e.at) + e.insert + text.slice(e.at + e.cut), base)
		);

describe('Bicep and HCL readers never throw', () => {
	it('on mutated Bicep', async () => {
		await fc.assert(
			fc.asyncProperty(mutated(bicep()), async (text) => {
				const result = await checkIac(text, 'main.bicep');
				expect(Array.isArray(result.diagnostics)).toBe(true);
			}),
			{ numRuns: 150 }
		);
	});
	it('on mutated Terraform', async () => {
		await fc.assert(
			fc.asyncProperty(mutated(terraform()), async (text) => {
				const result = await checkIac(text, 'main.tf');
				expect(Array.isArray(result.diagnostics)).toBe(true);
			}),
			{ numRuns: 150 }
		);
	});
	it('on arbitrary text read as either', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.string({ unit: 'grapheme', maxLength: 300 }),
				fc.constantFrom('a.bicep', 'a.tf', 'a.bicepparam'),
				async (text, path) => {
					const result = await checkIac(text, path);
					expect(Array.isArray(result.diagnostics)).toBe(true);
				}
			),
			{ numRuns: 150 }
		);
	});
	it('reports what its grammar could not read, in its language, instead of no problems', async () => {
		const result = await checkIac(
			"resource vm 'Microsoft.Compute/virtualMachines@2024-11-01' = {\n  name: 'vm1'\n",
			'main.bicep',
			{ lang: 'ja' }
		);
		expect(
			result.diagnostics.some(
				(d) =>
					d.ruleId === 'KV051' &&
					d.severity === 'info' &&
					d.message.includes('kvcert の Bicep 文法ではこの部分を読めませんでした')
			)
		).toBe(true);
	});
	it('stays bounded on deep nesting', async () => {
		const deep = `var x = ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
		const result = await checkIac(deep, 'main.bicep');
		expect(result.extensionCount).toBe(0);
	});
});

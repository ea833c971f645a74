import { describe, expect, it } from 'vitest';
import { findingAt, marked } from '../helpers.ts';
import { bicep, checkIac } from './helpers.ts';

const syntax = {
	ja: 'kvcert の Bicep 文法ではこの部分を読めませんでした (文法が知らない構文か、構文エラーです)。この部分は確認していません。ファイルの残りは確認しました。',
	en: 'kvcert’s Bicep grammar could not read this part (a construct it does not know, or a syntax error): it was not checked; the rest of the file was.',
};

/** A .bicepparam file with every kind of value the Bicep grammar has no `param x =` syntax for. */
const valid = `using './main.bicep'

param vaultName = 'kv1'
param count = 1 + 2
param lower = toLower('KV1')
param choice = count > 2 ? 'a' : 'b'
param names = [for i in range(0, 2): 'vm-\${i}']
param fromEnvironment = readEnvironmentVariable('VAULT', 'kv1')
param settings = {
  pollingIntervalInS: '3600'
  urls: [ 'https://\${vaultName}\${environment().suffixes.keyvaultDns}/secrets/web' ]
}
param text = '''
param inside = 'a multi-line string'
'''
var suffix = '-prod'
param withVar = 'kv\${suffix}'
param nothing = null
param negative = -1
`;

describe('.bicepparam syntax errors', () => {
	it('reports nothing for a valid .bicepparam file (expressions, loops, multi-line strings, var)', async () => {
		const result = await checkIac(valid, 'main.bicepparam');
		expect(result.diagnostics.filter((d) => d.ruleId === 'KV051')).toEqual([]);
	});

	it.each(['ja', 'en'] as const)('reports a stray token where it is written (%s)', async (lang) => {
		const { text, start, end } = marked(
			"using './main.bicep'\n\nparam settings = {\n  a: 'x' ⟦)⟧\n}\nparam interval = '3600'\n"
		);
		const result = await checkIac(text, 'main.bicepparam', { lang });
		const found = findingAt(result, 'KV051', start, end);
		expect(found.file).toBe('main.bicepparam');
		expect(found.message).toBe(syntax[lang]);
	});

	it.each(['ja', 'en'] as const)(
		'reports a missing closing brace after the object it should close (%s)',
		async (lang) => {
			const text = "using './main.bicep'\n\nparam settings = {\n  a: 'x'\n\nparam other = 'y'\n";
			const result = await checkIac(text, 'main.bicepparam', { lang });
			const errors = result.diagnostics.filter((d) => d.ruleId === 'KV051');
			expect(errors.length).toBeGreaterThan(0);
			expect(errors.every((d) => d.message === syntax[lang])).toBe(true);
			// The object opened on line 3 is where reading went wrong, not line 1.
			expect(errors[0]!.range.start.line).toBeGreaterThanOrEqual(3);
		}
	);

	it.each(['ja', 'en'] as const)(
		'reports the syntax errors of the .bicepparam file given with a .bicep file, in that file (%s)',
		async (lang) => {
			const template = bicep({
				extra: "param interval string = '3600'",
				settings:
					"pollingIntervalInS: interval\n        observedCertificates: [ { url: 'https://kv1.vault.azure.net/secrets/web' } ]",
			});
			const { text, start, end } = marked(
				"using './main.bicep'\n\nparam interval = '3600'\nparam other = ⟦=⟧ 'y'\n"
			);
			const result = await checkIac(template, 'main.bicep', {
				lang,
				parameters: { path: 'main.bicepparam', text },
			});
			const found = findingAt(result, 'KV051', start, end);
			expect(found.file).toBe('main.bicepparam');
			expect(found.message).toBe(syntax[lang]);
			// The value before the error is still read: '3600' is a string, so no KV010.
			expect(result.diagnostics.filter((d) => d.ruleId === 'KV010')).toEqual([]);
		}
	);

	it('still reads values written as expressions in the .bicepparam file', async () => {
		const template = bicep({
			extra: "param interval string = '3600'",
			settings:
				"pollingIntervalInS: interval\n        observedCertificates: [ { url: 'https://kv1.vault.azure.net/secrets/web' } ]",
		});
		const { text, start, end } = marked(
			"using './main.bicep'\nparam count = 1 + 2\nparam lower = toLower('KV1')\nparam choice = count > 2 ? 'a' : 'b'\nparam interval = ⟦3600⟧\n"
		);
		const result = await checkIac(template, 'main.bicep', {
			parameters: { path: 'main.bicepparam', text },
		});
		expect(findingAt(result, 'KV010', start, end).file).toBe('main.bicepparam');
		expect(result.diagnostics.filter((d) => d.ruleId === 'KV051')).toEqual([]);
	});
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileGrammars } from '../../src/cli/grammars.ts';
import { maxInputBytes } from '../../src/cli/read-input.ts';
import { textChanges } from '../../src/components/widgets/checker/text-change.ts';
import { pathSegments } from '../../src/components/widgets/tables/cells.ts';
import { check } from '../../src/core/check/index.ts';
import { convertedVariable } from '../../src/core/check/input/command.ts';
import { normaliseDn } from '../../src/core/select/strategies.ts';
import { base64ToBytes } from '../../src/core/thumbprint/encoding.ts';
import { trimEnd } from '../../src/core/trim-end.ts';
import { withoutTrailingSlashes } from '../../src/emulator/http-helpers.ts';

// Issue 24: patterns that eslint-plugin-regexp found super-linear (no-super-linear-backtracking,
// no-super-linear-move), rewritten. Each is given the attack string the plugin names, at a small
// size and at one 100 to 1,000 times larger. The old patterns took seconds at a few thousand
// characters (quadratic or cubic: 3,000 spaces in a comment took 40 s), so the large size would
// run for minutes or hours; the rewritten code answers it in milliseconds. No timing is asserted:
// the test either finishes with the right answer or hits vitest's timeout.
const sizes = [1_000, 300_000];

describe('rewritten patterns answer adversarial input of any size', () => {
	it.each(sizes)('trailing runs that do not end the text (%i characters)', (n) => {
		// `/=+$/`, `/\/+$/`, `/[\r\n]+$/` on a long run followed by one other character.
		expect(trimEnd(`${'='.repeat(n)}x`, '=')).toHaveLength(n + 1);
		expect(trimEnd(`x${'/'.repeat(n)}`, '/')).toBe('x');
		expect(withoutTrailingSlashes(`${'/'.repeat(n)}x`)).toHaveLength(n + 1);
		expect(withoutTrailingSlashes(`/metadata${'/'.repeat(n)}`)).toBe('/metadata');
		expect(base64ToBytes(`QQ${'='.repeat(n)}Q`)).toBeUndefined();
		expect(base64ToBytes(`QQ${'='.repeat(n)}`)).toEqual(new Uint8Array([0x41]));
	});

	it.each(sizes)('a distinguished name with long runs of spaces (%i characters)', (n) => {
		// `/\s*([,=+])\s*/g`: every space of a run not next to a separator was a new attempt.
		expect(normaliseDn(`CN = a${' '.repeat(n)}b ,  O=x`)).toBe(`cn=a${' '.repeat(n)}b,o=x`);
		expect(normaliseDn(`${' '.repeat(n)}x`)).toBe('x');
	});

	it.each(sizes)('a --max-input-size with a long run of spaces (%i characters)', (n) => {
		// `/^\s*(\d+…)\s*([KMG]?)(?:i?B)?\s*$/`: two adjacent `\s*` when no unit is given.
		expect(() => maxInputBytes(`1${' '.repeat(n)}x`)).toThrow();
		expect(maxInputBytes(`${' '.repeat(n)}2 MiB${' '.repeat(n)}`)).toBe(2 * 1024 * 1024);
	});

	it.each(sizes)(
		'a suppression comment ending in a long run of spaces (%i characters)',
		async (n) => {
			// `/\s*\*?\s*$/` on the comment's body was cubic on spaces followed by anything else.
			const comment = `// kvcert-disable-next-line KV001${' '.repeat(n)}x`;
			const result = await check(`${comment}\n{}`, { path: 'a.json', lang: 'en' });
			expect(result.diagnostics.map((d) => d.ruleId)).toContain('KV060');
		}
	);

	it.each(sizes)(
		'a ConvertTo-Json value with a long unclosed variable name (%i characters)',
		(n) => {
			// `(\$\w+)[^)]*\)$`: the name and the rest shared word characters, quadratic on one word.
			const name = `$${'a'.repeat(n)}`;
			expect(convertedVariable(`(ConvertTo-Json ${name} -Depth 5`)).toBeUndefined();
			expect(convertedVariable(`(ConvertTo-Json ${name}`)).toBeUndefined();
			expect(convertedVariable(`(ConvertTo-Json -InputObject ${name} -Depth 5)`)).toBe(name);
			expect(convertedVariable(`(${name} | ConvertTo-Json -Depth 5)`)).toBe(name);
		}
	);

	// The same through a whole check, below the value budget (65,536 characters) over which a value
	// is not read at all: the old pattern took 2.4 s at 20,000 characters and 34 s at 80,000.
	it.each([1_000, 60_000])(
		'a PowerShell ConvertTo-Json value with a long unclosed variable name (%i characters)',
		async (n) => {
			// `(\$\w+)[^)]*\)$`: the name and the rest exchanged characters, quadratic on one word.
			const script =
				'Set-AzVMExtension -ResourceGroupName rg -VMName vm -Name kv -Publisher Microsoft.Azure.KeyVault' +
				' -ExtensionType KeyVaultForWindows -TypeHandlerVersion 3.0' +
				` -Settings (ConvertTo-Json $${'a'.repeat(n)} -Depth 5\n`;
			const result = await check(script, { path: 'a.ps1', lang: 'en', grammars: fileGrammars });
			expect(result.diagnostics.length).toBeGreaterThan(0);
		}
	);

	it.each(sizes)('the checker widget: lines and path segments (%i characters)', (n) => {
		const line = 'a'.repeat(n);
		const [before, after] = [`${line}\n${line}x`, `${line}\nb${line}`];
		let applied = before;
		for (const edit of textChanges(before, after).reverse())
			applied = applied.slice(0, edit.from) + edit.insert + applied.slice(edit.to);
		expect(applied === after).toBe(true);
		expect(pathSegments(`a${'/'.repeat(n)}b/c.d?e`)).toEqual([
			`a${'/'.repeat(n)}`,
			'b/',
			'c.',
			'd?',
			'e',
		]);
	});
});

describe('rewritten patterns keep their answers on ordinary input', () => {
	it('trims, splits and normalises as the patterns did', () => {
		expect(normaliseDn(' CN=web.contoso.com, O = Contoso + OU=IT ')).toBe(
			'cn=web.contoso.com,o=contoso+ou=it'
		);
		expect(pathSegments('https://a.example/b?c=d')).toEqual([
			'https://',
			'a.',
			'example/',
			'b?',
			'c=',
			'd',
		]);
		expect(pathSegments('')).toEqual([]);
		expect(maxInputBytes(' 64 KB ')).toBe(64 * 1024);
		expect(maxInputBytes('1.5G')).toBe(1.5 * 1024 ** 3);
		expect(trimEnd('line\r\n\r', '\r\n')).toBe('line');
		expect(withoutTrailingSlashes('/')).toBe('');
	});

	it('reads a suppression in a block comment with spaces before its end', async () => {
		const template = readFileSync(
			new URL('../fixtures/check/learn-windows-top-level.json', import.meta.url),
			'utf8'
		);
		const plain = await check(template, { path: 'a.json', lang: 'en' });
		const rule = plain.diagnostics.find((d) => d.severity !== 'info')?.ruleId;
		expect(rule).toBeDefined();
		const suppressed = await check(`/* kvcert-disable ${rule} -- reason   *   */\n${template}`, {
			path: 'a.json',
			lang: 'en',
		});
		expect(suppressed.diagnostics.map((d) => d.ruleId)).not.toContain(rule);
		expect(suppressed.diagnostics.map((d) => d.ruleId)).not.toContain('KV060');
	});
});

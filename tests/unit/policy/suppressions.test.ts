import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileGrammars } from '../../../src/cli/grammars.ts';
import { check as checkInput } from '../../../src/core/check/index.ts';
import { findComments } from '../../../src/core/check/suppressions-comments.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** Inserts a line before the first line that contains `marker`. */
function above(text: string, marker: string, line: string): string {
	const lines = text.split('\n');
	const at = lines.findIndex((l) => l.includes(marker));
	if (at === -1) throw new Error(`no line with ${marker}`);
	lines.splice(at, 0, line);
	return lines.join('\n');
}

const check = (text: string, path: string) =>
	checkInput(text, { path, lang: 'en', grammars: fileGrammars });
const ids = (r: { diagnostics: Array<{ ruleId: string; messageId: string }> }) =>
	r.diagnostics.map((d) => `${d.ruleId}:${d.messageId}`);

describe('comment scanning per syntax', () => {
	it('finds comments and skips strings in each syntax', () => {
		const bodies = (text: string, syntax: Parameters<typeof findComments>[1]) =>
			findComments(text, syntax).map((c) => c.body.trim());
		expect(bodies('{ "u": "https://x//y", /* b */ "a": 1 // c\n}', 'json')).toEqual(['b', 'c']);
		expect(bodies("var u = 'https://x' // c\n/* b */\nvar s = '''\n// no\n'''", 'bicep')).toEqual([
			'c',
			'b',
		]);
		expect(bodies('a = "#no" # c\nb = "//no" // d\n/* e */', 'hcl')).toEqual(['c', 'd', 'e']);
		expect(bodies('echo \'a # b\' "c # d" # e\nx=$#; y=${#z} a#b # f', 'shell')).toEqual([
			'e',
			'f',
		]);
		expect(bodies("$a = @'\n# no\n'@\n<# b #> 'it''s # no' \"`\"# no\" # c", 'powershell')).toEqual(
			['b', 'c']
		);
	});
});

describe('inline suppressions', () => {
	const template = read('tests/fixtures/check/learn-windows-top-level.json');
	const url = '"url": "https://myvault.vault.azure.net/certificates/';

	it('suppresses the next line, the same line and the whole file, by id or name, with the reason', async () => {
		const next = await check(
			above(template, url, '// kvcert-disable-next-line KV015 -- migration'),
			'a.json'
		);
		expect(ids(next)).toEqual(['KV005:topLevel', 'KV020:invalid']);
		expect(next.suppressed?.map((d) => [d.ruleId, d.suppression.justification])).toEqual([
			['KV015', 'migration'],
		]);
		const line = await check(
			template.replace(
				'/certificates/mycertificate1",',
				'/certificates/mycertificate1", // kvcert-disable-line certificates-path -- ok'
			),
			'a.json'
		);
		expect(ids(line)).not.toContain('KV015:wrongCollection');
		const file = await check(`/* kvcert-disable KV005, KV020 -- legacy */\n${template}`, 'a.json');
		expect(ids(file)).toEqual(['KV015:wrongCollection']);
		expect(file.suppressed?.map((d) => d.ruleId)).toEqual(['KV005', 'KV020']);
	});

	it('applies stacked next-line comments to the line after them all', async () => {
		const stacked = above(
			above(template, url, '// kvcert-disable-next-line KV015 -- one'),
			url,
			'// kvcert-disable-next-line KV099 -- two'
		);
		const result = await check(stacked, 'a.json');
		expect(result.suppressed?.map((d) => d.ruleId)).toEqual(['KV015']);
		expect(ids(result)).toContain('KV060:unknownRule');
	});

	it('reports a missing reason, missing rules and an unused suppression (KV060), never suppressed itself', async () => {
		const noReason = await check(
			above(template, url, '// kvcert-disable-next-line KV015'),
			'a.json'
		);
		expect(ids(noReason)).toContain('KV060:noReason');
		expect(noReason.suppressed?.map((d) => d.ruleId)).toEqual(['KV015']);
		const noRules = await check(
			above(template, url, '// kvcert-disable-next-line -- why'),
			'a.json'
		);
		expect(ids(noRules)).toEqual(
			expect.arrayContaining(['KV060:noRules', 'KV015:wrongCollection'])
		);
		// A bare directive has one problem (it names no rule), not two.
		const bare = await check(above(template, url, '// kvcert-disable-next-line'), 'a.json');
		expect(ids(bare).filter((id) => id.startsWith('KV060'))).toEqual(['KV060:noRules']);
		const unused = await check(
			above(template, '"name"', '// kvcert-disable-next-line KV016 KV060 -- x'),
			'a.json'
		);
		expect(ids(unused).filter((id) => id.startsWith('KV060'))).toEqual([
			'KV060:unused',
			'KV060:unused',
		]);
		const kv060 = unused.diagnostics.find((d) => d.ruleId === 'KV060')!;
		expect(kv060.message).toBe(
			'This suppression silences no KV016 finding: remove it when it is no longer needed.'
		);
		expect(kv060.range.start.line).toBe(14);
	});

	it('works in Bicep, Terraform, shell and PowerShell', async () => {
		const bicep = read(
			'src/components/widgets/checker/examples/windows-secret-uri-with-version.bicep'
		);
		const b = await check(
			above(bicep, 'pollingIntervalInS', '        // kvcert-disable-next-line KV010 -- reason'),
			'main.bicep'
		);
		expect(b.suppressed?.map((d) => d.ruleId)).toEqual(['KV010']);
		const tf = read('src/components/widgets/checker/examples/linux-secret-id.tf');
		const t = await check(
			above(tf, 'pollingIntervalInS', '      # kvcert-disable-next-line KV010 -- reason'),
			'main.tf'
		);
		expect(t.suppressed?.map((d) => d.ruleId)).toEqual(['KV010']);
		const sh = read('src/components/widgets/checker/examples/az-cli-inline-json.sh');
		const s = await check(`# kvcert-disable KV010 -- reason\n${sh}`, 'deploy.sh');
		expect(s.suppressed?.map((d) => d.ruleId)).toContain('KV010');
		const ps = `<# kvcert-disable KV010 -- reason #>\nSet-AzVMExtension -ResourceGroupName rg -VMName vm -Publisher Microsoft.Azure.KeyVault -ExtensionType KeyVaultForWindows -TypeHandlerVersion 3.0 -SettingString '{"secretsManagementSettings": {"pollingIntervalInS": 3600, "observedCertificates": [{"url": "https://kv.vault.azure.net/secrets/web", "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine"}]}}'\n`;
		const p = await check(ps, 'deploy.ps1');
		expect(p.suppressed?.map((d) => d.ruleId)).toEqual(['KV010']);
		expect(ids(p).filter((id) => id.startsWith('KV010'))).toEqual([]);
	});

	it('applies config rule levels: off drops, a level re-grades', async () => {
		const result = await checkInput(template, {
			path: 'a.json',
			ruleLevels: new Map([
				['KV015', 'off'],
				['KV020', 'info'],
			]),
		});
		expect(result.diagnostics.map((d) => `${d.ruleId}:${d.severity}`)).toEqual([
			'KV005:error',
			'KV020:info',
		]);
	});
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';

const directory = new URL('../../fixtures/check/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, directory), 'utf8');
const readFile = (name: string) => {
	try {
		return read(name);
	} catch {
		return undefined;
	}
};

/** Findings as `RULE severity file:line:column`, in report order. */
function findings(name: string, parameters?: string): string[] {
	const result = checkSync(read(name), {
		path: name,
		readFile,
		...(parameters ? { parameters: { path: parameters, text: read(parameters) } } : {}),
	});
	return result.diagnostics.map(
		(d) => `${d.ruleId} ${d.severity} ${d.file}:${d.range.start.line}:${d.range.start.column}`
	);
}

describe('real-world shapes from the research notes', () => {
	it('Learn snippet used at top level (Windows 3.0)', () => {
		expect(findings('learn-windows-top-level.json')).toEqual([
			'KV005 error learn-windows-top-level.json:14:15',
			'KV015 error learn-windows-top-level.json:29:57',
			'KV020 error learn-windows-top-level.json:38:45',
		]);
	});

	it('Service Fabric scale set with a user-assigned identity', () => {
		expect(findings('service-fabric-vmss.json')).toEqual([
			'KV004 warning service-fabric-vmss.json:39:41',
			'KV030 warning service-fabric-vmss.json:41:19',
		]);
	});

	it('Azure Arc template with an int polling parameter', () => {
		expect(findings('arc-linux.json')).toEqual([
			'KV010 error arc-linux.json:10:37',
			'KV022 info arc-linux.json:29:13',
		]);
	});

	it('Azure Arc template with its parameters file', () => {
		expect(findings('arc-linux.json', 'arc-linux.parameters.json')).toEqual([
			'KV022 info arc-linux.json:29:13',
			'KV010 error arc-linux.parameters.json:8:38',
			'KV016 warning arc-linux.parameters.json:11:88',
		]);
	});

	it('az CLI with inline settings and @file settings', () => {
		expect(findings('az-cli.sh')).toEqual([
			'KV010 error az-cli.sh:6:68',
			'KV015 error az-cli.sh:6:140',
			'KV034 error az-cli.settings.json:7:20',
			'KV032 warning az-cli.settings.json:8:20',
		]);
	});

	it('PowerShell with settings in a variable', () => {
		expect(findings('powershell.ps1')).toEqual([
			'KV028 warning powershell.ps1:2:93',
			'KV016 warning powershell.ps1:2:183',
		]);
	});

	it('bare settings shaped like the AzureTRE test', () => {
		expect(findings('tre-settings.json')).toEqual([
			// No key tells the OS, so requireInitialSync (OS-dependent) was not checked: KV026 says so.
			'KV026 info tre-settings.json:6:5',
			'KV028 warning tre-settings.json:6:27',
			'KV009 error tre-settings.json:8:5',
			// The misplaced block's msiClientId is a resource ID (AzureTRE#3492): still checked.
			'KV032 warning tre-settings.json:10:22',
		]);
	});

	it('languageVersion 2.0 with an inner-scope nested deployment', () => {
		expect(findings('symbolic-nested.json')).toEqual([
			'KV015 error symbolic-nested.json:6:100',
			'KV029 error symbolic-nested.json:8:11',
			'KV006 warning symbolic-nested.json:31:23',
		]);
	});

	it('says when there is no Key Vault extension', () => {
		const result = checkSync(read('no-extension.json'));
		expect(result.extensionCount).toBe(0);
		expect(result.diagnostics).toEqual([]);
	});
});

describe('fixes inside command lines', () => {
	it('keeps fixes that cannot break shell quoting and drops the others', () => {
		const result = checkSync(read('az-cli.sh'), { path: 'az-cli.sh', readFile });
		const byRule = new Map(result.diagnostics.map((d) => [d.ruleId, d]));
		expect(byRule.get('KV015')?.fix?.edits[0]?.newText).toBe('secrets');
		expect(byRule.get('KV010')?.fix).toBeUndefined();
		expect(byRule.get('KV034')?.fix).toBeDefined();
	});
});

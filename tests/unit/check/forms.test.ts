import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';
import type { Lang } from '../../../src/core/check/types.ts';
import { unreadInputRule } from '../../../src/core/check/rules/kv051-unread-input.ts';
import { format } from '../../../src/core/i18n/index.ts';

const directory = new URL('../../fixtures/check/forms/', import.meta.url);

function run(name: string, lang: Lang = 'en', readFile?: (path: string) => string | undefined) {
	const text = readFileSync(new URL(name, directory), 'utf8');
	return checkSync(text, { path: name, lang, ...(readFile ? { readFile } : {}) });
}

/** Findings as `RULE severity line:col-line:col`, in order. */
function findings(name: string, lang: Lang = 'en') {
	return run(name, lang).diagnostics.map(
		(d) =>
			`${d.ruleId} ${d.severity} ${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`
	);
}

function message(name: string, ruleId: string, lang: Lang) {
	return run(name, lang).diagnostics.find((d) => d.ruleId === ruleId)?.message;
}

describe('where the extension is declared', () => {
	it('reads a Service Fabric managed cluster node type, its user-assigned identity included', () => {
		const result = run('sf-managed-nodetype.json');
		expect(result.extensionCount).toBe(1);
		// A user-assigned identity on the node type and no authenticationSettings.msiClientId.
		expect(findings('sf-managed-nodetype.json')).toEqual(['KV030 warning 34:15-34:25']);
	});

	it('reads Batch pool extensions (entries without properties)', () => {
		expect(run('batch-pool.json').extensionCount).toBe(1);
		expect(findings('batch-pool.json')).toEqual([
			'KV012 warning 27:46-27:131',
			'KV016 warning 27:98-27:130',
		]);
	});

	it('compares extensions on a machine the template does not declare, by its name expression', () => {
		expect(findings('existing-vm.json')).toEqual(['KV039 error 22:58-22:78']);
	});

	it('tells machines apart across compiled Bicep modules and resource groups', () => {
		const result = run('compiled-bicep-modules.json');
		expect(result.extensionCount).toBe(6);
		// Only the module that puts two extensions on app02 is a duplicate; the same name in the
		// other modules (unknown VM names, or app01 in two resource groups) is another machine.
		expect(findings('compiled-bicep-modules.json')).toEqual(['KV039 error 349:25-349:45']);
	});
});

describe('what people paste', () => {
	it.each([
		[
			'pasted-fragment.json',
			'a JSON fragment without its outer braces',
			'外側の波かっこがない JSON の一部',
			['KV010 error 2:27-2:31'],
		],
		[
			'pasted-properties.json',
			'the properties object of an extension resource',
			'拡張機能リソースの properties オブジェクト',
			['KV004 warning 4:25-4:30'],
		],
		[
			'pasted-settings-wrapper.json',
			'extension settings wrapped in a "settings" key',
			'"settings" でくるまれた拡張機能の settings',
			['KV015 error 6:50-6:62'],
		],
		[
			'handler-settings.json',
			'the handler settings file from a VM (runtimeSettings[].handlerSettings.publicSettings)',
			'VM 上のハンドラー設定ファイル (runtimeSettings[].handlerSettings.publicSettings)',
			['KV007 error 6:27-6:199'],
		],
	])('%s: says which form it read, with positions in the pasted text', (name, en, ja, rest) => {
		expect(findings(name)).toEqual(['KV051 info 1:1-1:2', ...rest]);
		expect(message(name, 'KV051', 'en')).toBe(`Read as ${en}; positions are in the pasted text.`);
		expect(message(name, 'KV051', 'ja')).toBe(
			`${ja} として読みました。位置は貼り付けたテキストでの位置です。`
		);
	});
});

describe('PowerShell', () => {
	it('reads a nested hashtable given through ConvertTo-Json, variables substituted', () => {
		const result = run('powershell-hashtable.ps1');
		expect(result.unreadSettings).toBe(0);
		expect(findings('powershell-hashtable.ps1')).toEqual(['KV016 warning 12:87-12:119']);
	});

	it('reads a here-string with .Replace(): unknown replacements stay unknown', () => {
		const result = run('powershell-here-string.ps1');
		expect(result.extensionCount).toBe(1);
		expect(result.unreadSettings).toBe(0);
		// {keyVaultName} and {certificateName} are replaced by unassigned variables: no finding on them.
		expect(result.diagnostics).toEqual([]);
	});

	it('says where settings were not read, and that -SettingString takes no path', () => {
		const result = run('powershell-missing-file.ps1');
		expect(result.unreadSettings).toBe(2);
		expect(findings('powershell-missing-file.ps1')).toEqual([
			'KV051 warning 4:18-4:50',
			'KV051 error 7:18-7:31',
		]);
		expect(result.diagnostics.map((d) => d.message)).toEqual([
			'Settings not read: file "kv-settings.json" cannot be read — findings for them are not shown.',
			'-SettingString takes JSON text, not a file: the path itself becomes the settings and the extension fails. To read the file, write -SettingString (Get-Content -Raw kv-settings.json).',
		]);
		expect(run('powershell-missing-file.ps1', 'ja').diagnostics.map((d) => d.message)).toEqual([
			'settings を読み取れませんでした: ファイル "kv-settings.json" を読めません。この拡張機能の settings についての問題は表示されません。',
			'-SettingString には JSON の文字列を渡します。ファイルのパスを渡すと、パスそのものが settings になり、拡張機能は失敗します。ファイルから読むには -SettingString (Get-Content -Raw kv-settings.json) としてください。',
		]);
	});

	it('reads the settings file once it exists', () => {
		const result = run('powershell-missing-file.ps1', 'en', (path) =>
			path === 'kv-settings.json'
				? '{ "secretsManagementSettings": { "pollingIntervalInS": 3600, "observedCertificates": [] } }'
				: undefined
		);
		expect(result.unreadSettings).toBe(1);
		expect(result.diagnostics.map((d) => `${d.ruleId} ${d.file}`)).toContain(
			'KV010 kv-settings.json'
		);
	});

	it('reports a variable it cannot resolve, and an inline hashtable for Arc', () => {
		const script = [
			'Set-AzVMExtension -ResourceGroupName rg -VMName vm1 -Name KeyVaultForWindows -Publisher Microsoft.Azure.KeyVault -Type KeyVaultForWindows -TypeHandlerVersion 3.0 -SettingString $fromElsewhere',
			'New-AzConnectedMachineExtension -ResourceGroupName rg -MachineName m1 -Name KeyVaultForLinux -Publisher Microsoft.Azure.KeyVault -ExtensionType KeyVaultForLinux -Setting @{',
			'  secretsManagementSettings = @{ pollingIntervalInS = 3600; observedCertificates = @("https://kv-arc.vault.azure.net/secrets/c") }',
			'}',
		].join('\n');
		const result = checkSync(script);
		expect(result.extensionCount).toBe(2);
		const lines = result.diagnostics.map(
			(d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}-${d.range.end.column}`
		);
		expect(lines).toContain('KV051 1:178-192');
		// The hashtable's number 3600 sits at line 3.
		expect(lines).toContain('KV010 3:55-59');
	});
});

describe('syntax without cascades', () => {
	it('accepts a BOM, comments and trailing commas; one info per multi-line string', () => {
		expect(findings('bom-multiline.json')).toEqual([
			'KV050 info 7:16-8:45',
			'KV050 info 14:15-15:62',
			'KV010 error 23:35-23:39',
		]);
		expect(message('bom-multiline.json', 'KV050', 'en')).toBe(
			'This string spans several lines. Deployments from Azure CLI and Azure PowerShell accept it; the Azure portal, DevOps pipelines and the REST API do not.'
		);
		expect(message('bom-multiline.json', 'KV050', 'ja')).toBe(
			'この文字列は複数行にわたっています。Azure CLI と Azure PowerShell からのデプロイでは受け付けられますが、Azure portal、DevOps パイプライン、REST API では受け付けられません。'
		);
	});

	it('gives one finding for one mistake, and one per later independent mistake', () => {
		const lines = Array.from(
			{ length: 40 },
			(_, i) => `  "p${i}": { "type": "string", "defaultValue": "v${i}" },`
		);
		lines[3] = '  "p3": { "type": "string" "defaultValue": "v3" },';
		lines[4] = '  "p4": { "type": "string", "defaultValue": "v4 },';
		lines[30] = '  "p30": { "type": "string",, "defaultValue": "v30" },';
		const text = `{\n "parameters": {\n${lines.join('\n')}\n },\n "resources": []\n}`;
		const syntax = checkSync(text).diagnostics.filter((d) => d.ruleId === 'KV050');
		expect(syntax.map((d) => d.range.start.line)).toEqual([6, 33]);
		expect(syntax[0]!.message).toMatch(
			/^JSON syntax error: a comma \(,\) is expected\. The \d+ syntax error\(s\) that follow from it are not shown\.$/
		);
	});

	it('says what a text is when it is none of the kinds it reads', () => {
		const result = run('email.txt');
		expect(result.unrecognised).toBe(true);
		expect(findings('email.txt')).toEqual(['KV051 error 1:1-1:9']);
		expect(message('email.txt', 'KV051', 'ja')).toBe(
			format(unreadInputRule.meta.messages.notRecognised!.ja, { recognised: 'メールの本文' })
		);
		const kinds = [
			['name: deploy\non:\n  push:\n', 'YAML'],
			['<html><body>oops</body></html>', 'XML or HTML'],
			['just some words', 'text that is neither JSON nor commands'],
		];
		for (const [text, kind] of kinds) {
			const checked = checkSync(text!);
			expect(checked.unrecognised).toBe(true);
			expect(checked.diagnostics).toHaveLength(1);
			expect(checked.diagnostics[0]!.message).toContain(`This text looks like ${kind}`);
		}
		// Bicep and Terraform are read by their own readers: without a grammar, "not read" (KV050).
		for (const [text, language] of [
			[
				"param vmName string\nresource vm 'Microsoft.Compute/virtualMachines@2024-07-01' existing = {\n",
				'Bicep',
			],
			['resource "azurerm_virtual_machine_extension" "kv" {\n', 'Terraform'],
		]) {
			const checked = checkSync(text!);
			expect(checked.unrecognised).toBeUndefined();
			expect(checked.diagnostics.map((d) => d.message)).toEqual([
				`This ${language} file was not read, so it was not checked (the grammar was not loaded).`,
			]);
		}
	});
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	checkSync,
	formatSarif,
	formatText,
	type CheckResult,
} from '../../../src/core/check/index.ts';

// Microsoft Learn's extension samples as people paste them (fixtures/check/learn-samples/README.md
// names the article and commit of each). What a user sees: each placeholder named with what to fill
// in, no error or warning that a placeholder alone causes, and the samples' own mistakes.

const directory = new URL('../../fixtures/check/learn-samples/', import.meta.url);

function check(name: string, lang: 'en' | 'ja' = 'en'): CheckResult {
	return checkSync(readFileSync(new URL(name, directory), 'utf8'), { path: name, lang });
}

/** `rule:message line:column-line:column` of every finding, in order. */
function findings(result: CheckResult): string[] {
	return result.diagnostics.map(
		(d) =>
			`${d.ruleId}:${d.messageId} ${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`
	);
}

function errorsAndWarnings(result: CheckResult): string[] {
	return result.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.ruleId);
}

describe('placeholders of documentation samples', () => {
	it('names <examplekv> and the example client ID, and reports no error for them', () => {
		const result = check('windows-4.0-settings.json');
		expect(result.extensionCount).toBe(1);
		expect(findings(result)).toEqual(['KV054:vaultName 6:27-6:38', 'KV054:exampleId 13:24-13:60']);
		expect(result.diagnostics[0]!.message).toBe(
			'Replace the placeholder <examplekv> with your key vault’s name.'
		);
		expect(check('windows-4.0-settings.json', 'ja').diagnostics[0]!.message).toBe(
			'<examplekv> はプレースホルダーです。Key Vault の名前に置き換えてください。'
		);
	});

	it('takes xxxxxx-xxxx-… as a client ID to fill in, not a malformed one (no KV032)', () => {
		const result = check('linux-3.0-settings.json');
		expect(findings(result)).toEqual(['KV054:vaultName 8:27-8:38', 'KV054:exampleId 15:24-15:54']);
		expect(result.diagnostics[1]!.message).toContain('xxxxxx-xxxx-xxxx-xxxx-xxxxxxxx');
	});

	it('reads a template around bare <…> values and keeps its real defect (KV005)', () => {
		const result = check('linux-3.0-template.json');
		expect(findings(result)).toEqual([
			'KV005:topLevel 3:15-3:33',
			'KV054:location 5:20-5:30',
			'KV054:machineName 7:58-7:66',
			'KV054:pollingInterval 15:33-15:75',
			// One placeholder spanning seven lines, with its example array inside.
			'KV054:certificateUrl 16:35-22:16',
			'KV054:msiEndpoint 25:31-25:152',
			'KV054:clientId 26:31-26:141',
		]);
		expect(errorsAndWarnings(result)).toEqual(['KV005']);
		expect(result.diagnostics[3]!.message).toBe(
			'Replace the placeholder <polling interval in seconds, e.g. "3600"> with the polling interval in seconds, as a string (e.g. "3600").'
		);
	});

	it('says where a <… never closed with > was read to', () => {
		const result = check('arc-linux-unclosed.json');
		expect(findings(result)).toEqual([
			'KV054:pollingInterval 18:33-18:75',
			'KV054:unclosed 19:35-19:156',
		]);
	});

	it('treats what ... hides as unknown: no "no managed identity", the missing colon still reported', () => {
		const result = check('sf-nodetype-elided.json');
		expect(result.extensionCount).toBe(1);
		// The two `...` are one info, at the first, with the second as a related place.
		expect(findings(result)).toEqual(['KV054:elision 7:5-7:8', 'KV050:syntax 12:44-12:45']);
		expect(result.diagnostics[0]!.related.map((r) => r.range.start.line)).toEqual([19]);
		expect(result.diagnostics.find((d) => d.ruleId === 'KV050')!.message).toContain(
			'a colon (:) is expected'
		);
	});

	it('reads a fragment ending in ... without "no observedCertificates"', () => {
		expect(findings(check('initial-sync-fragment.json'))).toEqual([
			'KV051:readAs 1:1-1:2',
			// No key tells the OS, so requireInitialSync was not checked: said, with how to tell it.
			'KV026:osUnknown 2:5-2:25',
			'KV054:elision 3:5-3:8',
		]);
	});

	it('reads the prerequisites\' "identity": {…} fragment as a fragment: no syntax error', () => {
		// It holds no extension: read (an info says how), nothing else to say.
		const result = check('identity-fragment.json');
		expect(findings(result)).toEqual(['KV051:readAs 1:1-1:2']);
		expect(result.extensionCount).toBe(0);
		// A real mistake in such a fragment is still named where it stands (a missing comma at
		// 2:26), not as "end of file expected" at the fragment's first colon.
		const broken = checkSync(
			'"identity": {\n   "type": "UserAssigned"\n   "userAssignedIdentities": {}\n}',
			{
				path: 'identity.json',
			}
		);
		expect(findings(broken)).toEqual(['KV051:readAs 1:1-1:2', 'KV050:syntax 3:4-3:28']);
	});

	it("reads the property table's [{...}, {...}] as certificates not shown, not as certificates without a URL", () => {
		const result = check('property-values-elided.json');
		expect(findings(result)).toEqual(['KV054:elision 3:33-3:36', 'KV054:exampleId 7:23-7:59']);
		expect(
			result.diagnostics[0]!.related.map((r) => `${r.range.start.line}:${r.range.start.column}`)
		).toEqual(['3:40']);
		expect(errorsAndWarnings(result)).toEqual([]);
	});

	it('reads … (one character) and a compact [...] as elisions too', () => {
		const text =
			'{ "secretsManagementSettings": { "pollingIntervalInS": "3600", …, "observedCertificates": [...] } }';
		const result = checkSync(text);
		expect(findings(result)).toEqual(['KV054:elision 1:64-1:65', 'KV054:elision 1:92-1:95']);
		expect(errorsAndWarnings(result)).toEqual([]);
	});

	it('names placeholders written as words and choices, and keeps the unknown key certificateStore', () => {
		const result = check('arc-convertto-json.ps1');
		expect(findings(result)).toEqual([
			'KV054:certificateUrl 4:8-4:21',
			'KV054:keyValue 6:33-6:46',
			'KV052:unknown 7:5-7:5',
			'KV054:pollingInterval 8:27-8:42',
			'KV054:choice 14:120-14:158',
			'KV054:choice 14:214-14:252',
			'KV051:settingConvertToJson 14:263-14:289',
		]);
		expect(result.diagnostics[4]!.message).toBe(
			'KeyVaultForWindows or KeyVaultforLinux offers a choice: keep one of KeyVaultForWindows and KeyVaultforLinux.'
		);
	});
});

describe('settings built by joining strings, as the Windows 1.0 docs do', () => {
	it('reads the string around its placeholders and finds the extra } where it stands', () => {
		const result = check('windows-1.0-vmss-joined-string.ps1');
		expect(result.extensionCount).toBe(1);
		expect(result.unreadSettings).toBe(0);
		expect(findings(result)).toEqual([
			'KV054:pollingInterval 3:30-3:47',
			'KV054:value 4:34-4:49',
			'KV054:value 5:38-5:52',
			'KV054:certificateUrl 6:35-6:50',
			'KV054:certificateUrl 6:61-6:76',
			// `"] } },`: the second } closes the whole JSON, and "authenticationSettings" follows.
			'KV050:syntax 6:85-6:86',
			'KV054:msiEndpoint 8:23-8:36',
			'KV054:clientId 9:25-9:38',
			'KV054:resourceGroup 15:39-15:58',
			'KV054:machineName 15:75-15:85',
			'KV004:old 16:127-16:132',
			'KV051:settingAsString 16:142-16:151',
		]);
		expect(errorsAndWarnings(result)).toEqual(['KV050', 'KV004', 'KV051']);
		expect(result.diagnostics[5]!.message).toBe(
			'JSON syntax error: this } closes the whole JSON, but more text follows: there is one } too many, or a { missing before it.'
		);
	});
});

describe('the file text given to -Setting, as the Linux 3.0 docs do', () => {
	it('says that Get-Content gives a string, with the fix (en, ja)', () => {
		const result = check('linux-3.0-vmss-get-content.ps1');
		expect(findings(result)).toEqual([
			'KV054:resourceGroup 8:43-8:62',
			'KV054:machineName 8:79-8:89',
			'KV051:settingFileText 9:146-9:155',
		]);
		expect(result.diagnostics[2]!.severity).toBe('error');
		expect(result.diagnostics[2]!.message).toBe(
			'-Setting takes a hashtable (@{ … }): Get-Content gives the text of ".\\settings.json", a string, which reaches the machine as a string, and the extension fails with "not an object". Write -Setting (Get-Content -Raw ".\\settings.json" | ConvertFrom-Json -AsHashtable) (PowerShell 7 or later).'
		);
		expect(check('linux-3.0-vmss-get-content.ps1', 'ja').diagnostics[2]!.message).toBe(
			'-Setting にはハッシュテーブル (@{ … }) を渡します。Get-Content が返すのはファイル ".\\settings.json" の中身の文字列なので、settings が文字列のままマシンに届き、拡張機能は "not an object" で失敗します。-Setting (Get-Content -Raw ".\\settings.json" | ConvertFrom-Json -AsHashtable) のように書いてください (PowerShell 7 以降)。'
		);
	});

	it('leaves the file made into a hashtable (| ConvertFrom-Json) to the settings not read', () => {
		const text = [
			'$settings = Get-Content -Raw ".\\settings.json" | ConvertFrom-Json -AsHashtable',
			'Add-AzVmssExtension -VirtualMachineScaleSet $vmss -Name KeyVaultForLinux -Publisher Microsoft.Azure.KeyVault -Type KeyVaultForLinux -TypeHandlerVersion 3.0 -Setting $settings',
		].join('\n');
		const result = checkSync(text, { path: 'deploy.ps1' });
		expect(result.diagnostics.map((d) => `${d.ruleId}:${d.messageId}:${d.severity}`)).toEqual([
			'KV051:valueNotRead:warning',
		]);
	});
});

describe('a placeholder written at several places', () => {
	// `<vmName>` three times, `<examplekv>` twice: what a pasted az CLI sample looks like.
	const text = [
		'az vm extension set --name KeyVaultForLinux --publisher Microsoft.Azure.KeyVault \\',
		'  --resource-group "<resourceGroup>" --vm-name "<vmName>" --version 3.0 \\',
		'  --settings \'{"secretsManagementSettings": {"pollingIntervalInS": "3600", "observedCertificates": [{"url": "https://<examplekv>.vault.azure.net/secrets/web"}, {"url": "https://<examplekv>.vault.azure.net/secrets/api"}]}}\'',
		'az vm identity assign --resource-group "<resourceGroup>" --name "<vmName>"',
		'az vm show --resource-group "<resourceGroup>" --name "<vmName>"',
	].join('\n');

	it('is one KV054 info at its first place, the other places related', () => {
		const result = checkSync(text, { path: 'sample.sh' });
		const infos = result.diagnostics.filter((d) => d.ruleId === 'KV054');
		expect(
			infos.map((d) => [
				d.data['placeholder'],
				d.range.start.line,
				d.related.map((r) => `${r.range.start.line}:${r.range.start.column}`),
			])
		).toEqual([
			['<resourceGroup>', 2, ['4:41', '5:30']],
			['<vmName>', 2, ['4:66', '5:55']],
			['<examplekv>', 3, ['3:178']],
		]);
		expect(infos[2]!.message).toBe(
			'Replace the placeholder <examplekv> with your key vault’s name.'
		);
		expect(infos[0]!.related[0]!.message).toBe('The same placeholder is here too.');
		expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
	});

	it('the text report says "and N more places"; SARIF lists them as related locations', () => {
		const result = checkSync(text, { path: 'sample.sh' });
		const sources = new Map([['sample.sh', text]]);
		const report = formatText([result], { lang: 'en', sources });
		expect(report).toContain('   = note: and 2 more places: 4:66, 5:55');
		expect(report).toContain('   = note: and 1 more place: 3:178');
		expect(report).not.toContain('The same placeholder is here too.');
		const ja = formatText([checkSync(text, { path: 'sample.sh', lang: 'ja' })], {
			lang: 'ja',
			sources,
		});
		expect(ja).toContain('   = 補足: 同じプレースホルダーがほかに 2 か所あります: 4:66、5:55');
		const sarif = JSON.parse(formatSarif([result], { lang: 'en', toolVersion: '0.0.0' }));
		const vm = sarif.runs[0].results.find((r: { message: { text: string } }) =>
			r.message.text.includes('<vmName>')
		);
		expect(
			vm.relatedLocations.map(
				(l: { physicalLocation: { region: { startLine: number } } }) =>
					l.physicalLocation.region.startLine
			)
		).toEqual([4, 5]);
	});
});

describe('angle brackets that are not placeholders', () => {
	it('a parameter description showing a format (`<Resource group name>`) names no placeholder', () => {
		const text = JSON.stringify({
			parameters: {
				sourceVaultValue: {
					type: 'string',
					metadata: {
						description:
							'Resource Id of the key vault, in the format /subscriptions/<Sub ID>/resourceGroups/<Resource group name>/providers/Microsoft.KeyVault/vaults/<vault name>',
					},
				},
			},
			resources: [],
		});
		expect(checkSync(text).diagnostics.map((d) => d.ruleId)).not.toContain('KV054');
	});
});

describe("the docs' own mistakes", () => {
	it('says that spaces around a placeholder inside its quotes stay in the value', () => {
		// Re-typed and reduced from the 1.0 az sample: MicrosoftDocs/azure-docs
		// articles/virtual-machines/extensions/key-vault-windows.md @03c55940ed2ea95d83d55fc64b5046f90809b65f.
		const text = [
			'az vm extension set --name "KeyVaultForWindows" `',
			'   --publisher Microsoft.Azure.KeyVault --resource-group "rg-web" --vm-name "vm-web" `',
			'   --settings \'{\\"secretsManagementSettings\\": { \\"pollingIntervalInS\\": \\"3600\\", \\"observedCertificates\\": [\\" <observedCert1> \\", \\"<observedCert2>\\"] }}\'',
		].join('\n');
		const infos = checkSync(text, { path: 'sample.ps1' }).diagnostics.filter(
			(d) => d.ruleId === 'KV054'
		);
		expect(infos.map((d) => [d.messageId, d.data['placeholder']])).toEqual([
			['spaced', '<observedCert1>'],
			['certificateUrl', '<observedCert2>'],
		]);
		expect(infos[0]!.message).toBe(
			'The placeholder <observedCert1> has spaces around it inside its quotes; replace it together with them. Left in, the spaces become part of the value (" https://… " is not a URL).'
		);
	});

	it('names an en dash where -- belongs, with the fix', () => {
		const result = check('linux-upgrade-en-dash.sh');
		const dashes = result.diagnostics.filter((d) => d.ruleId === 'KV053');
		expect(dashes.map((d) => d.message)).toEqual([
			'The az option –settings starts with an en dash (–), not two hyphens; write --settings (as written, az does not see an option and the command fails).',
			'The az option –version starts with an en dash (–), not two hyphens; write --version (as written, az does not see an option and the command fails).',
		]);
		expect(dashes[0]!.fix!.edits).toEqual([
			expect.objectContaining({ start: 137, end: 138, newText: '--' }),
		]);
		// Read as meant: the settings file is named, not reported missing.
		expect(result.diagnostics.map((d) => d.ruleId)).not.toContain('KV008');
		expect(check('linux-upgrade-en-dash.sh', 'ja').diagnostics[0]!.message).toContain(
			'en ダッシュ (–)'
		);
	});

	it('says that a path given to -Setting sends the path, not the file', () => {
		const result = check('vmss-setting-path.ps1');
		const finding = result.diagnostics.find((d) => d.ruleId === 'KV051')!;
		expect(finding.severity).toBe('error');
		expect(finding.messageId).toBe('settingPathString');
		expect(finding.message).toContain('".\\settings.json"');
	});
});

describe('bare settings know their OS by their keys', () => {
	it('reads the Linux sample (aclEnabled, a store path) as Linux: linkOnRenewal is reported', () => {
		const text = readFileSync(new URL('linux-3.0-settings.json', directory), 'utf8').replace(
			'"aclEnabled": true,',
			'"aclEnabled": true,\n   "linkOnRenewal": true,'
		);
		const result = checkSync(text, { path: 'linux.json' });
		const link = result.diagnostics.find((d) => d.ruleId === 'KV023')!;
		expect(link.severity).toBe('warning');
		expect(link.range.start.line).toBe(5);
	});

	it('says when no key tells the OS, at the first setting whose check depends on it', () => {
		const text =
			'{ "secretsManagementSettings": { "pollingIntervalInS": "3600", "linkOnRenewal": true, "observedCertificates": [ { "url": "https://kvprod.vault.azure.net/secrets/web" } ] } }';
		for (const lang of ['en', 'ja'] as const) {
			const [info] = checkSync(text, { lang }).diagnostics;
			expect(info).toMatchObject({ ruleId: 'KV026', messageId: 'osUnknown', severity: 'info' });
			expect(text.slice(info!.range.start.offset, info!.range.end.offset)).toBe('"linkOnRenewal"');
			expect(info!.message).toContain(
				lang === 'en'
					? 'linkOnRenewal works differently per OS'
					: 'OS によって扱いが異なる linkOnRenewal は確認していません'
			);
		}
		// Only pollingIntervalInS and URLs: nothing depends on the OS, nothing to say.
		const minimal =
			'{ "secretsManagementSettings": { "pollingIntervalInS": "3600", "observedCertificates": [ { "url": "https://kvprod.vault.azure.net/secrets/web" } ] } }';
		expect(checkSync(minimal).diagnostics).toEqual([]);
	});

	it('says so when the keys are of both OSes, naming one of each, and assumes neither', () => {
		// Windows' store location and accounts beside Linux's aclEnabled (written after them).
		const text = [
			'{ "secretsManagementSettings": {',
			'  "pollingIntervalInS": "3600", "linkOnRenewal": true,',
			'  "observedCertificates": [ { "url": "https://kvprod.vault.azure.net/secrets/web",',
			'    "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine", "accounts": ["Network Service"] } ],',
			'  "aclEnabled": true',
			'} }',
		].join('\n');
		for (const lang of ['en', 'ja'] as const) {
			const result = checkSync(text, { lang });
			const kv026 = result.diagnostics.filter((d) => d.ruleId === 'KV026');
			expect(
				kv026.map((d) => [d.messageId, d.severity, d.range.start.line, d.range.start.column])
			).toEqual([['osMixed', 'warning', 5, 3]]);
			expect(kv026[0]!.message).toBe(
				lang === 'en'
					? 'These settings have keys of both Windows and Linux: certificateStoreLocation "LocalMachine" (Windows) and aclEnabled (Linux). One of them has no effect, so no OS was assumed; keep only the keys of the OS the extension runs on.'
					: 'この settings には、Windows の設定 (certificateStoreLocation "LocalMachine") と Linux の設定 (aclEnabled) の両方があります。一方の OS の設定は効果がないため、OS を仮定せずに確認しました。拡張機能をインストールする OS の設定だけを残してください。'
			);
			expect(kv026[0]!.related.map((r) => r.range.start.line)).toEqual([4]);
			// Neither OS assumed: no Linux rule on linkOnRenewal, no "no key tells the OS".
			expect(result.diagnostics.map((d) => d.ruleId)).not.toContain('KV023');
		}
		// One OS's keys only: nothing about a mix.
		const windowsOnly = text.replace(',\n  "aclEnabled": true', '');
		expect(checkSync(windowsOnly).diagnostics.map((d) => d.messageId)).not.toContain('osMixed');
	});

	it('applies no OS rule when the keys disagree or none tells', () => {
		const both =
			'{ "secretsManagementSettings": { "linkOnRenewal": true, "aclEnabled": true, "pollingIntervalInS": "3600", "observedCertificates": [ { "url": "https://kvprod.vault.azure.net/secrets/web", "accounts": ["Network Service"] } ] } }';
		const none =
			'{ "secretsManagementSettings": { "linkOnRenewal": true, "pollingIntervalInS": "3600", "observedCertificates": [ { "url": "https://kvprod.vault.azure.net/secrets/web" } ] } }';
		for (const text of [both, none])
			expect(checkSync(text).diagnostics.map((d) => d.ruleId)).not.toContain('KV023');
	});
});

describe('the extension type written in another letter case', () => {
	// The Arc PowerShell article writes "KeyVaultforWindows" (fixture arc-convertto-json.ps1).
	const command = (type: string) =>
		`New-AzConnectedMachineExtension -ResourceGroupName rg-web -Location japaneast -MachineName arc-web -Name KeyVaultForWindows -Publisher "Microsoft.Azure.KeyVault" -ExtensionType "${type}" -Setting @{ secretsManagementSettings = @{ pollingIntervalInS = "3600"; observedCertificates = @("https://kvprod.vault.azure.net/secrets/web") }; authenticationSettings = @{ msiEndpoint = "http://localhost:40342/metadata/identity" } }`;

	it('is a warning that says it may fail, with the documented spelling as the fix', () => {
		const result = checkSync(command('KeyVaultforWindows'), { path: 'arc.ps1' });
		const kv002 = result.diagnostics.filter((d) => d.ruleId === 'KV002');
		expect(kv002.map((d) => [d.messageId, d.severity])).toEqual([['caseOnly', 'warning']]);
		expect(kv002[0]!.message).toBe(
			'Type "KeyVaultforWindows" differs from KeyVaultForWindows only in letter case. Whether Azure matches the type regardless of case is not documented, so the installation may fail as written; write KeyVaultForWindows as the documentation does.'
		);
		expect(kv002[0]!.fix!.edits.map((e) => e.newText)).toEqual(['KeyVaultForWindows']);
		expect(
			checkSync(command('KeyVaultforWindows'), { path: 'arc.ps1', lang: 'ja' }).diagnostics.find(
				(d) => d.ruleId === 'KV002'
			)!.message
		).toContain('この書き方でインストールできるかは分かりません');
	});

	it('another name stays an error', () => {
		const [kv002] = checkSync(command('KeyVaultForWin'), { path: 'arc.ps1' }).diagnostics.filter(
			(d) => d.ruleId === 'KV002'
		);
		expect([kv002!.messageId, kv002!.severity]).toEqual(['unknownType', 'error']);
	});
});

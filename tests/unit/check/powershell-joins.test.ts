import { describe, expect, it } from 'vitest';
import { checkSync, type CheckResult } from '../../../src/core/check/index.ts';

// Settings JSON that a PowerShell script builds by joining strings with `+`, as the Key Vault
// extension's 1.0 documentation does: read as the string PowerShell makes, unknown operands as
// unknown parts, every finding at its place in the script; an unknown part that could hold the
// JSON's brackets or commas makes the settings "not read" there, never a syntax error.

const install = (option = '-SettingString') =>
	`Set-AzVMExtension -ResourceGroupName rg-web -VMName vm-web -Name KeyVaultForWindows -Publisher Microsoft.Azure.KeyVault -ExtensionType KeyVaultForWindows -TypeHandlerVersion 3.0 ${option} $settings`;

const vmss =
	'Add-AzVmssExtension -VirtualMachineScaleSet $vmss -Name KeyVaultForWindows -Publisher Microsoft.Azure.KeyVault -Type KeyVaultForWindows -TypeHandlerVersion 3.0 -Setting $settings';

function check(text: string, lang: 'en' | 'ja' = 'en'): CheckResult {
	return checkSync(text, { path: 'deploy.ps1', lang });
}

/** `rule:message` and the text each finding points at, in order. */
function findings(text: string, result = check(text)): string[] {
	return result.diagnostics.map(
		(d) => `${d.ruleId}:${d.messageId} ${text.slice(d.range.start.offset, d.range.end.offset)}`
	);
}

describe('strings joined with + in PowerShell', () => {
	it('reads a join over a backtick line break, a known variable inside a double-quoted part', () => {
		const text = [
			"$vault = 'kv--prod'",
			'$settings = \'{"secretsManagementSettings": {"pollingIntervalInS": "\' + $interval + \'", \' `',
			'  + \'"observedCertificates": [{"url": "\' + "https://$vault.vault.azure.net/secrets/web" + \'"}]}}\'',
			install(),
		].join('\n');
		const result = check(text);
		expect(result.unreadSettings).toBe(0);
		// The vault name is pointed at where the script assigns it.
		expect(findings(text, result)).toEqual(['KV018:vault kv--prod']);
	});

	it('reads a join inside parentheses, lines breaking before a +', () => {
		const text = [
			'$settings = (\'{"secretsManagementSettings": {"pollingIntervalInS": "\' + $interval + \'",\'',
			'  + \'"observedCertificates": [{"url": "https://kvprod.vault.azure.net/secrets/web/0123456789abcdef0123456789abcdef"}]}}\')',
			install(),
		].join('\n');
		expect(findings(text)).toEqual(['KV016:versioned 0123456789abcdef0123456789abcdef']);
	});

	it('takes <placeholders> and unknown variables inside JSON strings as unknown values', () => {
		const text = [
			'$settings = \'{"secretsManagementSettings": {"pollingIntervalInS": "\' + <pollingInterval> +',
			'\'", "observedCertificates": [{"url": "\' + $cert.SecretId + \'"}]},',
			'"authenticationSettings": {"msiEndpoint": "http://169.254.169.254/metadata/identity/oauth2/token", "msiClientId": "\' + $clientId + \'"}}\'',
			install(),
		].join('\n');
		const result = check(text);
		expect(result.unreadSettings).toBe(0);
		expect(findings(text, result)).toEqual(['KV054:pollingInterval <pollingInterval>']);
	});

	it('says one } too many where it stands, and that -Setting takes no string (en, ja)', () => {
		const text = [
			'$settings = \'{"secretsManagementSettings": {"pollingIntervalInS": "3600",',
			'"observedCertificates": [{"url": "https://kvprod.vault.azure.net/secrets/web"}] } },',
			'"authenticationSettings": {"msiEndpoint": "http://169.254.169.254/metadata/identity/oauth2/token"}}\'',
			vmss,
		].join('\n');
		const result = check(text);
		expect(findings(text, result)).toEqual(['KV050:syntax }', 'KV051:settingAsString $settings']);
		const extra = result.diagnostics[0]!;
		// The second } of `} },`: the one that closes the whole JSON too early.
		expect(extra.range.start.offset).toBe(text.indexOf('} },') + 2);
		expect(extra.message).toBe(
			'JSON syntax error: this } closes the whole JSON, but more text follows: there is one } too many, or a { missing before it.'
		);
		expect(check(text, 'ja').diagnostics[0]!.message).toBe(
			'JSON の構文エラー: この } で JSON 全体が閉じていますが、その後にまだテキストが続いています。} が 1 つ多いか、それより前で { が 1 つ足りません。'
		);
	});

	it('says "not read" at an unknown part that may hold brackets or commas, never a syntax error', () => {
		const cases = [
			// What $inner holds would decide whether the braces balance.
			["'{\"secretsManagementSettings\": {' + $inner + '}}}'", '$inner'],
			// A whole object: not "no problems".
			["'{\"secretsManagementSettings\": ' + $inner + '}'", '$inner'],
			// A property name.
			['\'{"\' + $section + \'": {"pollingIntervalInS": "3600"}}\'', '$section'],
		] as const;
		for (const [join, part] of cases) {
			const text = `$settings = ${join}\n${install()}`;
			const result = check(text);
			expect(result.unreadSettings).toBe(1);
			expect(findings(text, result)).toEqual([`KV051:partNotRead ${part}`]);
			expect(result.diagnostics[0]!.severity).toBe('warning');
		}
		const text = `$settings = ${cases[0][0]}\n${install()}`;
		expect(check(text).diagnostics[0]!.message).toBe(
			'Settings not read: part of their JSON is $inner, whose value this script does not show and which may hold part of the JSON’s structure (brackets, commas) — findings for them are not shown.'
		);
		expect(check(text, 'ja').diagnostics[0]!.message).toBe(
			'settings を読み取れませんでした。settings の JSON に埋め込まれた $inner の値がこのスクリプトからは分からず、その値がかっこやコンマなどの JSON の構造を含んでいる可能性があるためです。この拡張機能の settings についての問題は表示されません。'
		);
	});

	it('joins a number as its digits, and leaves a join that starts with an unknown variable', () => {
		const number = [
			'$settings = \'{"secretsManagementSettings": {"pollingIntervalInS": \' + 3600 + \', "observedCertificates": [{"url": "https://kvprod.vault.azure.net/secrets/web"}]}}\'',
			install(),
		].join('\n');
		// pollingIntervalInS must be a string: the joined digits are a number in the JSON.
		const [kv010] = check(number).diagnostics;
		expect([kv010!.ruleId, kv010!.range.start.offset]).toEqual(['KV010', number.indexOf('3600')]);
		const unknownFirst = `$settings = $prefix + '"observedCertificates": []}}'\n${install()}`;
		const result = check(unknownFirst);
		expect(result.unreadSettings).toBe(1);
		expect(result.diagnostics.map((d) => `${d.ruleId}:${d.messageId}`)).toEqual([
			'KV051:variableNotRead',
		]);
	});
});

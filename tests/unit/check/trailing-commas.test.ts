import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits, checkSync, type CheckResult } from '../../../src/core/check/index.ts';
import { findTrailingCommas } from '../../../src/core/check/trailing-commas.ts';

// az CLI parses --settings with shell_safe_json_parse (Azure/azure-cli
// src/azure-cli-core/azure/cli/core/util.py @75c41683): json.loads, then ast.literal_eval, else
// "Failed to parse JSON". A trailing comma passes only the second, which has no true/false/null.

const url = 'https://kvprod.vault.azure.net/secrets/web';
const az = (command: string, settings: string) =>
	`${command} --name KeyVaultForLinux --publisher Microsoft.Azure.KeyVault --version 3.0 --settings '${settings}'`;
const vmCommand = 'az vm extension set --resource-group rg --vm-name vm1';

/** `messageId severity line:column-line:column` of every KV050 finding. */
function commas(result: CheckResult): string[] {
	return result.diagnostics
		.filter((d) => d.ruleId === 'KV050')
		.map(
			(d) =>
				`${d.messageId} ${d.severity} ${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`
		);
}

describe('trailing commas in az --settings JSON (KV050)', () => {
	it('warns at the comma when az accepts it only as a Python literal', () => {
		const text = az(
			vmCommand,
			`{"secretsManagementSettings": {"pollingIntervalInS": "3600", "observedCertificates": ["${url}",]}}`
		);
		const result = checkSync(text);
		// Columns count from 1: the comma of `",]` in the command line.
		const column = text.indexOf('",]') + 2;
		expect(commas(result)).toEqual([`trailingCommaAzLiteral warning 1:${column}-1:${column + 1}`]);
		const finding = result.diagnostics.find((d) => d.ruleId === 'KV050')!;
		expect(finding.message).toBe(
			'Trailing comma. Strict JSON rejects it; az CLI accepts the --settings JSON only by reading it again as a Python literal. With any true, false or null added, az fails with "Failed to parse JSON"; remove it.'
		);
		expect(
			checkSync(text, { lang: 'ja' }).diagnostics.find((d) => d.ruleId === 'KV050')!.message
		).toContain('Python のリテラルとして読み直して受け付けています');
	});

	it('is an error when the JSON also holds true, false or null (az fails), and the fix removes it', () => {
		const settings = `{"secretsManagementSettings": {"pollingIntervalInS": "3600", "requireInitialSync": true, "observedCertificates": ["${url}"],},}`;
		for (const command of [
			vmCommand,
			'az vmss extension set --resource-group rg --vmss-name ss1',
			'az connectedmachine extension create --resource-group rg --machine-name m1 --location westeurope --type KeyVaultForLinux --type-handler-version 3.0',
		]) {
			const text = az(command, settings);
			const result = checkSync(text);
			const found = result.diagnostics.filter((d) => d.ruleId === 'KV050');
			expect(found.map((d) => [d.messageId, d.severity])).toEqual([
				['trailingCommaAzFails', 'error'],
				['trailingCommaAzFails', 'error'],
			]);
			for (const d of found)
				expect(text.slice(d.fix!.edits[0]!.start, d.fix!.edits[0]!.end)).toBe(',');
			expect(found[0]!.message).toContain('this JSON holds true');
			expect(found[0]!.message).toContain('"Failed to parse JSON"');
			const fixed = applyEdits(
				text,
				found.flatMap((d) => d.fix!.edits)
			).text;
			expect(fixed).toContain(`["${url}"]}}'`);
			expect(commas(checkSync(fixed))).toEqual([]);
		}
		const ja = checkSync(az(vmCommand, settings), { lang: 'ja' }).diagnostics.find(
			(d) => d.ruleId === 'KV050'
		)!;
		expect(ja.message).toContain('Python にない true があるため');
		expect(ja.message).toContain('「Failed to parse JSON」で失敗します');
	});

	it('points at the comma inside a settings file given by @path, before a comment', () => {
		const file = `{\n  "secretsManagementSettings": {\n    "pollingIntervalInS": "3600",\n    "observedCertificates": ["${url}"],\n    "linkOnRenewal": false, // kept\n  }\n}\n`;
		const result = checkSync(
			`${vmCommand} --name KeyVaultForLinux --publisher Microsoft.Azure.KeyVault --version 3.0 --settings @settings.json`,
			{ readFile: (path) => (path === 'settings.json' ? file : undefined) }
		);
		const found = result.diagnostics.filter((d) => d.ruleId === 'KV050');
		expect(commas(result)).toEqual(['trailingCommaAzFails error 5:27-5:28']);
		expect(found[0]!.file).toBe('settings.json');
		expect(found[0]!.message).toContain('holds false');
	});

	it('points at a trailing comma in inline --protected-settings too, naming that option', () => {
		const text = `${az(vmCommand, `{"secretsManagementSettings": {"pollingIntervalInS": "3600", "observedCertificates": ["${url}"]}}`)} --protected-settings '{"note": "x",}'`;
		const found = checkSync(text).diagnostics.filter((d) => d.ruleId === 'KV050');
		expect(
			found.map((d) => [
				d.messageId,
				text.slice(d.fix!.edits[0]!.start, d.fix!.edits[0]!.start + 3),
			])
		).toEqual([['trailingCommaAzLiteral', ",}'"]]);
		expect(found[0]!.message).toContain('the --protected-settings JSON');
	});

	it('says nothing of JSON without trailing commas, nor of -SettingString (not az)', () => {
		expect(
			commas(
				checkSync(
					az(
						vmCommand,
						`{"secretsManagementSettings": {"pollingIntervalInS": "3600", "observedCertificates": ["${url}"]}}`
					)
				)
			)
		).toEqual([]);
		const ps = `Set-AzVMExtension -ResourceGroupName rg -VMName vm1 -Name KeyVaultForLinux -Publisher Microsoft.Azure.KeyVault -Type KeyVaultForLinux -TypeHandlerVersion "3.0" -SettingString '{"secretsManagementSettings": {"pollingIntervalInS": "3600", "observedCertificates": ["${url}",]}}'`;
		expect(commas(checkSync(ps))).toEqual([]);
	});
});

describe('the Learn-shaped az sample with a trailing comma', () => {
	const name = 'linux-3.0-az-trailing-comma.sh';
	const text = readFileSync(
		new URL(`../../fixtures/check/learn-samples/${name}`, import.meta.url),
		'utf8'
	);

	it('names the placeholders and points at the comma left after the last certificate', () => {
		const result = checkSync(text, { path: name });
		expect(result.extensionCount).toBe(1);
		expect(
			result.diagnostics.map(
				(d) =>
					`${d.ruleId}:${d.messageId} ${d.severity} ${d.range.start.line}:${d.range.start.column}`
			)
		).toEqual([
			'KV054:resourceGroup info 4:7',
			'KV054:machineName info 5:14',
			'KV054:vaultName info 14:27',
			'KV050:trailingCommaAzFails error 16:10',
		]);
	});

	it('is a warning once the JSON holds no true, false or null', () => {
		const withoutTrue = text.replace('      "aclEnabled": true,\n', '');
		expect(withoutTrue).not.toContain('true,');
		expect(commas(checkSync(withoutTrue, { path: name }))).toEqual([
			'trailingCommaAzLiteral warning 15:10-15:11',
		]);
	});
});

describe('trailing commas elsewhere', () => {
	it('is an info in settings checked on their own', () => {
		const text = `{\n  "secretsManagementSettings": {\n    "pollingIntervalInS": "3600",\n    "observedCertificates": ["${url}",]\n  }\n}\n`;
		const result = checkSync(text, { path: 'settings.json' });
		expect(commas(result)).toEqual(['trailingCommaSettings info 4:74-4:75']);
		expect(result.diagnostics.find((d) => d.ruleId === 'KV050')!.message).toContain(
			'ARM templates accept it'
		);
	});

	it('says nothing in an ARM template (ARM accepts them)', () => {
		const template = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines/extensions",
      "apiVersion": "2023-03-01",
      "name": "vm1/KeyVaultForLinux",
      "location": "westeurope",
      "properties": {
        "publisher": "Microsoft.Azure.KeyVault",
        "type": "KeyVaultForLinux",
        "typeHandlerVersion": "3.0",
        "autoUpgradeMinorVersion": true,
        "settings": {
          "secretsManagementSettings": { "pollingIntervalInS": "3600", "observedCertificates": ["${url}",], },
        },
      },
    },
  ],
}`;
		const result = checkSync(template, { path: 'azuredeploy.json' });
		expect(result.extensionCount).toBe(1);
		expect(commas(result)).toEqual([]);
	});

	it('finds commas before } and ] across comments, and the first JSON keyword', () => {
		expect(findTrailingCommas('{"a": [1, 2, /* c */], "b": {"c": "d", // x\n}, }')).toEqual({
			commas: [11, 37, 45],
			jsonKeyword: undefined,
		});
		expect(findTrailingCommas('{"a": null, "b": [true,], "c": "false"}')).toEqual({
			commas: [22],
			jsonKeyword: 'null',
		});
	});
});

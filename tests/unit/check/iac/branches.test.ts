import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../../../src/core/check/index.ts';
import { checkIac } from './helpers.ts';

const lines = (result: Awaited<ReturnType<typeof check>>) =>
	result.diagnostics.map(
		(d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column} ${d.message}`
	);

const bicepExtension = (os: string) => `param OS string${os}
resource vm 'Microsoft.Compute/virtualMachines@2024-11-01' = {
  name: 'vm1'
  location: 'japaneast'
  identity: { type: 'SystemAssigned' }
  properties: {}
}
resource ext 'Microsoft.Compute/virtualMachines/extensions@2024-11-01' = {
  parent: vm
  name: 'kv'
  location: 'japaneast'
  properties: {
    publisher: 'Microsoft.Azure.KeyVault'
    type: OS == 'Windows' ? 'KeyVaultForWindows' : 'KeyVaultForLinux'
    typeHandlerVersion: OS == 'Windows' ? '3.0' : '2.0'
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: '3600'
        observedCertificates: [ 'https://kv1.vault.azure.net/secrets/web' ]
      }
    }
  }
}
`;

/** Issue 20: a conditional whose condition is not known is checked on each branch. */
describe('conditionals checked per branch', () => {
	it('Bicep: each branch of `OS == … ? … : …` is checked, the type paired with its version', async () => {
		const result = await checkIac(bicepExtension(''), 'main.bicep');
		expect(lines(result)).toEqual([
			expect.stringMatching(
				/^KV004 15:51 typeHandlerVersion 2\.0 .* This applies when OS is not 'Windows'\.$/
			),
			expect.stringMatching(
				/^KV012 19:33 With Windows 3\.0, .* This applies when OS is 'Windows'\.$/
			),
		]);
		expect(result.extensionCount).toBe(1);
		const ja = await checkIac(bicepExtension(''), 'main.bicep', { lang: 'ja' });
		expect(ja.diagnostics[0]!.message).toMatch(
			/この指摘は、OS が 'Windows' 以外の場合に当てはまります。$/
		);
	});

	it('Bicep: a condition known from a default takes its branch only', async () => {
		const result = await checkIac(bicepExtension(" = 'Linux'"), 'main.bicep');
		expect(lines(result)).toEqual([
			expect.stringMatching(
				/^KV004 15:51 typeHandlerVersion 2\.0 .*upgrade to 3\.0 or later \(preferably 4\.0\)\.$/
			),
		]);
	});

	it('ARM: `[if(equals(parameters(…), …), …)]` is checked on each branch', async () => {
		const template = (os: Record<string, string>) =>
			JSON.stringify(
				{
					$schema:
						'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
					contentVersion: '1.0.0.0',
					parameters: { os: { type: 'string', ...os } },
					resources: [
						{
							type: 'Microsoft.Compute/virtualMachines/extensions',
							apiVersion: '2024-11-01',
							name: 'vm1/kv',
							location: 'japaneast',
							properties: {
								publisher: 'Microsoft.Azure.KeyVault',
								type: "[if(equals(parameters('os'), 'Windows'), 'KeyVaultForWindows', 'KeyVaultForLinux')]",
								typeHandlerVersion: "[if(equals(parameters('os'), 'Windows'), '3.0', '2.0')]",
								settings: {
									secretsManagementSettings: {
										pollingIntervalInS: '3600',
										observedCertificates: [{ url: 'https://kv1.vault.azure.net/secrets/web' }],
									},
								},
							},
						},
					],
				},
				null,
				2
			);
		const result = await check(template({}), { path: 'azuredeploy.json' });
		expect(lines(result)).toEqual([
			expect.stringMatching(
				/^KV004 18:81 typeHandlerVersion 2\.0 .* This applies when parameters\('os'\) is not 'Windows'\.$/
			),
			'KV012 23:15 With Linux 2.0, observedCertificates items are URL strings. This applies when ' +
				"parameters('os') is not 'Windows'.",
		]);
		// Known: the branch taken only (no "applies when").
		const known = await check(template({ defaultValue: 'Windows' }), { path: 'azuredeploy.json' });
		expect(lines(known)).toEqual([]);
	});

	it('Terraform: `var.os == "windows" ? "3.0" : "2.0"` is checked on each branch', async () => {
		const text = `variable "os" { type = string }
resource "azurerm_linux_virtual_machine" "vm" {
  name = "vm1"
}
resource "azurerm_virtual_machine_extension" "kv" {
  name                 = "kv"
  virtual_machine_id   = azurerm_linux_virtual_machine.vm.id
  publisher            = "Microsoft.Azure.KeyVault"
  type                 = var.os == "windows" ? "KeyVaultForWindows" : "KeyVaultForLinux"
  type_handler_version = var.os == "windows" ? "3.0" : "2.0"
  settings = jsonencode({
    secretsManagementSettings = {
      pollingIntervalInS   = "3600"
      observedCertificates = ["https://kv1.vault.azure.net/secrets/web"]
    }
  })
}
`;
		const result = await checkIac(text, 'main.tf');
		expect(lines(result).filter((l) => l.startsWith('KV004'))).toEqual([
			expect.stringMatching(/^KV004 10:56 .* This applies when var\.os is not 'windows'\.$/),
		]);
	});
});

/** The public case (tests/fixtures/real-world/adf-vm-branches, JUDGEMENTS.md). */
describe('a public Bicep file with the OS per branch (issue 20)', () => {
	it('finds KV004 on the Linux branch of VM-VM.bicep, and nothing on the Windows one', async () => {
		const name = 'VM-VM.bicep';
		const text = readFileSync(
			new URL(`../../../fixtures/real-world/adf-vm-branches/${name}`, import.meta.url),
			'utf8'
		);
		const result = await checkIac(text, name);
		expect(result.extensionCount).toBe(1);
		expect(
			result.diagnostics.map(
				(d) =>
					`${d.ruleId} ${d.severity} ${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`
			)
		).toEqual(['KV004 warning 57:76-57:81']);
		expect(result.diagnostics[0]!.message).toMatch(
			/This applies when OSType\[AppServer\.OSType\]\.OS is 'Linux'\.$/
		);
	});
});

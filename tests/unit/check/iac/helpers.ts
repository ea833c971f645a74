import { expect } from 'vitest';
import { fileGrammars } from '../../../../src/cli/grammars.ts';
import { check, type CheckOptions } from '../../../../src/core/check/index.ts';
import type { CheckResult } from '../../../../src/core/check/index.ts';
import { findingAt, marked } from '../helpers.ts';

/** Checks Bicep or Terraform text (grammars read from node_modules, as the CLI does). */
export function checkIac(
	text: string,
	path: string,
	options: CheckOptions = {}
): Promise<CheckResult> {
	return check(text, { path, grammars: fileGrammars, ...options });
}

/** Asserts one finding of the rule exactly at the ⟦marked⟧ range. */
export async function expectIacFinding(input: string, path: string, ruleId: string): Promise<void> {
	const { text, start, end } = marked(input);
	const result = await checkIac(text, path);
	findingAt(result, ruleId, start, end);
}

/** Asserts that the rule reports nothing (and that the extension was found). */
export async function expectIacNone(
	text: string,
	path: string,
	ruleId: string
): Promise<CheckResult> {
	const result = await checkIac(text.replace(/[⟦⟧]/g, ''), path);
	expect(result.extensionCount).toBeGreaterThan(0);
	expect(result.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => d.message)).toEqual([]);
	return result;
}

/** A Bicep file: a Linux VM with a system-assigned identity and a Key Vault extension child. */
export function bicep(
	options: {
		identity?: string;
		version?: string;
		settings?: string;
		extra?: string;
		name?: string;
		parent?: string;
	} = {}
): string {
	return `param location string = 'japaneast'
resource vm 'Microsoft.Compute/virtualMachines@2024-11-01' = {
  name: 'vm1'
  location: location
  ${options.identity ?? "identity: { type: 'SystemAssigned' }"}
  properties: {
    storageProfile: { imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' } }
  }
}
${options.extra ?? ''}
resource kvExtension 'Microsoft.Compute/virtualMachines/extensions@2024-11-01' = {
  ${options.parent ?? 'parent: vm'}
  name: ${options.name ?? "'KeyVaultForLinux'"}
  location: location
  properties: {
    publisher: 'Microsoft.Azure.KeyVault'
    type: 'KeyVaultForLinux'
    typeHandlerVersion: ${options.version ?? "'3.0'"}
    autoUpgradeMinorVersion: true
    settings: {
      secretsManagementSettings: {
        ${options.settings ?? "pollingIntervalInS: '3600'\n        observedCertificates: [ { url: 'https://kv1.vault.azure.net/secrets/web' } ]"}
      }
    }
  }
}
`;
}

/** A Terraform file: a Linux VM with a system-assigned identity and a Key Vault extension. */
export function terraform(
	options: { identity?: string; version?: string; settings?: string; extra?: string } = {}
): string {
	return `resource "azurerm_linux_virtual_machine" "vm" {
  name     = "vm1"
  location = "japaneast"
  ${options.identity ?? 'identity {\n    type = "SystemAssigned"\n  }'}
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}
${options.extra ?? ''}
resource "azurerm_virtual_machine_extension" "kv" {
  name                 = "KeyVaultForLinux"
  virtual_machine_id   = azurerm_linux_virtual_machine.vm.id
  publisher            = "Microsoft.Azure.KeyVault"
  type                 = "KeyVaultForLinux"
  type_handler_version = ${options.version ?? '"3.0"'}
  settings = ${options.settings ?? 'jsonencode({\n    secretsManagementSettings = {\n      pollingIntervalInS   = "3600"\n      observedCertificates = [{ url = "https://kv1.vault.azure.net/secrets/web" }]\n    }\n  })'}
}
`;
}

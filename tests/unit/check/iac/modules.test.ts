import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unreadInputRule } from '../../../../src/core/check/rules/kv051-unread-input.ts';
import { checkIac } from './helpers.ts';

const summary = (result: Awaited<ReturnType<typeof checkIac>>) =>
	result.diagnostics.map(
		(d) => `${d.ruleId} ${d.severity} ${d.range.start.line}:${d.range.start.column}`
	);

/** Issue 20: extensions passed to modules are read (Verified Modules) or said not to be checked. */
describe('extensions passed to modules', () => {
	it('reads the parameters of the Bicep Verified Module avm/res/compute/virtual-machine/extension', async () => {
		const text = `param vmName string = 'vm1'
module kvExtension 'br/public:avm/res/compute/virtual-machine/extension:0.1.0' = {
  name: 'kv-extension'
  params: {
    virtualMachineName: vmName
    name: 'KeyVaultForLinux'
    publisher: 'Microsoft.Azure.KeyVault'
    type: 'KeyVaultForLinux'
    typeHandlerVersion: '3.0'
    autoUpgradeMinorVersion: true
    enableAutomaticUpgrade: false
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: 3600
        requiredInitialSync: true
        observedCertificates: [ { url: 'https://kv1.vault.azure.net/secrets/web' } ]
      }
    }
  }
}
`;
		const result = await checkIac(text, 'main.bicep');
		expect(result.extensionCount).toBe(1);
		expect(summary(result)).toEqual(['KV010 error 14:29', 'KV052 warning 15:9']);
	});

	it('says at a module call that an extension passed to it is not checked', async () => {
		const text = `module vm 'ts/CoreSpecs:vm:1.0' = {
  name: 'vm'
  params: {
    extensionType: 'KeyVaultForWindows'
  }
}
`;
		const result = await checkIac(text, 'main.bicep');
		expect(summary(result)).toEqual(['KV051 warning 1:1']);
		expect(result.diagnostics[0]!.message).toBe(unreadInputRule.meta.messages.moduleNotChecked!.en);
		// A local module where modules are not read (the browser) says so instead (local-modules.test.ts).
		const local = await checkIac(text.replace('ts/CoreSpecs:vm:1.0', './vm.bicep'), 'main.bicep');
		expect(local.diagnostics.map((d) => d.messageId)).toEqual(['moduleNotReadHere']);
	});

	it('reads the extensions map of the Terraform Verified Module (public example, JUDGEMENTS.md)', async () => {
		const file = 'avm-tf-vm-keyvault-extension.tf';
		const text = readFileSync(
			new URL(`../../../fixtures/real-world/${file}`, import.meta.url),
			'utf8'
		);
		const result = await checkIac(text, file);
		expect(result.extensionCount).toBe(1);
		expect(summary(result)).toEqual([]);
	});

	it('reads an entry of the Terraform extensions map and checks it', async () => {
		const text = `module "vm" {
  source = "Azure/avm-res-compute-virtualmachine/azurerm"
  extensions = {
    kv = {
      name                 = "KeyVaultForLinux"
      publisher            = "Microsoft.Azure.KeyVault"
      type                 = "KeyVaultForLinux"
      type_handler_version = "3.0"
      settings = jsonencode({
        secretsManagementSettings = {
          pollingIntervalInS   = 3600
          observedCertificates = [{ url = "https://kv1.vault.azure.net/secrets/web" }]
        }
      })
    }
  }
}
`;
		const result = await checkIac(text, 'main.tf');
		expect(result.extensionCount).toBe(1);
		expect(summary(result)).toEqual(['KV010 error 11:34']);
	});

	it('says at a Terraform module call that an extension passed another way is not checked', async () => {
		const text = `module "kv" {
  source         = "./modules/kv-extension"
  extension_type = "KeyVaultForLinux"
}
`;
		expect(summary(await checkIac(text, 'main.tf'))).toEqual(['KV051 warning 1:1']);
	});
});

import { describe, expect, it } from 'vitest';
import { findingAt, marked } from '../helpers.ts';
import { checkIac, terraform } from './helpers.ts';

const langs = ['ja', 'en'] as const;

/** A scale set whose Key Vault extension comes from a dynamic block. */
const dynamicExtension = `variable "extensions" {
  default = []
}

resource "azurerm_linux_virtual_machine_scale_set" "vmss" {
  name     = "vmss1"
  location = "japaneast"
  identity {
    type = "SystemAssigned"
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
  ⟦dynamic "extension"⟧ {
    for_each = var.extensions
    content {
      name                 = extension.value.name
      publisher            = "Microsoft.Azure.KeyVault"
      type                 = "KeyVaultForLinux"
      type_handler_version = "3.0"
      settings             = jsonencode(extension.value.settings)
    }
  }
}
`;

describe('Terraform dynamic blocks, count and for_each are reported as not read, never as clean', () => {
	it.each(langs)('a dynamic "extension" block of a scale set (%s)', async (lang) => {
		const { text, start, end } = marked(dynamicExtension);
		const result = await checkIac(text, 'main.tf', { lang });
		const found = findingAt(result, 'KV051', start, end);
		expect(found.severity).toBe('warning');
		expect(found.message).toBe(
			lang === 'ja'
				? 'dynamic "extension" ブロックは for_each の値から作られるため、読み取っていません。このブロックから作られる extension についての問題は表示されません。'
				: 'The dynamic "extension" block is made from its for_each value, so it was not read: findings about the extension blocks it makes are not shown.'
		);
	});

	// claranet/terraform-azurerm-windows-vm r-vm.tf (rv20c case 06): four dynamic blocks no rule
	// reads were four warnings in a file with no Key Vault extension.
	it.each(langs)(
		'dynamic blocks no rule reads: one info for the file, at the first (%s)',
		async (lang) => {
			const vm = (extra: string) => `resource "azurerm_windows_virtual_machine" "vm" {
  name = "vm1"
  ⟦dynamic "plan"⟧ {
    for_each = var.plan[*]
    content {
      name = plan.value.name
    }
  }
  dynamic "secret" {
    for_each = var.secrets
    content {
      key_vault_id = secret.value.key_vault_id
    }
  }
${extra}}
`;
			const { text, start, end } = marked(vm(''));
			const result = await checkIac(text, 'r-vm.tf', { lang });
			expect(result.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['KV051 info']);
			expect(findingAt(result, 'KV051', start, end).message).toBe(
				lang === 'ja'
					? 'dynamic ブロック "plan"、"secret" は for_each の値から作られるため、読み取っていません。ただし、これらのブロックは Key Vault VM 拡張機能、その settings、マシンの ID やイメージ、Key Vault のアクセス ポリシーのどれにも関係しないため、確認結果には影響しません。'
					: 'The dynamic blocks "plan", "secret" are made from their for_each values and were not read; none of them can hold a Key Vault VM extension, its settings, the machine’s identity or image, or a vault access policy, so no finding depends on them.'
			);
			// A dynamic identity or image beside them stays a warning of its own.
			const withIdentity = await checkIac(
				vm(
					'  dynamic "identity" {\n    for_each = var.identities\n    content {\n      type = identity.value\n    }\n  }\n'
				).replace(/[⟦⟧]/g, ''),
				'r-vm.tf',
				{ lang }
			);
			expect(
				withIdentity.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.range.start.line}`)
			).toEqual(['KV051 info 3', 'KV051 warning 15']);
			// So does os_profile's windows_configuration (orchestrated scale sets): it tells the OS.
			const withOsConfiguration = await checkIac(
				vm(
					'  dynamic "windows_configuration" {\n    for_each = var.windows\n    content {\n      timezone = windows_configuration.value\n    }\n  }\n'
				).replace(/[⟦⟧]/g, ''),
				'r-vm.tf',
				{ lang }
			);
			expect(
				withOsConfiguration.diagnostics.map(
					(d) => `${d.ruleId} ${d.severity} ${d.range.start.line}`
				)
			).toEqual(['KV051 info 3', 'KV051 warning 15']);
		}
	);

	it.each(langs)(
		'a dynamic "identity" block: the identity is unknown, not missing (%s)',
		async (lang) => {
			const { text, start, end } = marked(
				terraform({
					identity:
						'⟦dynamic "identity"⟧ {\n    for_each = var.identities\n    content {\n      type = identity.value\n    }\n  }',
				})
			);
			const result = await checkIac(text, 'main.tf', { lang });
			expect(result.extensionCount).toBe(1);
			findingAt(result, 'KV051', start, end);
			// Without the dynamic block the machine has no identity at all (KV029).
			expect(result.diagnostics.filter((d) => d.ruleId === 'KV029')).toEqual([]);
			const without = await checkIac(terraform({ identity: '' }), 'main.tf', { lang });
			expect(without.diagnostics.map((d) => d.ruleId)).toContain('KV029');
		}
	);

	it.each(langs)('for_each on a Key Vault extension resource (%s)', async (lang) => {
		const { text, start, end } = marked(
			terraform().replace(
				'resource "azurerm_virtual_machine_extension" "kv" {\n',
				'resource "azurerm_virtual_machine_extension" "kv" {\n  ⟦for_each⟧ = toset(["a", "b"])\n'
			)
		);
		const result = await checkIac(text, 'main.tf', { lang });
		expect(result.extensionCount).toBe(1);
		const found = findingAt(result, 'KV051', start, end);
		expect(found.message).toBe(
			lang === 'ja'
				? 'このリソースは for_each で繰り返し作られます。すべてのインスタンスをまとめて 1 つとして確認し、for_each から来る値 (each.value、count.index など) は「不明」として扱います。'
				: 'This resource is repeated with for_each: its instances are checked as one, and values that come from for_each (each.value, count.index…) are treated as unknown.'
		);
	});

	it('count on a Key Vault extension resource', async () => {
		const { text, start, end } = marked(
			terraform().replace(
				'resource "azurerm_virtual_machine_extension" "kv" {\n',
				'resource "azurerm_virtual_machine_extension" "kv" {\n  ⟦count⟧ = var.enabled ? 1 : 0\n'
			)
		);
		findingAt(await checkIac(text, 'main.tf'), 'KV051', start, end);
	});

	it('says nothing of the kind for a file without them', async () => {
		const result = await checkIac(terraform(), 'main.tf');
		expect(result.diagnostics.filter((d) => d.ruleId === 'KV051')).toEqual([]);
	});
});

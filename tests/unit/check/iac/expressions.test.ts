import { describe, expect, it } from 'vitest';
import { checkIac, terraform } from './helpers.ts';

const summary = async (text: string) =>
	(await checkIac(text, 'main.tf')).diagnostics.map(
		(d) => `${d.ruleId} ${d.severity} ${d.range.start.line}:${d.range.start.column}`
	);

/** Issue 20: Terraform expressions whose value is known followed (try() fallback, for expressions). */
describe('Terraform expressions', () => {
	it('reads the fallback of try() when the module input before it is unknown', async () => {
		const text = terraform({
			version: 'try(var.ext.version, "1.0")',
			extra: 'variable "ext" {\n  type = object({ version = optional(string) })\n}',
		});
		// 1.0 is the fallback: KV004, and KV012 since 1.0 takes a list of URL strings.
		expect(await summary(text)).toEqual(['KV004 warning 22:47', 'KV012 error 26:31']);
	});

	it('reads the value given to the variable when it has one', async () => {
		const text = terraform({
			version: 'try(var.ext.version, "1.0")',
			extra: 'variable "ext" {\n  default = { version = "3.0" }\n}',
		});
		expect(await summary(text)).toEqual([]);
	});

	it('follows a local list built with for over certificates: secret_id is versioned (KV042)', async () => {
		const text = terraform({
			extra: `data "azurerm_key_vault_certificate" "c" {
  for_each     = toset(["web", "api"])
  name         = each.key
  key_vault_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1"
}
locals {
  ids = [for k, v in data.azurerm_key_vault_certificate.c : v.secret_id]
}`,
			settings:
				'jsonencode({\n    secretsManagementSettings = {\n      pollingIntervalInS   = "3600"\n      observedCertificates = [for id in local.ids : { url = id }]\n    }\n  })',
		});
		expect(await summary(text)).toEqual(['KV042 warning 20:61']);
	});
});

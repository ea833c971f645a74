import { describe, expect, it } from 'vitest';
import { bicep, checkIac, terraform } from './helpers.ts';

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

/** Issue 20: a Bicep `for` over an array known here is read item by item. */
describe('Bicep for over a known array', () => {
	const file = (items: string) =>
		bicep({
			extra: `param certs array = [\n${items}\n]`,
			settings:
				"pollingIntervalInS: '3600'\n        observedCertificates: [for c in certs: { url: c.url }]",
		});
	const versioned = (n: number) =>
		`  { url: 'https://kv1.vault.azure.net/secrets/web${n}/0123456789abcdef0123456789abcdef' }`;

	it('sees each item: a versioned URL is found where the item is written', async () => {
		const text = file(
			["  { url: 'https://kv1.vault.azure.net/secrets/web' }", versioned(1)].join('\n')
		);
		const result = await checkIac(text, 'main.bicep');
		expect(
			result.diagnostics.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}`)
		).toEqual(['KV016 12:52']);
	});

	it('leaves an array over 64 items unknown (one body, the loop variable unknown)', async () => {
		const items = Array.from({ length: 65 }, (_, i) => versioned(i)).join('\n');
		const result = await checkIac(file(items), 'main.bicep');
		expect(result.extensionCount).toBe(1);
		expect(result.diagnostics.filter((d) => d.ruleId === 'KV016')).toEqual([]);
	});
});

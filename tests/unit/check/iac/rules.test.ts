import { describe, expect, it } from 'vitest';
import { marked } from '../helpers.ts';
import { bicep, checkIac, expectIacFinding, expectIacNone, terraform } from './helpers.ts';

const observed = (url: string) =>
	`pollingIntervalInS: '3600'\n        observedCertificates: [ { url: ${url} } ]`;
const tfObserved = (url: string) =>
	`jsonencode({\n    secretsManagementSettings = {\n      pollingIntervalInS   = "3600"\n      observedCertificates = [{ url = ${url} }]\n    }\n  })`;

/** [rule, failing Bicep (marked), passing Bicep] */
const bicepCases: Array<[string, string, string]> = [
	['KV003', bicep({ version: "⟦'3'⟧" }), bicep()],
	[
		'KV005',
		bicep({ parent: '', name: "⟦'KeyVaultForLinux'⟧" }),
		bicep({ parent: '', name: "'${vm.name}/KeyVaultForLinux'" }),
	],
	['KV005', bicep({ name: "⟦'vm1/KeyVaultForLinux'⟧" }), bicep()],
	[
		'KV010',
		bicep({
			settings:
				"pollingIntervalInS: ⟦3600⟧\n        observedCertificates: [ { url: 'https://kv1.vault.azure.net/secrets/web' } ]",
		}),
		bicep(),
	],
	['KV014', bicep({ settings: observed("⟦'https://kv1.vault.azure.net/secret/web'⟧") }), bicep()],
	[
		'KV015',
		bicep({ settings: observed("'https://kv1.vault.azure.net/⟦certificates⟧/web'") }),
		bicep(),
	],
	[
		'KV016',
		bicep({
			settings: observed(
				"'https://kv1.vault.azure.net/secrets/web/⟦0123456789abcdef0123456789abcdef⟧'"
			),
		}),
		bicep(),
	],
	['KV029', bicep({ identity: '' }).replace("= {\n  name: 'vm1'", "= ⟦{⟧\n  name: 'vm1'"), bicep()],
	[
		'KV043',
		bicep({
			extra:
				"resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = { name: 'kv1' }\nresource web 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = {\n  parent: kv\n  name: 'web'\n}",
			settings: observed('web.properties.⟦secretUriWithVersion⟧'),
		}),
		bicep({
			extra:
				"resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = { name: 'kv1' }\nresource web 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = {\n  parent: kv\n  name: 'web'\n}",
			settings: observed('web.properties.secretUri'),
		}),
	],
	// The 1.0 string form, as AzureDeploymentFramework's VM-VM.bicep writes it (JUDGEMENTS.md).
	[
		'KV043',
		bicep({
			extra:
				"resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = { name: 'kv1' }\nresource web 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = {\n  parent: kv\n  name: 'web'\n}",
			settings:
				"pollingIntervalInS: '3600'\n        observedCertificates: [ web.properties.⟦secretUriWithVersion⟧ ]",
		}),
		bicep({
			extra:
				"resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = { name: 'kv1' }\nresource web 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = {\n  parent: kv\n  name: 'web'\n}",
			settings:
				"pollingIntervalInS: '3600'\n        observedCertificates: [ web.properties.secretUri ]",
		}),
	],
	[
		'KV036',
		bicep({
			extra:
				"resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv1'\n  location: location\n  properties: { enableRbacAuthorization: true, tenantId: subscription().tenantId, sku: { family: 'A', name: 'standard' } }\n}",
			settings: observed("⟦'https://kv1.vault.azure.net/secrets/web'⟧"),
		}),
		bicep({
			extra:
				"resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv1'\n  location: location\n  properties: { enableRbacAuthorization: true, tenantId: subscription().tenantId, sku: { family: 'A', name: 'standard' } }\n}\nresource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  name: guid(kv.id, vm.id)\n  scope: kv\n  properties: {\n    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')\n    principalId: vm.identity.principalId\n  }\n}",
			settings: observed("'${kv.properties.vaultUri}secrets/web'"),
		}),
	],
];

/** [rule, failing Terraform (marked), passing Terraform] */
const terraformCases: Array<[string, string, string]> = [
	['KV003', terraform({ version: '⟦"3"⟧' }), terraform()],
	[
		'KV010',
		terraform({
			settings:
				'jsonencode({\n    secretsManagementSettings = {\n      pollingIntervalInS   = ⟦3600⟧\n      observedCertificates = [{ url = "https://kv1.vault.azure.net/secrets/web" }]\n    }\n  })',
		}),
		terraform(),
	],
	[
		'KV014',
		terraform({ settings: tfObserved('⟦"https://kv1.vault.azure.net/secret/web"⟧') }),
		terraform(),
	],
	[
		'KV015',
		terraform({ settings: tfObserved('"https://kv1.vault.azure.net/⟦certificates⟧/web"') }),
		terraform(),
	],
	[
		'KV016',
		terraform({
			settings: tfObserved(
				'"https://kv1.vault.azure.net/secrets/web/⟦0123456789abcdef0123456789abcdef⟧"'
			),
		}),
		terraform(),
	],
	[
		'KV029',
		terraform({ identity: '' })
			.replace('⟦', '')
			.replace(/^resource/, '⟦r⟧esource'),
		terraform(),
	],
	[
		'KV042',
		terraform({
			extra:
				'resource "azurerm_key_vault_certificate" "web" {\n  name         = "web"\n  key_vault_id = var.key_vault_id\n}',
			settings: tfObserved('azurerm_key_vault_certificate.web.⟦secret_id⟧'),
		}),
		terraform({
			extra:
				'resource "azurerm_key_vault_certificate" "web" {\n  name         = "web"\n  key_vault_id = var.key_vault_id\n}',
			settings: tfObserved('azurerm_key_vault_certificate.web.versionless_secret_id'),
		}),
	],
	[
		'KV042',
		terraform({
			extra:
				'data "azurerm_key_vault_certificate" "web" {\n  name         = "web"\n  key_vault_id = var.key_vault_id\n}',
			settings:
				'<<SETTINGS\n  {\n    "secretsManagementSettings": {\n      "pollingIntervalInS": "3600",\n      "observedCertificates": [ { "url": "${data.azurerm_key_vault_certificate.web.⟦id⟧}" } ]\n    }\n  }\nSETTINGS',
		}),
		terraform({
			extra:
				'data "azurerm_key_vault_certificate" "web" {\n  name         = "web"\n  key_vault_id = var.key_vault_id\n}',
			settings:
				'<<SETTINGS\n  {\n    "secretsManagementSettings": {\n      "pollingIntervalInS": "3600",\n      "observedCertificates": [ { "url": "${data.azurerm_key_vault_certificate.web.versionless_secret_id}" } ]\n    }\n  }\nSETTINGS',
		}),
	],
	[
		'KV036',
		terraform({
			extra:
				'resource "azurerm_key_vault" "kv" {\n  name                      = "kv1"\n  enable_rbac_authorization = true\n}',
			settings: tfObserved('⟦"https://kv1.vault.azure.net/secrets/web"⟧'),
		}),
		terraform({
			extra:
				'resource "azurerm_key_vault" "kv" {\n  name                      = "kv1"\n  enable_rbac_authorization = true\n}\nresource "azurerm_role_assignment" "kv" {\n  scope                = azurerm_key_vault.kv.id\n  role_definition_name = "Key Vault Secrets User"\n  principal_id         = azurerm_linux_virtual_machine.vm.identity[0].principal_id\n}',
			settings: tfObserved('"${azurerm_key_vault.kv.vault_uri}secrets/web"'),
		}),
	],
	[
		'KV036',
		terraform({
			extra:
				'resource "azurerm_key_vault" "kv" {\n  name = "kv1"\n  access_policy {\n    secret_permissions = ["Get"]\n  }\n}',
			settings: tfObserved('⟦"https://kv1.vault.azure.net/secrets/web"⟧'),
		}),
		terraform({
			extra:
				'resource "azurerm_key_vault" "kv" {\n  name = "kv1"\n}\nresource "azurerm_key_vault_access_policy" "vm" {\n  key_vault_id       = azurerm_key_vault.kv.id\n  secret_permissions = ["Get", "List"]\n}',
			settings: tfObserved('"https://kv1.vault.azure.net/secrets/web"'),
		}),
	],
];

describe('Bicep input: each rule fails and passes at exact ranges', () => {
	it.each(bicepCases)('%s', async (rule, bad, good) => {
		await expectIacFinding(bad, 'main.bicep', rule);
		await expectIacNone(good, 'main.bicep', rule);
	});
});

describe('Terraform input: each rule fails and passes at exact ranges', () => {
	it.each(terraformCases)('%s', async (rule, bad, good) => {
		await expectIacFinding(bad, 'main.tf', rule);
		await expectIacNone(good, 'main.tf', rule);
	});
});

/** A Terraform JSON file (.tf.json) with a machine and a Key Vault extension. */
const tfJson = (settings: string, identity = '"identity": { "type": "SystemAssigned" },') => `{
  "variable": { "interval": { "default": "3600" } },
  "resource": {
    "azurerm_linux_virtual_machine": {
      "vm": {
        "name": "vm1",
        ${identity}
        "source_image_reference": { "publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "server", "version": "latest" }
      }
    },
    "azurerm_key_vault_certificate": { "web": { "name": "web", "key_vault_id": "\${var.key_vault_id}" } },
    "azurerm_virtual_machine_extension": {
      "kv": {
        "name": "KeyVaultForLinux",
        "virtual_machine_id": "\${azurerm_linux_virtual_machine.vm.id}",
        "publisher": "Microsoft.Azure.KeyVault",
        "type": "KeyVaultForLinux",
        "type_handler_version": "3.0",
        "settings": ${settings}
      }
    }
  }
}
`;
const jsonSettings = (interval: string, url: string) =>
	`"\${jsonencode({ secretsManagementSettings = { pollingIntervalInS = ${interval}, observedCertificates = [{ url = ${url} }] } })}"`;

const terraformJsonCases: Array<[string, string, string]> = [
	[
		'KV010',
		tfJson(jsonSettings('⟦3600⟧', '\\"https://kv1.vault.azure.net/secrets/web\\"')),
		tfJson(jsonSettings('var.interval', '\\"https://kv1.vault.azure.net/secrets/web\\"')),
	],
	[
		'KV042',
		tfJson(jsonSettings('var.interval', 'azurerm_key_vault_certificate.web.⟦secret_id⟧')),
		tfJson(jsonSettings('var.interval', 'azurerm_key_vault_certificate.web.versionless_secret_id')),
	],
	[
		'KV016',
		tfJson(
			'{ "secretsManagementSettings": { "pollingIntervalInS": "3600", "observedCertificates": [ { "url": "https://kv1.vault.azure.net/secrets/web/⟦0123456789abcdef0123456789abcdef⟧" } ] } }'
		),
		tfJson(
			'{ "secretsManagementSettings": { "pollingIntervalInS": "3600", "observedCertificates": [ { "url": "https://kv1.vault.azure.net/secrets/web" } ] } }'
		),
	],
	[
		'KV029',
		tfJson(
			jsonSettings('var.interval', '\\"https://kv1.vault.azure.net/secrets/web\\"'),
			''
		).replace('"vm": {', '⟦"⟧vm": {'),
		tfJson(jsonSettings('var.interval', '\\"https://kv1.vault.azure.net/secrets/web\\"')),
	],
];

describe('Terraform JSON input (.tf.json): each rule fails and passes at exact ranges', () => {
	it.each(terraformJsonCases)('%s', async (rule, bad, good) => {
		await expectIacFinding(bad, 'main.tf.json', rule);
		await expectIacNone(good, 'main.tf.json', rule);
	});
});

describe('.bicepparam values replace parameter defaults', () => {
	const template = bicep({
		extra: "param interval string = '3600'",
		settings:
			"pollingIntervalInS: interval\n        observedCertificates: [ { url: 'https://kv1.vault.azure.net/secrets/web' } ]",
	});
	it('reports the value from the .bicepparam file where it is written', async () => {
		const { text, start, end } = marked("using './main.bicep'\n\nparam interval = ⟦3600⟧\n");
		const result = await checkIac(template, 'main.bicep', {
			parameters: { path: 'main.bicepparam', text },
		});
		const found = result.diagnostics.find((d) => d.ruleId === 'KV010');
		expect(found?.file).toBe('main.bicepparam');
		expect(found?.range.start).toMatchObject(start);
		expect(found?.range.end).toMatchObject(end);
	});
	it('passes with the default', async () => {
		const result = await checkIac(template, 'main.bicep');
		expect(result.diagnostics.filter((d) => d.ruleId === 'KV010')).toEqual([]);
	});
});

describe('Service Fabric managed cluster node types: vmExtensions', () => {
	const nodeType = (
		interval: string
	) => `resource nodeType 'Microsoft.ServiceFabric/managedClusters/nodeTypes@2024-04-01' = {
  name: 'sfmc/nt1'
  properties: {
    vmImagePublisher: 'MicrosoftWindowsServer'
    vmImageOffer: 'WindowsServer'
    vmImageSku: '2022-Datacenter'
    vmExtensions: [
      {
        name: 'KVVMExtensionForWindows'
        properties: {
          publisher: 'Microsoft.Azure.KeyVault'
          type: 'KeyVaultForWindows'
          typeHandlerVersion: '3.0'
          settings: {
            secretsManagementSettings: {
              pollingIntervalInS: ${interval}
              observedCertificates: [ { url: 'https://kv1.vault.azure.net/secrets/web', certificateStoreName: 'MY', certificateStoreLocation: 'LocalMachine' } ]
            }
          }
        }
      }
    ]
  }
}
`;
	it('reads them as the scale set extension profile', async () => {
		await expectIacFinding(nodeType('⟦3600⟧'), 'main.bicep', 'KV010');
		const result = await expectIacNone(nodeType("'3600'"), 'main.bicep', 'KV010');
		// A node type's machines have only the identities its vmManagedIdentity names: none here.
		expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['KV029']);
	});
});

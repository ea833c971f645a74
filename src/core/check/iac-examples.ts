import type { Lang, Localized } from './types.ts';

/**
 * Bicep and Terraform examples for the rule reference pages, for the rules whose mistake takes a
 * form of its own there (an attribute, a property of a resource, a bare number in `jsonencode`).
 * tests/unit/check/iac/rule-examples.test.ts checks that `bad` is reported by the rule and `good`
 * by nothing.
 */
export interface IacExample {
	language: 'bicep' | 'terraform';
	/** A whole file as `kvcert check` reads it; comments in the page's language. */
	bad: Localized;
	good: Localized;
}

/** The file name an example is checked and shown as. */
export const iacExamplePath: Record<IacExample['language'], string> = {
	bicep: 'main.bicep',
	terraform: 'main.tf',
};

/** Replaces each `«key»` of `code` with the comment `notes[key]` in each language. */
function localized(code: string, notes: Record<string, Localized>): Localized {
	const text = (lang: Lang) =>
		code.replace(/«(\w+)»/g, (_, key: string) => notes[key]?.[lang] ?? '');
	return { ja: text('ja'), en: text('en') };
}

/** A Bicep Key Vault extension on an existing Linux machine, with the given observed URL lines. */
function bicepExtension(header: string, observed: string, interval = "'3600'"): string {
	return `${header}resource vm 'Microsoft.Compute/virtualMachines@2024-11-01' existing = {
  name: 'vm-web'
}

resource kvExtension 'Microsoft.Compute/virtualMachines/extensions@2024-11-01' = {
  parent: vm
  name: 'KeyVaultForLinux'
  location: resourceGroup().location
  properties: {
    publisher: 'Microsoft.Azure.KeyVault'
    type: 'KeyVaultForLinux'
    typeHandlerVersion: '3.0'
    autoUpgradeMinorVersion: true
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: ${interval}
        observedCertificates: [
${observed}
        ]
      }
    }
  }
}
`;
}

/** A Terraform Key Vault extension on a machine given by ID, with the given `settings` lines. */
function terraformExtension(header: string, settings: string): string {
	return `${header}resource "azurerm_virtual_machine_extension" "kv" {
  name                       = "KeyVaultForLinux"
  virtual_machine_id         = var.vm_id
  publisher                  = "Microsoft.Azure.KeyVault"
  type                       = "KeyVaultForLinux"
  type_handler_version       = "3.0"
  auto_upgrade_minor_version = true
  settings = jsonencode({
    secretsManagementSettings = {
${settings}
    }
  })
}
`;
}

const tfCertificate = `resource "azurerm_key_vault_certificate" "web" {
  name         = "web"
  key_vault_id = var.key_vault_id
  # certificate_policy { … }
}

`;

const tfObserved = (url: string, note: string) => `      pollingIntervalInS = "3600"
      observedCertificates = [
        «${note}»
        { url = ${url} }
      ]`;

const bicepSecret = `resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-prod'
}

resource web 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = {
  parent: kv
  name: 'web'
}

`;

const bicepObserved = (url: string, note: string) =>
	`          «${note}»\n          { url: ${url} }`;

const notes = {
	secretId: {
		ja: '# secret_id はバージョン付きの URL: 証明書を更新しても新しいバージョンを取得しません',
		en: '# secret_id is a versioned URL: renewed certificates are not picked up',
	},
	certificateId: {
		ja: '# versionless_id は /certificates/ の URL で、秘密鍵を含みません',
		en: '# versionless_id is a /certificates/ URL, without the private key',
	},
	versionlessSecretId: {
		ja: '# versionless_secret_id: バージョンなしの /secrets/ URL',
		en: '# versionless_secret_id: the versionless /secrets/ URL',
	},
	secretUriWithVersion: {
		ja: '// secretUriWithVersion はバージョン付きの URL: 証明書を更新しても新しいバージョンを取得しません',
		en: '// secretUriWithVersion is a versioned URL: renewed certificates are not picked up',
	},
	secretUri: {
		ja: '// secretUri: バージョンなしの /secrets/ URL',
		en: '// secretUri: the versionless /secrets/ URL',
	},
	bicepCertificates: {
		ja: '// /certificates/ の URL は秘密鍵を含みません',
		en: '// a /certificates/ URL has no private key',
	},
	bicepSecrets: {
		ja: '// /secrets/ の URL で証明書と秘密鍵を取得します',
		en: '// a /secrets/ URL fetches the certificate with its private key',
	},
	tfCertificates: {
		ja: '# /certificates/ の URL は秘密鍵を含みません',
		en: '# a /certificates/ URL has no private key',
	},
	tfSecrets: {
		ja: '# /secrets/ の URL で証明書と秘密鍵を取得します',
		en: '# a /secrets/ URL fetches the certificate with its private key',
	},
	bicepNumber: {
		ja: '// 数値の 3600 は JSON の数値になり、拡張機能は "not a string" で失敗します',
		en: '// the number 3600 becomes a JSON number; the extension fails with "not a string"',
	},
	bicepString: {
		ja: "// 文字列 '3600' は JSON の文字列になります",
		en: "// the string '3600' becomes a JSON string",
	},
	tfNumber: {
		ja: '# jsonencode は数値 3600 を JSON の数値にします ("not a string" で失敗します)',
		en: '# jsonencode writes the number 3600 as a JSON number (fails with "not a string")',
	},
	tfString: {
		ja: '# 引用符で囲んだ "3600" は JSON の文字列になります',
		en: '# the quoted "3600" becomes a JSON string',
	},
	noParent: {
		ja: '// parent も "<VM 名>/" もないため、最上位のリソースとしてはデプロイできません',
		en: '// no parent and no "<vmName>/": a top-level resource cannot be deployed so',
	},
	parent: {
		ja: '// parent で仮想マシンの子リソースにします',
		en: '// parent makes it a child resource of the machine',
	},
	bicepNoClientId: {
		ja: '// ユーザー割り当てマネージド ID だけの VM で msiClientId がありません',
		en: '// the machine has only a user-assigned identity, and no msiClientId is given',
	},
	bicepClientId: {
		ja: '// 使うユーザー割り当てマネージド ID のクライアント ID を指定します',
		en: '// the client ID of the user-assigned identity to use',
	},
	tfNoClientId: {
		ja: '# ユーザー割り当てマネージド ID だけの VM で msiClientId がありません',
		en: '# the machine has only a user-assigned identity, and no msiClientId is given',
	},
	tfClientId: {
		ja: '# 使うユーザー割り当てマネージド ID のクライアント ID を指定します',
		en: '# the client ID of the user-assigned identity to use',
	},
} satisfies Record<string, Localized>;

/** A Bicep Linux machine with a user-assigned identity and a Key Vault extension child. */
function bicepUserAssigned(authentication: string): string {
	return `resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-web'
}

resource vm 'Microsoft.Compute/virtualMachines@2024-11-01' = {
  name: 'vm-web'
  location: resourceGroup().location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '\${uami.id}': {} }
  }
  properties: {
    storageProfile: {
      imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' }
    }
  }
}

resource kvExtension 'Microsoft.Compute/virtualMachines/extensions@2024-11-01' = {
  parent: vm
  name: 'KeyVaultForLinux'
  location: resourceGroup().location
  properties: {
    publisher: 'Microsoft.Azure.KeyVault'
    type: 'KeyVaultForLinux'
    typeHandlerVersion: '3.0'
    autoUpgradeMinorVersion: true
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: '3600'
        observedCertificates: [ { url: 'https://kv-prod.vault.azure.net/secrets/web' } ]
      }
${authentication}
    }
  }
}
`;
}

/** A Terraform Linux machine with a user-assigned identity and a Key Vault extension. */
function terraformUserAssigned(authentication: string): string {
	return `resource "azurerm_user_assigned_identity" "web" {
  name                = "id-web"
  location            = "japaneast"
  resource_group_name = "rg-web"
}

resource "azurerm_linux_virtual_machine" "vm" {
  name     = "vm-web"
  location = "japaneast"
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.web.id]
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

resource "azurerm_virtual_machine_extension" "kv" {
  name                       = "KeyVaultForLinux"
  virtual_machine_id         = azurerm_linux_virtual_machine.vm.id
  publisher                  = "Microsoft.Azure.KeyVault"
  type                       = "KeyVaultForLinux"
  type_handler_version       = "3.0"
  auto_upgrade_minor_version = true
  settings = jsonencode({
    secretsManagementSettings = {
      pollingIntervalInS   = "3600"
      observedCertificates = [{ url = "https://kv-prod.vault.azure.net/secrets/web" }]
    }
${authentication}
  })
}
`;
}

/** The Bicep and Terraform examples of each rule that has them, by rule id. */
export const iacExamples: Record<string, IacExample[]> = {
	KV005: [
		{
			language: 'bicep',
			bad: localized(
				`resource vm 'Microsoft.Compute/virtualMachines@2024-11-01' existing = {
  name: 'vm-web'
}

resource kvExtension 'Microsoft.Compute/virtualMachines/extensions@2024-11-01' = {
  «noParent»
  name: 'KeyVaultForLinux'
  location: resourceGroup().location
  properties: {
    publisher: 'Microsoft.Azure.KeyVault'
    type: 'KeyVaultForLinux'
    typeHandlerVersion: '3.0'
    autoUpgradeMinorVersion: true
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: '3600'
        observedCertificates: [ { url: 'https://kv-prod.vault.azure.net/secrets/web' } ]
      }
    }
  }
}
`,
				notes
			),
			good: localized(
				bicepExtension(
					'',
					"          { url: 'https://kv-prod.vault.azure.net/secrets/web' }"
				).replace('  parent: vm\n', '  «parent»\n  parent: vm\n'),
				notes
			),
		},
	],
	KV010: [
		{
			language: 'bicep',
			bad: localized(
				bicepExtension(
					'',
					"          { url: 'https://kv-prod.vault.azure.net/secrets/web' }",
					'3600 «bicepNumber»'
				),
				notes
			),
			good: localized(
				bicepExtension(
					'',
					"          { url: 'https://kv-prod.vault.azure.net/secrets/web' }",
					"'3600' «bicepString»"
				),
				notes
			),
		},
		{
			language: 'terraform',
			bad: localized(
				terraformExtension(
					'',
					'      «tfNumber»\n      pollingIntervalInS   = 3600\n      observedCertificates = [{ url = "https://kv-prod.vault.azure.net/secrets/web" }]'
				),
				notes
			),
			good: localized(
				terraformExtension(
					'',
					'      «tfString»\n      pollingIntervalInS   = "3600"\n      observedCertificates = [{ url = "https://kv-prod.vault.azure.net/secrets/web" }]'
				),
				notes
			),
		},
	],
	KV015: [
		{
			language: 'bicep',
			bad: localized(
				bicepExtension(
					"param vaultName string = 'kv-prod'\n\n",
					bicepObserved(
						"'https://${vaultName}${environment().suffixes.keyvaultDns}/certificates/web'",
						'bicepCertificates'
					)
				),
				notes
			),
			good: localized(
				bicepExtension(
					"param vaultName string = 'kv-prod'\n\n",
					bicepObserved(
						"'https://${vaultName}${environment().suffixes.keyvaultDns}/secrets/web'",
						'bicepSecrets'
					)
				),
				notes
			),
		},
		{
			language: 'terraform',
			bad: localized(
				terraformExtension(
					'variable "vault_name" {\n  default = "kv-prod"\n}\n\n',
					tfObserved(
						'"https://${var.vault_name}.vault.azure.net/certificates/web"',
						'tfCertificates'
					)
				),
				notes
			),
			good: localized(
				terraformExtension(
					'variable "vault_name" {\n  default = "kv-prod"\n}\n\n',
					tfObserved('"https://${var.vault_name}.vault.azure.net/secrets/web"', 'tfSecrets')
				),
				notes
			),
		},
	],
	KV030: [
		{
			language: 'bicep',
			bad: localized(bicepUserAssigned('      «bicepNoClientId»'), notes),
			good: localized(
				bicepUserAssigned(
					"      «bicepClientId»\n      authenticationSettings: {\n        msiEndpoint: 'http://169.254.169.254/metadata/identity/oauth2/token'\n        msiClientId: uami.properties.clientId\n      }"
				),
				notes
			),
		},
		{
			language: 'terraform',
			bad: localized(terraformUserAssigned('    «tfNoClientId»'), notes),
			good: localized(
				terraformUserAssigned(
					'    «tfClientId»\n    authenticationSettings = {\n      msiEndpoint = "http://169.254.169.254/metadata/identity/oauth2/token"\n      msiClientId = azurerm_user_assigned_identity.web.client_id\n    }'
				),
				notes
			),
		},
	],
	KV042: [
		{
			language: 'terraform',
			bad: localized(
				terraformExtension(
					tfCertificate,
					tfObserved('azurerm_key_vault_certificate.web.secret_id', 'secretId')
				),
				notes
			),
			good: localized(
				terraformExtension(
					tfCertificate,
					tfObserved(
						'azurerm_key_vault_certificate.web.versionless_secret_id',
						'versionlessSecretId'
					)
				),
				notes
			),
		},
		{
			language: 'terraform',
			bad: localized(
				terraformExtension(
					tfCertificate,
					tfObserved('azurerm_key_vault_certificate.web.versionless_id', 'certificateId')
				),
				notes
			),
			good: localized(
				terraformExtension(
					tfCertificate,
					tfObserved(
						'azurerm_key_vault_certificate.web.versionless_secret_id',
						'versionlessSecretId'
					)
				),
				notes
			),
		},
	],
	KV043: [
		{
			language: 'bicep',
			bad: localized(
				bicepExtension(
					bicepSecret,
					bicepObserved('web.properties.secretUriWithVersion', 'secretUriWithVersion')
				),
				notes
			),
			good: localized(
				bicepExtension(bicepSecret, bicepObserved('web.properties.secretUri', 'secretUri')),
				notes
			),
		},
	],
};

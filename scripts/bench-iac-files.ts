// Generated Bicep and Terraform files for scripts/bench-iac.ts.

/** A Bicep file of about `bytes`: machines with a nested or parent: Key Vault extension each. */
export function generateBicep(bytes: number): { text: string; extensions: number } {
	let text =
		"param location string = resourceGroup().location\nparam vaultName string = 'kvbench'\n";
	let n = 0;
	while (text.length < bytes) {
		text += `
resource vm${n} 'Microsoft.Compute/virtualMachines@2024-11-01' = {
  name: 'vm-${n}'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    hardwareProfile: { vmSize: 'Standard_D2s_v5' }
    storageProfile: { imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' } }
  }
}

resource kv${n} 'Microsoft.Compute/virtualMachines/extensions@2024-11-01' = {
  parent: vm${n}
  name: 'KeyVaultForLinux'
  location: location
  properties: {
    publisher: 'Microsoft.Azure.KeyVault'
    type: 'KeyVaultForLinux'
    typeHandlerVersion: '3.0'
    autoUpgradeMinorVersion: true
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: '3600'
        observedCertificates: [
          { url: 'https://\${vaultName}\${environment().suffixes.keyvaultDns}/secrets/web-${n}' }
        ]
      }
    }
  }
}
`;
		n++;
	}
	return { text, extensions: n };
}

/** A Terraform file of about `bytes`: machines with a Key Vault extension each. */
export function generateTerraform(bytes: number): { text: string; extensions: number } {
	let text = 'variable "vault_name" {\n  default = "kvbench"\n}\n';
	let n = 0;
	while (text.length < bytes) {
		text += `
resource "azurerm_linux_virtual_machine" "vm${n}" {
  name     = "vm-${n}"
  location = "japaneast"
  size     = "Standard_D2s_v5"
  identity {
    type = "SystemAssigned"
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

resource "azurerm_virtual_machine_extension" "kv${n}" {
  name                       = "KeyVaultForLinux"
  virtual_machine_id         = azurerm_linux_virtual_machine.vm${n}.id
  publisher                  = "Microsoft.Azure.KeyVault"
  type                       = "KeyVaultForLinux"
  type_handler_version       = "3.0"
  auto_upgrade_minor_version = true
  settings = jsonencode({
    secretsManagementSettings = {
      pollingIntervalInS   = "3600"
      observedCertificates = [{ url = "https://\${var.vault_name}.vault.azure.net/secrets/web-${n}" }]
    }
  })
}
`;
		n++;
	}
	return { text, extensions: n };
}

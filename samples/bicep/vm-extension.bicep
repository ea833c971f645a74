// Key Vault VM extension for Windows 4.0 on an existing VM with a system-assigned managed identity.
// Deploy to the resource group that holds both the VM and the key vault (an RBAC vault):
//   az deployment group create -g <rg> -f vm-extension.bicep -p vmName=<vm> keyVaultName=<vault> certificateName=<cert>

@description('Name of the existing Windows VM (Windows Server 2022 or 2025 for version 4.0).')
param vmName string

@description('Region of the VM. The extension must be in the same region.')
param location string = resourceGroup().location

@description('Name of the key vault that holds the certificate. It must use the Azure RBAC permission model.')
param keyVaultName string

@description('Name of the certificate in the vault.')
param certificateName string

// Built-in role "Key Vault Secrets User".
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

// Versionless /secrets/ URL: the secret carries the private key, and no version means renewals are followed.
var certificateSecretUrl = 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/secrets/${certificateName}'

resource vm 'Microsoft.Compute/virtualMachines@2024-11-01' existing = {
  name: vmName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, vm.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: vm.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource keyVaultExtension 'Microsoft.Compute/virtualMachines/extensions@2024-11-01' = {
  parent: vm
  name: 'KeyVaultForWindows'
  location: location
  dependsOn: [
    secretsUser
  ]
  properties: {
    publisher: 'Microsoft.Azure.KeyVault'
    type: 'KeyVaultForWindows'
    typeHandlerVersion: '4.0'
    autoUpgradeMinorVersion: true
    enableAutomaticUpgrade: true
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: '3600'
        observedCertificates: [
          {
            url: certificateSecretUrl
            certificateStoreName: 'MY'
            certificateStoreLocation: 'LocalMachine'
          }
        ]
      }
    }
  }
}

output observedCertificateUrl string = certificateSecretUrl

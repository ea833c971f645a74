// Key Vault VM extension for Windows 4.0 on an existing VM.
param vmName string
param keyVaultName string
param certificateName string
param location string = resourceGroup().location

resource vm 'Microsoft.Compute/virtualMachines@2024-11-01' existing = {
  name: vmName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource certificate 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = {
  parent: keyVault
  name: certificateName
}

resource keyVaultExtension 'Microsoft.Compute/virtualMachines/extensions@2024-11-01' = {
  parent: vm
  name: 'KeyVaultForWindows'
  location: location
  properties: {
    publisher: 'Microsoft.Azure.KeyVault'
    type: 'KeyVaultForWindows'
    typeHandlerVersion: '4.0'
    autoUpgradeMinorVersion: true
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: 3600
        observedCertificates: [
          {
            url: certificate.properties.secretUriWithVersion
            certificateStoreName: 'MY'
            certificateStoreLocation: 'LocalMachine'
          }
        ]
      }
    }
  }
}

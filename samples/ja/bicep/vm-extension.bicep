// システム割り当てマネージド ID を持つ既存の VM に、Windows 用 Key Vault VM 拡張機能 4.0 をインストールします。
// VM と Key Vault (Azure RBAC を使う Key Vault) の両方があるリソース グループにデプロイします:
//   az deployment group create -g <rg> -f vm-extension.bicep -p vmName=<vm> keyVaultName=<vault> certificateName=<cert>

@description('既存の Windows VM の名前 (バージョン 4.0 では Windows Server 2022 または 2025)。')
param vmName string

@description('VM のリージョン。拡張機能は VM と同じリージョンに置きます。')
param location string = resourceGroup().location

@description('証明書がある Key Vault の名前。Azure RBAC のアクセス許可モデルを使う Key Vault に限ります。')
param keyVaultName string

@description('Key Vault 内の証明書の名前。')
param certificateName string

// 組み込みロール「Key Vault シークレット ユーザー (Key Vault Secrets User)」。
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

// バージョンなしの /secrets/ URL: シークレットは秘密鍵を含み、バージョンを付けないので更新後の証明書も追跡します。
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

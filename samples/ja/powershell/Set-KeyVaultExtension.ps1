# システム割り当てマネージド ID を持つ既存の VM に、Key Vault VM 拡張機能をインストールします (Azure PowerShell)。
# このままでは Windows 4.0 です。Linux 3.0 にするには、KeyVaultForLinux、'3.0'、linux-3.0.settings.json を使います。
$resourceGroup = 'my-rg'
$vmName = 'my-vm'
$vaultName = 'contoso-kv'

# 1. システム割り当てマネージド ID を有効にします。
#    注意: -IdentityType SystemAssigned は ID の種類を置き換えます。VM にユーザー割り当てマネージド ID もある場合は、
#    'SystemAssignedUserAssigned' を指定し、その ID を -IdentityId で渡します。
$vm = Get-AzVM -ResourceGroupName $resourceGroup -Name $vmName
Update-AzVM -ResourceGroupName $resourceGroup -VM $vm -IdentityType SystemAssigned
$principalId = (Get-AzVM -ResourceGroupName $resourceGroup -Name $vmName).Identity.PrincipalId

# 2. その ID に、Key Vault のシークレットの読み取りを許可します。
$vault = Get-AzKeyVault -VaultName $vaultName
New-AzRoleAssignment -ObjectId $principalId -RoleDefinitionName 'Key Vault Secrets User' -Scope $vault.ResourceId
# Azure RBAC ではなくアクセス ポリシーを使う Key Vault の場合:
# Set-AzKeyVaultAccessPolicy -VaultName $vaultName -ObjectId $principalId -PermissionsToSecrets get, list

# 3. 拡張機能をインストールします。-SettingString には settings オブジェクトの JSON テキストをそのまま渡します。
Set-AzVMExtension -ResourceGroupName $resourceGroup -VMName $vmName -Location $vm.Location `
	-Name 'KeyVaultForWindows' -Publisher 'Microsoft.Azure.KeyVault' -ExtensionType 'KeyVaultForWindows' `
	-TypeHandlerVersion '4.0' -EnableAutomaticUpgrade $true `
	-SettingString (Get-Content -Raw -Path .\windows-4.0.settings.json)

# 4. 結果を確認します。
(Get-AzVMExtension -ResourceGroupName $resourceGroup -VMName $vmName -Name 'KeyVaultForWindows').ProvisioningState

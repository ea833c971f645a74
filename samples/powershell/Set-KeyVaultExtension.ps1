# Key Vault VM extension on an existing VM, with the VM's system-assigned managed identity (Azure PowerShell).
# Windows 4.0 as written; for Linux 3.0 use KeyVaultForLinux, '3.0' and linux-3.0.settings.json.
$resourceGroup = 'my-rg'
$vmName = 'my-vm'
$vaultName = 'contoso-kv'

# 1. Turn on the system-assigned identity.
#    Caution: -IdentityType SystemAssigned replaces the identity type; if the VM also has
#    user-assigned identities, use 'SystemAssignedUserAssigned' and pass them with -IdentityId.
$vm = Get-AzVM -ResourceGroupName $resourceGroup -Name $vmName
Update-AzVM -ResourceGroupName $resourceGroup -VM $vm -IdentityType SystemAssigned
$principalId = (Get-AzVM -ResourceGroupName $resourceGroup -Name $vmName).Identity.PrincipalId

# 2. Let the identity read secrets in the vault.
$vault = Get-AzKeyVault -VaultName $vaultName
New-AzRoleAssignment -ObjectId $principalId -RoleDefinitionName 'Key Vault Secrets User' -Scope $vault.ResourceId
# A vault that uses access policies instead of Azure RBAC:
# Set-AzKeyVaultAccessPolicy -VaultName $vaultName -ObjectId $principalId -PermissionsToSecrets get, list

# 3. Install the extension. -SettingString takes the JSON text of the settings object as it is.
Set-AzVMExtension -ResourceGroupName $resourceGroup -VMName $vmName -Location $vm.Location `
	-Name 'KeyVaultForWindows' -Publisher 'Microsoft.Azure.KeyVault' -ExtensionType 'KeyVaultForWindows' `
	-TypeHandlerVersion '4.0' -EnableAutomaticUpgrade $true `
	-SettingString (Get-Content -Raw -Path .\windows-4.0.settings.json)

# 4. Check the result.
(Get-AzVMExtension -ResourceGroupName $resourceGroup -VMName $vmName -Name 'KeyVaultForWindows').ProvisioningState

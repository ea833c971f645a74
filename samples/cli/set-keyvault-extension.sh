#!/usr/bin/env bash
# Key Vault VM extension on an existing VM, with the VM's system-assigned managed identity (Azure CLI, bash).
# Windows 4.0 as written; for Linux 3.0 switch the three EXT_* / SETTINGS lines.
set -euo pipefail

RG="my-rg"
VM="my-vm"
VAULT="contoso-kv"

EXT_NAME="KeyVaultForWindows" # Linux: KeyVaultForLinux
EXT_VERSION="4.0"             # Linux: 3.0
SETTINGS="windows-4.0.settings.json" # Linux: linux-3.0.settings.json

# 1. Turn on the system-assigned identity and read its principal (object) ID.
az vm identity assign --resource-group "$RG" --name "$VM" --output none
principal_id=$(az vm show --resource-group "$RG" --name "$VM" --query identity.principalId --output tsv)

# 2. Let the identity read secrets in the vault.
vault_id=$(az keyvault show --name "$VAULT" --query id --output tsv)
az role assignment create \
  --assignee-object-id "$principal_id" \
  --assignee-principal-type ServicePrincipal \
  --role "Key Vault Secrets User" \
  --scope "$vault_id" \
  --query "{principalType:principalType, scope:scope}" --output json
# A vault that uses access policies instead of Azure RBAC:
# az keyvault set-policy --name "$VAULT" --object-id "$principal_id" --secret-permissions get list

# 3. Install the extension. --settings takes only the settings object, here from a file.
az vm extension set \
  --resource-group "$RG" \
  --vm-name "$VM" \
  --name "$EXT_NAME" \
  --publisher Microsoft.Azure.KeyVault \
  --version "$EXT_VERSION" \
  --enable-auto-upgrade true \
  --settings "@$SETTINGS" \
  --output none

# 4. Check the result.
az vm extension show --resource-group "$RG" --vm-name "$VM" --name "$EXT_NAME" \
  --query provisioningState --output tsv

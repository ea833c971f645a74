#!/usr/bin/env bash
# システム割り当てマネージド ID を持つ既存の VM に、Key Vault VM 拡張機能をインストールします (Azure CLI、bash)。
# このままでは Windows 4.0 です。Linux 3.0 にするには、EXT_* と SETTINGS の 3 行を切り替えます。
set -euo pipefail

RG="my-rg"
VM="my-vm"
VAULT="contoso-kv"

EXT_NAME="KeyVaultForWindows" # Linux: KeyVaultForLinux
EXT_VERSION="4.0"             # Linux: 3.0
SETTINGS="windows-4.0.settings.json" # Linux: linux-3.0.settings.json

# 1. システム割り当てマネージド ID を有効にし、そのプリンシパル ID (オブジェクト ID) を取得します。
az vm identity assign --resource-group "$RG" --name "$VM" --output none
principal_id=$(az vm show --resource-group "$RG" --name "$VM" --query identity.principalId --output tsv)

# 2. その ID に、Key Vault のシークレットの読み取りを許可します。
vault_id=$(az keyvault show --name "$VAULT" --query id --output tsv)
az role assignment create \
  --assignee-object-id "$principal_id" \
  --assignee-principal-type ServicePrincipal \
  --role "Key Vault Secrets User" \
  --scope "$vault_id" \
  --query "{principalType:principalType, scope:scope}" --output json
# Azure RBAC ではなくアクセス ポリシーを使う Key Vault の場合:
# az keyvault set-policy --name "$VAULT" --object-id "$principal_id" --secret-permissions get list

# 3. 拡張機能をインストールします。--settings が受け取るのは settings オブジェクトだけです (ここではファイルから読みます)。
az vm extension set \
  --resource-group "$RG" \
  --vm-name "$VM" \
  --name "$EXT_NAME" \
  --publisher Microsoft.Azure.KeyVault \
  --version "$EXT_VERSION" \
  --enable-auto-upgrade true \
  --settings "@$SETTINGS" \
  --output none

# 4. 結果を確認します。
az vm extension show --resource-group "$RG" --vm-name "$VM" --name "$EXT_NAME" \
  --query provisioningState --output tsv

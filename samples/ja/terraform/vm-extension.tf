# ユーザー割り当てマネージド ID を持つ既存の VM に、Linux 用 Key Vault VM 拡張機能 3.0 をインストールします。
# Key Vault は Azure RBAC のアクセス許可モデルを使う必要があります (ロール「Key Vault シークレット ユーザー」)。

terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 3.100"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "resource_group_name" {
  type        = string
  description = "VM、マネージド ID、Key Vault があるリソース グループです。"
}

variable "vm_name" {
  type        = string
  description = "既存の Linux VM の名前です (バージョン 3.0 では Ubuntu 22.04 以降または Azure Linux)。"
}

variable "identity_name" {
  type        = string
  description = "VM に割り当て済みのユーザー割り当てマネージド ID の名前です。"
}

variable "key_vault_name" {
  type        = string
  description = "証明書が入っている Key Vault の名前です。"
}

variable "certificate_name" {
  type        = string
  description = "Key Vault 内の証明書の名前です。"
}

data "azurerm_virtual_machine" "vm" {
  name                = var.vm_name
  resource_group_name = var.resource_group_name
}

data "azurerm_user_assigned_identity" "vm" {
  name                = var.identity_name
  resource_group_name = var.resource_group_name
}

data "azurerm_key_vault" "kv" {
  name                = var.key_vault_name
  resource_group_name = var.resource_group_name
}

data "azurerm_key_vault_certificate" "cert" {
  name         = var.certificate_name
  key_vault_id = data.azurerm_key_vault.kv.id
}

resource "azurerm_role_assignment" "secrets_user" {
  scope                = data.azurerm_key_vault.kv.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = data.azurerm_user_assigned_identity.vm.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_virtual_machine_extension" "key_vault" {
  name                       = "KeyVaultForLinux"
  virtual_machine_id         = data.azurerm_virtual_machine.vm.id
  publisher                  = "Microsoft.Azure.KeyVault"
  type                       = "KeyVaultForLinux"
  type_handler_version       = "3.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true

  # settings は JSON 文字列です。pollingIntervalInS は文字列のままにします (jsonencode(3600) は数値を出力します)。
  settings = jsonencode({
    secretsManagementSettings = {
      pollingIntervalInS = "3600"
      requireInitialSync = true
      observedCertificates = [
        {
          # versionless_secret_id: /secrets/ (秘密鍵を含む) でバージョンなし (更新後の証明書も追跡します)。
          # secret_id (バージョン付き) や id/versionless_id (/certificates/、秘密鍵なし) は使いません。
          url                      = data.azurerm_key_vault_certificate.cert.versionless_secret_id
          certificateStoreLocation = "/var/lib/waagent/Microsoft.Azure.KeyVault.Store"
        }
      ]
    }
    authenticationSettings = {
      msiEndpoint = "http://169.254.169.254/metadata/identity"
      msiClientId = data.azurerm_user_assigned_identity.vm.client_id
    }
  })

  depends_on = [azurerm_role_assignment.secrets_user]
}

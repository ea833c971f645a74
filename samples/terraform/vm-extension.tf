# Key Vault VM extension for Linux 3.0 on an existing VM that already has a user-assigned managed identity.
# The vault must use the Azure RBAC permission model ("Key Vault Secrets User" role).

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
  description = "Resource group of the VM, the identity and the key vault."
}

variable "vm_name" {
  type        = string
  description = "Name of the existing Linux VM (version 3.0: Ubuntu 22.04 or later, or Azure Linux)."
}

variable "identity_name" {
  type        = string
  description = "Name of the user-assigned managed identity that is already assigned to the VM."
}

variable "key_vault_name" {
  type        = string
  description = "Name of the key vault that holds the certificate."
}

variable "certificate_name" {
  type        = string
  description = "Name of the certificate in the vault."
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

  # settings is a JSON string. Keep pollingIntervalInS a string: jsonencode(3600) would emit a number.
  settings = jsonencode({
    secretsManagementSettings = {
      pollingIntervalInS = "3600"
      requireInitialSync = true
      observedCertificates = [
        {
          # versionless_secret_id: /secrets/ (with the private key) and no version (renewals are followed).
          # Not secret_id (it includes the version), not id/versionless_id (/certificates/, no private key).
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

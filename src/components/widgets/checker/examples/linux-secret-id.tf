# Key Vault VM extension for Linux 3.0 on a VM with a system-assigned managed identity.
data "azurerm_key_vault_certificate" "web" {
  name         = "web"
  key_vault_id = var.key_vault_id
}

resource "azurerm_virtual_machine_extension" "key_vault" {
  name                       = "KeyVaultForLinux"
  virtual_machine_id         = var.vm_id
  publisher                  = "Microsoft.Azure.KeyVault"
  type                       = "KeyVaultForLinux"
  type_handler_version       = "3.0"
  auto_upgrade_minor_version = true

  settings = jsonencode({
    secretsManagementSettings = {
      pollingIntervalInS = 3600
      observedCertificates = [
        {
          url                      = data.azurerm_key_vault_certificate.web.secret_id
          certificateStoreLocation = "/var/lib/waagent/Microsoft.Azure.KeyVault.Store"
        }
      ]
    }
  })
}

az vm extension set \
  --resource-group my-rg \
  --vm-name my-vm \
  --name KeyVaultForLinux \
  --publisher Microsoft.Azure.KeyVault \
  --version 3.0 \
  --enable-auto-upgrade true \
  --settings '{"secretsManagementSettings": {"pollingIntervalInS": 3600, "observedCertificates": ["https://contoso-kv.vault.azure.net/secrets/www-contoso-com"]}}'

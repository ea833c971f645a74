// The big workloads of `npm run bench` (issue 21): generated the way the generators
// write them, so that the figures compare with the issue's.
//   armVirtualMachines(mb): an ARM template of about `mb` MiB: per virtual machine a network
//     interface and a Key Vault extension (Windows and Linux alternately, some settings wrong).
//   iacMachines(kind, n): a Bicep or Terraform file of `n` machines, each with a Key Vault extension.

/** An ARM template of about `mb` MiB (about 1,000 machines and 1,150 findings at 10). */
export function armVirtualMachines(mb) {
	const target = mb * 1024 * 1024;
	const resources = [];
	let size = 0;
	for (let i = 0; size < target; i++) {
		const vm = `vm${String(i).padStart(5, '0')}`;
		const windows = i % 2 === 0;
		const group = [
			{
				type: 'Microsoft.Compute/virtualMachines',
				apiVersion: '2024-07-01',
				name: vm,
				location: 'japaneast',
				identity: { type: 'SystemAssigned' },
				properties: {
					hardwareProfile: { vmSize: 'Standard_D2s_v5' },
					storageProfile: {
						imageReference: windows
							? {
									publisher: 'MicrosoftWindowsServer',
									offer: 'WindowsServer',
									sku: '2022-datacenter-azure-edition',
									version: 'latest',
								}
							: {
									publisher: 'Canonical',
									offer: 'ubuntu-24_04-lts',
									sku: 'server',
									version: 'latest',
								},
					},
					osProfile: { computerName: vm, adminUsername: 'azureuser' },
					networkProfile: {
						networkInterfaces: [
							{ id: `[resourceId('Microsoft.Network/networkInterfaces', '${vm}-nic')]` },
						],
					},
				},
			},
			{
				type: 'Microsoft.Network/networkInterfaces',
				apiVersion: '2023-09-01',
				name: `${vm}-nic`,
				location: 'japaneast',
				properties: {
					ipConfigurations: [
						{
							name: 'ipconfig1',
							properties: {
								privateIPAllocationMethod: 'Dynamic',
								subnet: {
									id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]",
								},
							},
						},
					],
				},
			},
			{
				type: 'Microsoft.Compute/virtualMachines/extensions',
				apiVersion: '2024-07-01',
				name: `[format('{0}/{1}', '${vm}', '${windows ? 'KeyVaultForWindows' : 'KeyVaultForLinux'}')]`,
				location: 'japaneast',
				dependsOn: [`[resourceId('Microsoft.Compute/virtualMachines', '${vm}')]`],
				properties: {
					publisher: 'Microsoft.Azure.KeyVault',
					type: windows ? 'KeyVaultForWindows' : 'KeyVaultForLinux',
					typeHandlerVersion: '3.0',
					autoUpgradeMinorVersion: true,
					settings: {
						secretsManagementSettings: {
							pollingIntervalInS: i % 7 === 0 ? 3600 : '3600',
							observedCertificates: [0, 1, 2].map((c) =>
								windows
									? {
											url: `https://kv-${i % 50}.vault.azure.net/${i % 11 === 0 ? 'certificates' : 'secrets'}/cert-${i}-${c}`,
											certificateStoreName: 'MY',
											certificateStoreLocation: 'LocalMachine',
										}
									: {
											url: `https://kv-${i % 50}.vault.azure.net/secrets/cert-${i}-${c}`,
											certificateStoreLocation: '/var/lib/waagent/Microsoft.Azure.KeyVault.Store',
										}
							),
						},
					},
				},
			},
		];
		size += JSON.stringify(group, null, 2).length;
		resources.push(...group);
	}
	return JSON.stringify(
		{
			$schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
			contentVersion: '1.0.0.0',
			resources,
		},
		null,
		2
	);
}

/** A Bicep or Terraform file of `n` machines with a Key Vault extension each (about 1 MB per 1,000). */
export function iacMachines(kind, n) {
	const parts = [];
	for (let i = 0; i < n; i++) {
		const id = String(i).padStart(5, '0');
		const polling = i % 3 === 0 ? '3600' : "'3600'";
		const url =
			i % 5 === 0
				? `https://kv${id}.vault.azure.net/certificates/web${id}`
				: `https://kv${id}.vault.azure.net/secrets/web${id}`;
		if (kind === 'bicep')
			parts.push(`
resource vm${id} 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm${id}'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    hardwareProfile: { vmSize: 'Standard_D2s_v5' }
    osProfile: { computerName: 'vm${id}', adminUsername: 'azureuser', adminPassword: adminPassword }
  }
}

resource kv${id} 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  parent: vm${id}
  name: 'KeyVaultForWindows'
  location: location
  properties: {
    publisher: 'Microsoft.Azure.KeyVault'
    type: 'KeyVaultForWindows'
    typeHandlerVersion: '3.0'
    autoUpgradeMinorVersion: true
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: ${polling}
        linkOnRenewal: false
        certificateStoreName: 'MY'
        certificateStoreLocation: 'LocalMachine'
        observedCertificates: [
          '${url}'
        ]
      }
    }
  }
}
`);
		else
			parts.push(`
resource "azurerm_windows_virtual_machine" "vm${id}" {
  name                = "vm${id}"
  resource_group_name = var.rg
  location            = var.location
  size                = "Standard_D2s_v5"
  admin_username      = "azureuser"
  admin_password      = var.admin_password
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_virtual_machine_extension" "kv${id}" {
  name                       = "KeyVaultForWindows"
  virtual_machine_id         = azurerm_windows_virtual_machine.vm${id}.id
  publisher                  = "Microsoft.Azure.KeyVault"
  type                       = "KeyVaultForWindows"
  type_handler_version       = "3.0"
  auto_upgrade_minor_version = true
  settings = jsonencode({
    secretsManagementSettings = {
      pollingIntervalInS       = ${polling.replace(/'/g, '"')}
      linkOnRenewal            = false
      certificateStoreName     = "MY"
      certificateStoreLocation = "LocalMachine"
      observedCertificates     = ["${url}"]
    }
  })
}
`);
	}
	const head =
		kind === 'bicep'
			? 'param location string = resourceGroup().location\n@secure()\nparam adminPassword string\n'
			: 'variable "rg" {}\nvariable "location" {}\nvariable "admin_password" {}\n';
	return head + parts.join('');
}

// Generated ARM templates for `npm run bench` (and for profiling the checker).

/** Builds a template of roughly `targetBytes` with VMs, NICs, disks and Key Vault extensions. */
export function generateTemplate(targetBytes: number): {
	text: string;
	resources: number;
	extensions: number;
} {
	const resources: unknown[] = [];
	let size = 0;
	let extensions = 0;
	for (let i = 0; size < targetBytes; i++) {
		const vmName = `[concat(parameters('prefix'), '-vm-${i}')]`;
		const batch: unknown[] = [
			{
				type: 'Microsoft.Network/networkInterfaces',
				apiVersion: '2023-09-01',
				name: `[concat(parameters('prefix'), '-nic-${i}')]`,
				location: "[parameters('location')]",
				properties: {
					ipConfigurations: [
						{
							name: 'ipconfig1',
							properties: {
								privateIPAllocationMethod: 'Dynamic',
								subnet: { id: "[variables('subnetId')]" },
							},
						},
					],
				},
				tags: { owner: 'bench', index: String(i) },
			},
			{
				type: 'Microsoft.Compute/virtualMachines',
				apiVersion: '2024-07-01',
				name: vmName,
				location: "[parameters('location')]",
				identity: {
					type: i % 3 === 0 ? 'UserAssigned' : 'SystemAssigned',
					...(i % 3 === 0 ? { userAssignedIdentities: { "[variables('uamiId')]": {} } } : {}),
				},
				dependsOn: [
					`[resourceId('Microsoft.Network/networkInterfaces', concat(parameters('prefix'), '-nic-${i}'))]`,
				],
				properties: {
					hardwareProfile: { vmSize: 'Standard_D2s_v5' },
					storageProfile: {
						imageReference: {
							publisher: 'MicrosoftWindowsServer',
							offer: 'WindowsServer',
							sku: i % 5 === 0 ? '2019-Datacenter' : '2022-datacenter-azure-edition',
							version: 'latest',
						},
						osDisk: {
							createOption: 'FromImage',
							managedDisk: { storageAccountType: 'Premium_LRS' },
						},
					},
					osProfile: {
						computerName: `vm${i}`,
						adminUsername: "[parameters('adminUsername')]",
						adminPassword: "[parameters('adminPassword')]",
						windowsConfiguration: { provisionVMAgent: true },
					},
					networkProfile: {
						networkInterfaces: [
							{
								id: `[resourceId('Microsoft.Network/networkInterfaces', concat(parameters('prefix'), '-nic-${i}'))]`,
							},
						],
					},
				},
			},
		];
		if (i % 2 === 0) {
			extensions++;
			batch.push({
				type: 'Microsoft.Compute/virtualMachines/extensions',
				apiVersion: '2024-07-01',
				name: `[concat(parameters('prefix'), '-vm-${i}', '/KeyVaultForWindows')]`,
				location: "[parameters('location')]",
				dependsOn: [
					`[resourceId('Microsoft.Compute/virtualMachines', concat(parameters('prefix'), '-vm-${i}'))]`,
				],
				properties: {
					publisher: 'Microsoft.Azure.KeyVault',
					type: 'KeyVaultForWindows',
					typeHandlerVersion: i % 4 === 0 ? '4.0' : '3.0',
					autoUpgradeMinorVersion: true,
					settings: {
						secretsManagementSettings: {
							pollingIntervalInS: i % 6 === 0 ? 3600 : "[parameters('polling')]",
							observedCertificates: [
								{
									url: `https://kv${i % 7}prod.vault.azure.net/${i % 8 === 0 ? 'certificates' : 'secrets'}/web${i}`,
									certificateStoreName: 'MY',
									certificateStoreLocation: 'LocalMachine',
								},
								{
									url: "[concat('https://', parameters('vault'), environment().suffixes.keyvaultDns, '/secrets/api')]",
									certificateStoreName: 'My',
									certificateStoreLocation: 'LocalMachine',
								},
							],
						},
						...(i % 3 === 0
							? {
									authenticationSettings: {
										msiEndpoint: 'http://169.254.169.254/metadata/identity',
										msiClientId: "[reference(variables('uamiId'), '2023-01-31').clientId]",
									},
								}
							: {}),
					},
				},
			});
		}
		const chunk = JSON.stringify(batch, null, 2);
		size += chunk.length;
		resources.push(...batch);
	}
	const template = {
		$schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
		contentVersion: '1.0.0.0',
		parameters: {
			prefix: { type: 'string', defaultValue: 'app' },
			location: { type: 'string', defaultValue: '[resourceGroup().location]' },
			adminUsername: { type: 'string' },
			adminPassword: { type: 'securestring' },
			polling: { type: 'string', defaultValue: '3600' },
			vault: { type: 'string', defaultValue: 'kvshared' },
		},
		variables: {
			subnetId: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]",
			uamiId: "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'kv-reader')]",
		},
		resources,
	};
	return { text: JSON.stringify(template, null, 2), resources: resources.length, extensions };
}

// Benchmark of `kvcert check`: generated ARM templates of about 1 MB and 10 MB (thousands of
// resources, many Key Vault extensions), checked versus parsed alone with jsonc-parser.
import os from 'node:os';
import { parseTree } from 'jsonc-parser';
import { checkText } from '../src/core/check/check.ts';

/** Builds a template of roughly `targetBytes` with VMs, NICs, disks and Key Vault extensions. */
function generateTemplate(targetBytes: number): {
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

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

/** Times `parse` and `check` alternately, so that load from other processes hits both alike. */
function timeBoth(
	parse: () => void,
	check: () => void,
	runs: number
): { parse: number[]; check: number[] } {
	const samples = { parse: [] as number[], check: [] as number[] };
	for (let i = 0; i < runs; i++) {
		let start = performance.now();
		parse();
		samples.parse.push(performance.now() - start);
		start = performance.now();
		check();
		samples.check.push(performance.now() - start);
	}
	return samples;
}

const rows: string[][] = [];
for (const [label, bytes, runs] of [
	['1 MB', 1_000_000, 15],
	['10 MB', 10_000_000, 7],
] as const) {
	const { text, resources, extensions } = generateTemplate(bytes);
	// Warm up both paths so that the JIT has compiled them.
	parseTree(text, [], { allowTrailingComma: true });
	const diagnostics = checkText(text).diagnostics.length;
	const samples = timeBoth(
		() => parseTree(text, [], { allowTrailingComma: true }),
		() => checkText(text),
		runs
	);
	const parse = { min: Math.min(...samples.parse), median: median(samples.parse) };
	const check = { min: Math.min(...samples.check), median: median(samples.check) };
	rows.push([
		label,
		`${(text.length / 1e6).toFixed(2)} MB`,
		String(resources),
		String(extensions),
		String(diagnostics),
		`${parse.min.toFixed(0)} / ${parse.median.toFixed(0)} ms`,
		`${check.min.toFixed(0)} / ${check.median.toFixed(0)} ms`,
		`${(check.min / parse.min).toFixed(2)}× / ${(check.median / parse.median).toFixed(2)}×`,
	]);
}

const header = [
	'template',
	'size',
	'resources',
	'KV extensions',
	'diagnostics',
	'parse (jsonc-parser) min / median',
	'check min / median',
	'check ÷ parse (min / median)',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(
	`kvcert check benchmark (runs alternate; target: check ≤ 1.5 × parse, 10 MB < 1 s; load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs)`
);
console.log(line(header));
for (const row of rows) console.log(line(row));

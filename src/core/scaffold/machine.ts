import { extensionType, vaultSuffix, type ExtensionOs } from './facts.ts';
import { isScaleSet, type CertificateOptions, type ScaffoldOptions } from './options.ts';

/** API versions the outputs use. */
export const apiVersions = {
	/** Compute, as in the 4.0 docs' templates (research §3.6, S1, S11). */
	compute: '2025-04-01',
	/** Arc machines and their extensions (§3.4, S23b). */
	hybridCompute: '2022-03-10',
	roleAssignments: '2022-04-01',
	accessPolicies: '2023-07-01',
	managedIdentity: '2023-01-31',
	network: '2024-05-01',
} as const;

/** The ARM resource type of the machine. */
export function machineType(options: ScaffoldOptions): string {
	if (options.target === 'arc') return 'Microsoft.HybridCompute/machines';
	return isScaleSet(options.target)
		? 'Microsoft.Compute/virtualMachineScaleSets'
		: 'Microsoft.Compute/virtualMachines';
}

/** The API version of the machine and its extension. */
export const machineApiVersion = (options: ScaffoldOptions) =>
	options.target === 'arc' ? apiVersions.hybridCompute : apiVersions.compute;

/** The extension's own name: its type, as the docs' CLI examples name it (§6.1, S1, S7). */
export const extensionName = (os: ExtensionOs) => extensionType(os);

/**
 * The image of a new machine: one the chosen version documents. Windows 3.0 and 4.0 both run on
 * Windows Server 2022 (§1, S1, S4); Linux 3.0 ("Ubuntu 22.04 and later", S7) and 4.x (Ubuntu 24.04,
 * S11) both on Ubuntu 24.04.
 */
export function imageOf(os: ExtensionOs): {
	publisher: string;
	offer: string;
	sku: string;
	version: string;
} {
	return os === 'windows'
		? {
				publisher: 'MicrosoftWindowsServer',
				offer: 'WindowsServer',
				sku: '2022-datacenter-azure-edition',
				version: 'latest',
			}
		: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' };
}

/** The image as `publisher:offer:sku:version` (az vm create --image, New-AzVM -Image). */
export function imageUrn(os: ExtensionOs): string {
	const image = imageOf(os);
	return `${image.publisher}:${image.offer}:${image.sku}:${image.version}`;
}

/** The versionless `/secrets/` URL of a certificate in the chosen cloud (§4.3, S1, S13). */
export function secretUrl(options: ScaffoldOptions, certificate: CertificateOptions): string {
	return `https://${options.vaultName}.${vaultSuffix[options.cloud]}/secrets/${certificate.name}`;
}

/** Resource group and name of a user-assigned identity, read from its resource ID. */
export function identityParts(resourceId: string): { resourceGroup: string; name: string } {
	const parts = resourceId.split('/');
	const at = parts.findIndex((p) => p.toLowerCase() === 'resourcegroups');
	return { resourceGroup: parts[at + 1] ?? '', name: parts.at(-1) ?? '' };
}

/** The default size of a new machine. */
export const defaultVmSize = 'Standard_D2s_v5';

/** Instances of a new scale set. */
export const defaultInstanceCount = 2;

import {
	currentVersion,
	examplePollingInterval,
	versionFacts,
	type ExtensionOs,
	type vaultSuffix,
} from './facts.ts';

/** The machines the extension can be installed on. */
export type ScaffoldTarget = 'vm' | 'vmss-uniform' | 'vmss-flexible' | 'arc';

/** The clouds whose Key Vault DNS suffix the builder knows. */
export type VaultCloud = keyof typeof vaultSuffix;

/** How the machine's identity gets read access to the vault. */
export type VaultAccess = 'role' | 'policy' | 'none';

/** The managed identity the extension authenticates with. */
export type ScaffoldIdentity =
	| { kind: 'system' }
	| {
			kind: 'user';
			/** The identity's client ID (a GUID), for `authenticationSettings.msiClientId`. */
			clientId: string;
			/** The identity's ARM resource ID, to assign it to the machine and grant it access. */
			resourceId: string;
	  };

/** A Linux ACL entry: a user, a group, or both (§2.6). */
export interface AclEntry {
	user?: string;
	group?: string;
}

/** One certificate the extension installs. */
export interface CertificateOptions {
	/** The certificate's name in the vault (its secret has the same name). */
	name: string;
	/** Windows: the certificate store. @default 'MY' */
	storeName?: string;
	/** Windows: `LocalMachine` or `CurrentUser`. @default 'LocalMachine' */
	storeLocation?: 'LocalMachine' | 'CurrentUser';
	/** Windows 3.0/4.0: accounts given read access to the private key. */
	accounts?: string[];
	/** Windows 3.0: lets the private key be exported on the machine. */
	keyExportable?: boolean;
	/** Linux: the folder the PEM files go to. @default '/var/lib/waagent/Microsoft.Azure.KeyVault.Store' */
	path?: string;
	/** Linux 3.0: the name of the link to the newest version. */
	symbolicLinkName?: string;
	/** Linux 3.0/4.x: users and groups given read access to the files. */
	acls?: AclEntry[];
}

/** Everything the builder asks. */
export interface ScaffoldOptions {
	os: ExtensionOs;
	/** typeHandlerVersion ("Major.Minor"). @default the current version of the OS */
	version: string;
	target: ScaffoldTarget;
	/** Whether the template creates the machine too, or adds the extension to one that exists. */
	machine: 'new' | 'existing';
	/** Name of the VM, scale set or Arc machine. */
	machineName: string;
	/** Resource group of the machine (used by scripts and Terraform). */
	resourceGroup: string;
	identity: ScaffoldIdentity;
	vaultName: string;
	cloud: VaultCloud;
	certificates: CertificateOptions[];
	/** Polling interval in seconds. @default 3600 */
	pollingIntervalInS: number;
	/** Windows 1.0/3.0 only. */
	linkOnRenewal?: boolean;
	/** v1–3 only: report success only after every certificate is installed. */
	requireInitialSync?: boolean;
	access: VaultAccess;
	/**
	 * ARM, Bicep and Terraform: the extension as a resource of its own, a child of the machine
	 * (`<machine>/<extension>`), or nested in a machine the template creates (an ARM VM's
	 * `resources`, a scale set's extension profile). @default 'child'
	 */
	form: 'child' | 'nested';
	/** A new machine's subnet (its resource ID). */
	subnetId?: string;
}

/** The output formats. */
export const scaffoldFormats = ['arm', 'bicep', 'terraform', 'azcli', 'powershell'] as const;
export type ScaffoldFormat = (typeof scaffoldFormats)[number];

/** Sensible starting answers: an existing Windows VM with its system-assigned identity, an RBAC vault. */
export function defaultOptions(os: ExtensionOs = 'windows'): ScaffoldOptions {
	const version = currentVersion(os);
	return {
		os,
		version,
		target: 'vm',
		machine: 'existing',
		machineName: 'my-vm',
		resourceGroup: 'my-rg',
		identity: { kind: 'system' },
		vaultName: 'contoso-kv',
		cloud: 'public',
		certificates: [{ name: 'webcert' }],
		pollingIntervalInS: defaultPollingInterval(os, version),
		access: 'role',
		form: 'child',
	};
}

/** The polling default a version documents, else the interval every doc example uses. */
export function defaultPollingInterval(os: ExtensionOs, version: string): number {
	return versionFacts(os, version)?.polling.default ?? examplePollingInterval;
}

/** Whether the target is a scale set. */
export const isScaleSet = (target: ScaffoldTarget) =>
	target === 'vmss-uniform' || target === 'vmss-flexible';

// The one place the builder reads facts about the extension from: src/core/extension, the module
// the checker and the simulator use too (CONTRACTS §4), plus the few constants it does not hold
// yet, each with its source in research/kvvm-extension.md.
import {
	allowedAt,
	documentedVersions,
	extensionProfile,
	type ExtensionOs,
} from '../extension/index.ts';
import { LINUX_DEFAULT_STORE } from '../simulate/simulate.ts';

export type { ExtensionOs };

/** What the builder needs to know about one OS and typeHandlerVersion. */
export interface VersionFacts {
	os: ExtensionOs;
	version: string;
	/** observedCertificates items: URL strings (Windows 1.0, Linux 1.0/2.0) or objects (§2.2–2.7). */
	observedForm: 'string' | 'object';
	/** Polling limits in seconds; undefined where the research found none (§2.10). */
	polling: { min: number | undefined; max: number | undefined; default: number | undefined };
	/** linkOnRenewal: a setting (Windows 1.0/3.0), always on (Windows 4.0), none (Linux) (§2.9, §4.6). */
	linking: 'setting' | 'always' | 'none';
	/** keyExportable: a setting (Windows 3.0 only), never (4.0), or not a Windows feature (§2.3, §2.4). */
	keyExportable: 'setting' | 'never' | 'undocumented' | 'not-applicable';
	/** requireInitialSync: a setting (v1–3) or always the behaviour (4.0) (§4.9). */
	initialSync: 'setting' | 'always';
	/** Linux per-certificate `customSymbolicLinkName`: 3.0 only, removed in 4.x (§2.6, §2.7). */
	symbolicLinkName: boolean;
	/** Per-certificate `acls` (Linux 3.0 with `aclEnabled`, Linux 4.x always on) (§2.6, §2.7). */
	acls: 'with-acl-enabled' | 'always' | 'none';
	/** Per-certificate `accounts` with private-key read access (Windows 3.0 and 4.0) (§2.3, §2.4). */
	accounts: boolean;
	/** Microsoft supports major version 3.0 and later only (S11; the checker's KV004). */
	supported: boolean;
}

/** The typeHandlerVersions documented per OS (§1). */
export const documentedVersionsOf = (os: ExtensionOs): readonly string[] => documentedVersions(os);

/** The current version per OS: the newest documented one. */
export const currentVersion = (os: ExtensionOs): string => documentedVersionsOf(os).at(-1)!;

/** Facts about one OS and version, or undefined when that version is not documented. */
export function versionFacts(os: ExtensionOs, version: string): VersionFacts | undefined {
	if (!documentedVersionsOf(os).includes(version)) return undefined;
	const profile = extensionProfile(os, version);
	if (!profile) return undefined;
	const major = Number(version.split('.')[0]);
	return {
		os,
		version,
		observedForm: profile.observedForm,
		polling: {
			min: profile.polling.min,
			max: profile.polling.max,
			default: profile.polling.default,
		},
		linking: profile.linking,
		keyExportable: profile.keyExportable,
		initialSync: profile.initialSync,
		symbolicLinkName: allowedAt('customSymbolicLinkName', 'observedCertificate', os, major),
		acls: !allowedAt('acls', 'observedCertificate', os, major)
			? 'none'
			: allowedAt('aclEnabled', 'secretsManagementSettings', os, major)
				? 'with-acl-enabled'
				: 'always',
		accounts: allowedAt('accounts', 'observedCertificate', os, major),
		supported: major >= 3,
	};
}

/** Publisher of both handlers (§1, S1). */
export const extensionPublisher = 'Microsoft.Azure.KeyVault';

/** Extension type per OS (§1). */
export const extensionType = (os: ExtensionOs) =>
	os === 'windows' ? 'KeyVaultForWindows' : 'KeyVaultForLinux';

/**
 * IMDS endpoints the docs write in `authenticationSettings.msiEndpoint` on Azure machines: the
 * Windows docs use `/oauth2/token`, the Linux docs `/metadata/identity` (§2.8, §7.2).
 */
export const azureMsiEndpoint = (os: ExtensionOs) =>
	os === 'windows'
		? 'http://169.254.169.254/metadata/identity/oauth2/token'
		: 'http://169.254.169.254/metadata/identity';

/** The endpoint Azure Arc-enabled machines must use (§2.8, S7, S11, S23b). */
export const arcMsiEndpoint = 'http://localhost:40342/metadata/identity';

/** Built-in role "Key Vault Secrets User" (§3.8, S15). */
export const secretsUserRole = {
	name: 'Key Vault Secrets User',
	id: '4633458b-17de-408a-b874-0445c86b69e6',
} as const;

/** Secret permissions the access-policy model needs (§3.8, S1, S2). */
export const accessPolicySecretPermissions = ['get', 'list'] as const;

/** Key Vault DNS suffix per cloud (§4.3, S13). */
export const vaultSuffix = {
	public: 'vault.azure.net',
	china: 'vault.azure.cn',
	usgov: 'vault.usgovcloudapi.net',
} as const;

/** Default Linux certificate folder (§2.10; the 2.0 schema text names another, §7.3). */
export const linuxDefaultStore = LINUX_DEFAULT_STORE;

/** Windows store defaults stated in the 4.0 doc (§2.10, S1). */
export const windowsStoreDefaults = { name: 'MY', location: 'LocalMachine' } as const;

/** Windows store locations, case sensitive (§2.2, S2). */
export const windowsStoreLocations = ['LocalMachine', 'CurrentUser'] as const;

/** Default polling interval when a version documents none (every doc example uses "3600", §2.10). */
export const examplePollingInterval = 3600;

/** Vault and secret name rules (§4.4, S13, S14). */
export const nameRules = {
	vault: /^[A-Z](?!.*--)[A-Z0-9-]{1,22}[A-Z0-9]$/i,
	secret: /^[A-Z0-9-]{1,127}$/i,
} as const;

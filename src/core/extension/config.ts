import type { ExtensionOs } from './versions.ts';

/** One entry of `observedCertificates`, as written (string form or object form). */
export interface ObservedEntry {
	url: string;
	/** `string`: the 1.0/2.0 list of URLs; `object`: the 3.0+ objects with `url`. */
	form: 'string' | 'object';
	certificateStoreName?: string;
	certificateStoreLocation?: string;
	keyExportable?: boolean;
	customSymbolicLinkName?: string;
	accounts?: string[];
	acls?: { user?: string; group?: string }[];
}

/**
 * One extension's settings as read from a template, settings file or command: what the simulator
 * runs (the checker's `readExtensionConfigs` produces it).
 */
export interface ExtensionConfig {
	os: ExtensionOs;
	/** typeHandlerVersion as written, e.g. `3.0`. */
	version: string;
	/** As written: a string ("3600") or, wrongly, a number. */
	pollingIntervalInS?: string | number;
	linkOnRenewal?: boolean;
	requireInitialSync?: boolean;
	aclEnabled?: boolean;
	/** Top-level store name / location (Windows 1.0; Linux disk path). */
	certificateStoreName?: string;
	certificateStoreLocation?: string;
	observedCertificates: ObservedEntry[];
}

/** What could be read from a pasted template, settings file or command, for the simulator. */
export interface ExtensionConfigs {
	configs: ExtensionConfig[];
	/** Why an extension or an entry could not be read (values only known at deployment…). */
	unread: { reason: 'os' | 'version' | 'url' | 'settings'; detail: string }[];
	/** True when `environment().suffixes.keyvaultDns` was read as the Azure public cloud's `.vault.azure.net`. */
	assumedPublicCloud: boolean;
}

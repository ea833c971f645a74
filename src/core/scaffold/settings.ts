import {
	arcMsiEndpoint,
	azureMsiEndpoint,
	linuxDefaultStore,
	versionFacts,
	windowsStoreDefaults,
} from './facts.ts';
import type { CertificateOptions, ScaffoldOptions } from './options.ts';
import type { Value } from './value.ts';

/** How a format writes the values it computes rather than spells out. */
export interface SettingsValues {
	/** The versionless `/secrets/` URL of a certificate. */
	url(certificate: CertificateOptions, index: number): Value;
	/** The user-assigned identity's client ID. */
	clientId: Value;
}

/**
 * The extension's `settings` object for the chosen OS and version (research/kvvm-extension.md §2):
 * `secretsManagementSettings` with the version's own keys, and `authenticationSettings` beside it
 * for a user-assigned identity or an Arc machine (§2.8). Options are assumed checked by `refusalsOf`.
 */
export function extensionSettings(
	options: ScaffoldOptions,
	values: SettingsValues
): Record<string, Value> {
	const facts = versionFacts(options.os, options.version)!;
	const linux = options.os === 'linux';
	const anyAcls = options.certificates.some((c) => (c.acls?.length ?? 0) > 0);
	const secretsManagementSettings: Record<string, Value | undefined> = {
		// A string: a number fails with "not a string" (§2.2, I1).
		pollingIntervalInS: String(options.pollingIntervalInS),
		// Windows 1.0/3.0 only; a top-level property, never per certificate (§4.6, S12).
		linkOnRenewal: facts.linking === 'setting' ? (options.linkOnRenewal ?? false) : undefined,
		requireInitialSync:
			facts.initialSync === 'setting' ? (options.requireInitialSync ?? false) : undefined,
		// Linux 3.0: ACLs apply only with aclEnabled (§2.6); 4.x always applies them (§2.7).
		aclEnabled: facts.acls === 'with-acl-enabled' && anyAcls ? true : undefined,
		observedCertificates: options.certificates.map((certificate, index) =>
			linux
				? linuxCertificate(certificate, values.url(certificate, index), facts.symbolicLinkName)
				: windowsCertificate(certificate, values.url(certificate, index), facts.keyExportable)
		),
	};
	const settings: Record<string, Value> = {
		secretsManagementSettings: defined(secretsManagementSettings),
	};
	if (options.target === 'arc')
		settings['authenticationSettings'] = { msiEndpoint: arcMsiEndpoint };
	else if (options.identity.kind === 'user')
		settings['authenticationSettings'] = {
			msiEndpoint: azureMsiEndpoint(options.os),
			msiClientId: values.clientId,
		};
	// System-assigned on Azure: no authenticationSettings, as the current docs say (§2.8, §7.1).
	return settings;
}

function windowsCertificate(
	certificate: CertificateOptions,
	url: Value,
	keyExportable: string
): Value {
	return defined({
		url,
		certificateStoreName: certificate.storeName ?? windowsStoreDefaults.name,
		certificateStoreLocation: certificate.storeLocation ?? windowsStoreDefaults.location,
		// Windows 3.0 only (§2.3); written out because its default is not documented (§2.10).
		keyExportable: keyExportable === 'setting' ? (certificate.keyExportable ?? false) : undefined,
		accounts: certificate.accounts?.length ? certificate.accounts : undefined,
	});
}

function linuxCertificate(
	certificate: CertificateOptions,
	url: Value,
	symbolicLink: boolean
): Value {
	return defined({
		url,
		certificateStoreLocation: certificate.path ?? linuxDefaultStore,
		customSymbolicLinkName: symbolicLink ? certificate.symbolicLinkName : undefined,
		acls: certificate.acls?.length
			? certificate.acls.map((entry) => defined({ user: entry.user, group: entry.group }))
			: undefined,
	});
}

function defined(object: Record<string, Value | undefined>): Record<string, Value> {
	return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Record<
		string,
		Value
	>;
}

import type { ExtensionConfig, SimOs, VaultEvent, VaultState, VaultVersion } from './types.ts';

/** `n` hex characters derived from a seed (FNV-1a, repeated): the same seed always gives the same text. */
export function stableHex(seed: string, n: number): string {
	let out = '';
	let round = 0;
	while (out.length < n) {
		let hash = 0x811c9dc5 ^ round;
		for (let i = 0; i < seed.length; i++) {
			hash ^= seed.charCodeAt(i);
			hash = Math.imul(hash, 0x01000193) >>> 0;
		}
		out += hash.toString(16).padStart(8, '0');
		round++;
	}
	return out.slice(0, n);
}

/** A made-up certificate version (deterministic thumbprint and version id) for scripted timelines. */
export function scriptedVersion(
	name: string,
	index: number,
	notBefore: number,
	options: {
		subject?: string;
		sans?: string[];
		validityDays?: number;
		enabled?: boolean;
		exportable?: boolean;
	} = {}
): VaultVersion {
	return {
		version: stableHex(`${name}#${index}#version`, 32),
		subject: options.subject ?? 'CN=www.contoso.test, O=Contoso',
		sans: options.sans ?? ['www.contoso.test'],
		thumbprint: stableHex(`${name}#${index}#thumbprint`, 40).toUpperCase(),
		notBefore,
		notAfter: notBefore + (options.validityDays ?? 365) * 86_400,
		enabled: options.enabled ?? true,
		exportable: options.exportable ?? true,
	};
}

/** The start of every scripted timeline: 2026-01-05T09:00:00Z, so that pages and tests agree. */
export const SCRIPT_START = Date.UTC(2026, 0, 5, 9, 0, 0) / 1000;

/** The settings the workshop uses per OS and version: one versionless URL of the demo vault. */
export function workshopConfig(os: SimOs, version: string): ExtensionConfig {
	const url = 'https://kvcert-demo.vault.azure.net/secrets/webcert';
	const major = Number(version.split('.')[0]);
	const objects = os === 'windows' ? major >= 3 : major >= 3;
	return {
		os,
		version,
		pollingIntervalInS: '3600',
		...(os === 'windows' && major < 3
			? { certificateStoreName: 'MY', certificateStoreLocation: 'LocalMachine' }
			: {}),
		...(os === 'windows' && major < 4 ? { linkOnRenewal: true } : {}),
		observedCertificates: [
			objects
				? os === 'windows'
					? {
							url,
							form: 'object',
							certificateStoreName: 'MY',
							certificateStoreLocation: 'LocalMachine',
							...(major === 3 ? { keyExportable: false } : {}),
						}
					: { url, form: 'object' }
				: { url, form: 'string' },
		],
	};
}

/** The workshop's vault before the timeline: webcert with one version issued 300 days before the start. */
export function workshopVault(): VaultState {
	return {
		access: true,
		identity: true,
		certificates: [
			{
				name: 'webcert',
				deleted: false,
				versions: [scriptedVersion('webcert', 1, SCRIPT_START - 300 * 86_400)],
			},
		],
	};
}

/** A renewal `at` seconds after the start: version `index` of webcert, valid from that moment. */
export function renewalEvent(at: number, index: number): VaultEvent {
	return {
		at,
		kind: 'new-version',
		certificate: 'webcert',
		version: scriptedVersion('webcert', index, SCRIPT_START + at),
	};
}

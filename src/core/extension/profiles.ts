import type { ExtensionOs } from './versions.ts';

/**
 * What research/kvvm-extension.md documents for one OS and major typeHandlerVersion (the simulator
 * and the checker's rules both read these; moved here from core/simulate). Every field
 * names its source tag there; `undocumented` means the research found nothing to go on.
 */
export interface ExtensionProfile {
	os: ExtensionOs;
	version: string;
	/** Schema of observedCertificates items (§2.2–2.7). */
	observedForm: 'string' | 'object';
	/** What happens to the other item form: rejected (Linux 4.x, S11) or undocumented (§7.7). */
	otherForm: 'rejected' | 'undocumented';
	/** Versioned URLs: not accepted (4.0, S1/S11) or undocumented (v1–3, §7.8). */
	versionedUrl: 'rejected' | 'undocumented';
	/** How many of the newest versions are installed per certificate (4.0: two, S1/S11). */
	installsNewest: 1 | 2;
	/** Polling limits (4.0: 300–3600, default 3600; v1–3 default undocumented, §2.10). */
	polling: { min?: number; max?: number; default?: number };
	/** Windows linking of renewed certificates (§4.6): a setting (1.0/3.0), always (4.0), none (Linux). */
	linking: 'setting' | 'always' | 'none';
	/** Windows private-key exportability (§2.3/2.4). */
	keyExportable: 'setting' | 'never' | 'undocumented' | 'not-applicable';
	/** Linux file layout (§4.8). */
	linuxLayout?: 'v1-2' | 'v3' | 'v4';
	/** Issuer certificates in the PEM (Linux 2.0+, §2.5). */
	chainInPem?: boolean;
	/** Success only after every certificate is installed: a setting (v1–3) or always (4.0). */
	initialSync: 'setting' | 'always';
}

const PROFILES: ExtensionProfile[] = [
	{
		os: 'windows',
		version: '1.0',
		observedForm: 'string',
		otherForm: 'undocumented',
		versionedUrl: 'undocumented',
		installsNewest: 1,
		polling: {},
		linking: 'setting',
		keyExportable: 'undocumented',
		initialSync: 'setting',
	},
	{
		os: 'windows',
		version: '3.0',
		observedForm: 'object',
		otherForm: 'undocumented',
		versionedUrl: 'undocumented',
		installsNewest: 1,
		polling: {},
		linking: 'setting',
		keyExportable: 'setting',
		initialSync: 'setting',
	},
	{
		os: 'windows',
		version: '4.0',
		observedForm: 'object',
		otherForm: 'undocumented',
		versionedUrl: 'rejected',
		installsNewest: 2,
		polling: { min: 300, max: 3600, default: 3600 },
		linking: 'always',
		keyExportable: 'never',
		initialSync: 'always',
	},
	...(['1.0', '2.0'] as const).map((version): ExtensionProfile => ({
		os: 'linux',
		version,
		observedForm: 'string',
		otherForm: 'undocumented',
		versionedUrl: 'undocumented',
		installsNewest: 1,
		polling: {},
		linking: 'none',
		keyExportable: 'not-applicable',
		linuxLayout: 'v1-2',
		chainInPem: version === '2.0',
		initialSync: 'setting',
	})),
	{
		os: 'linux',
		version: '3.0',
		observedForm: 'object',
		otherForm: 'undocumented',
		versionedUrl: 'undocumented',
		installsNewest: 1,
		polling: {},
		linking: 'none',
		keyExportable: 'not-applicable',
		linuxLayout: 'v3',
		chainInPem: true,
		initialSync: 'setting',
	},
	{
		os: 'linux',
		version: '4.0',
		observedForm: 'object',
		otherForm: 'rejected',
		versionedUrl: 'rejected',
		installsNewest: 2,
		polling: { min: 300, max: 3600, default: 3600 },
		linking: 'none',
		keyExportable: 'not-applicable',
		linuxLayout: 'v4',
		chainInPem: true,
		initialSync: 'always',
	},
];

/** The versions with a documented behaviour, per OS (the simulator offers these). */
export const simulatedVersions: Record<ExtensionOs, string[]> = {
	windows: PROFILES.filter((p) => p.os === 'windows').map((p) => p.version),
	linux: PROFILES.filter((p) => p.os === 'linux').map((p) => p.version),
};

/**
 * The documented behaviour of one OS and typeHandlerVersion, if any: a minor version reads as its
 * major's documented one (`3.1` as `3.0`, Linux `2.2` as `2.0`), since the docs describe majors only.
 */
export function extensionProfile(os: ExtensionOs, version: string): ExtensionProfile | undefined {
	const match = /^(\d+)\.\d+$/.exec(version.trim());
	if (!match) return undefined;
	const major = `${match[1]}.0`;
	return PROFILES.find((p) => p.os === os && p.version === major);
}

/** Polling limits in seconds for a major version, when documented. */
export interface PollingLimits {
	min?: number;
	max?: number;
	default?: number;
}

/**
 * The polling limits of a major version on an OS; with the OS unknown, the limits every OS shares
 * at that major (Windows and Linux 4.0 both limit polling to 300–3600), or none.
 */
export function pollingLimits(os: ExtensionOs | undefined, major: number): PollingLimits {
	const version = `${major}.0`;
	const profiles = PROFILES.filter((p) => p.version === version && (!os || p.os === os));
	const [first, ...rest] = profiles;
	if (!first) return {};
	const same = rest.every(
		(p) =>
			p.polling.min === first.polling.min &&
			p.polling.max === first.polling.max &&
			p.polling.default === first.polling.default
	);
	return same && (os || profiles.length > 1) ? first.polling : {};
}

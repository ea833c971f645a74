import type { ExtensionOs } from './versions.ts';

/**
 * The objects of the extension's settings that hold keys (research/kvvm-extension.md §2):
 * `settings` itself, `secretsManagementSettings`, one entry of `observedCertificates` (object form),
 * `authenticationSettings` and Linux's `loggingSettings`.
 */
export type SettingsPlace =
	| 'settings'
	| 'secretsManagementSettings'
	| 'observedCertificate'
	| 'authenticationSettings'
	| 'loggingSettings';

/** The JSON type of a setting's value. */
export type SettingType = 'string' | 'boolean' | 'object' | 'array';

/** Where a key may stand, for which OS and major versions. */
export interface SettingPlacement {
	place: SettingsPlace;
	os: ExtensionOs[];
	majors: number[];
	/** Documented but without effect there (Linux ignores certificateStoreName). */
	ignored?: boolean;
}

/** One key of the settings schema. */
export interface SettingKey {
	name: string;
	type: SettingType;
	placements: SettingPlacement[];
	/** Research tags (research/kvvm-extension.md §9) the placements come from. */
	sources: string[];
	/**
	 * Only seen in a user's comment, not in any documentation: never reported as unknown and never
	 * suggested as a correction.
	 */
	undocumented?: boolean;
	/**
	 * The rule that already reports this key where it does not belong for an OS or version (so the
	 * settings-schema rule does not say it twice).
	 */
	versionRule?: string;
}

const both: ExtensionOs[] = ['windows', 'linux'];
const windows: ExtensionOs[] = ['windows'];
const linux: ExtensionOs[] = ['linux'];
const all = [1, 2, 3, 4];

/** Every key of the documented settings schemas, per OS and major version (§2.1–2.8). */
export const settingKeys: SettingKey[] = [
	{
		name: 'secretsManagementSettings',
		type: 'object',
		placements: [{ place: 'settings', os: both, majors: all }],
		sources: ['S1', 'S2', 'S7', 'S11'],
	},
	{
		name: 'authenticationSettings',
		type: 'object',
		placements: [{ place: 'settings', os: both, majors: all }],
		sources: ['S1', 'S2', 'S7', 'S11'],
		versionRule: 'KV009',
	},
	{
		name: 'loggingSettings',
		type: 'object',
		placements: [{ place: 'settings', os: linux, majors: [3, 4] }],
		sources: ['S7'],
		versionRule: 'KV026',
	},
	{
		name: 'pollingIntervalInS',
		type: 'string',
		placements: [{ place: 'secretsManagementSettings', os: both, majors: all }],
		sources: ['S1', 'S2', 'S7', 'S11'],
	},
	{
		name: 'observedCertificates',
		type: 'array',
		placements: [{ place: 'secretsManagementSettings', os: both, majors: all }],
		sources: ['S1', 'S2', 'S7', 'S11'],
	},
	{
		name: 'linkOnRenewal',
		type: 'boolean',
		placements: [{ place: 'secretsManagementSettings', os: windows, majors: [1, 3] }],
		sources: ['S2', 'S1'],
		versionRule: 'KV023',
	},
	{
		name: 'requireInitialSync',
		type: 'boolean',
		placements: [
			{ place: 'secretsManagementSettings', os: windows, majors: [1, 3] },
			{ place: 'secretsManagementSettings', os: linux, majors: [1, 2, 3] },
		],
		sources: ['S2', 'S7', 'S8'],
		versionRule: 'KV025',
	},
	{
		name: 'aclEnabled',
		type: 'boolean',
		placements: [{ place: 'secretsManagementSettings', os: linux, majors: [3] }],
		sources: ['S7'],
		versionRule: 'KV027',
	},
	{
		name: 'certificateStoreName',
		type: 'string',
		placements: [
			{ place: 'secretsManagementSettings', os: windows, majors: [1] },
			{ place: 'observedCertificate', os: windows, majors: [3, 4] },
			{ place: 'secretsManagementSettings', os: linux, majors: all, ignored: true },
			{ place: 'observedCertificate', os: linux, majors: [3, 4], ignored: true },
		],
		sources: ['S2', 'S1', 'S7', 'S8', 'S11'],
	},
	{
		name: 'certificateStoreLocation',
		type: 'string',
		placements: [
			{ place: 'secretsManagementSettings', os: windows, majors: [1] },
			{ place: 'observedCertificate', os: windows, majors: [3, 4] },
			{ place: 'secretsManagementSettings', os: linux, majors: all },
			{ place: 'observedCertificate', os: linux, majors: [3, 4] },
		],
		sources: ['S2', 'S1', 'S7', 'S8', 'S11'],
	},
	{
		name: 'url',
		type: 'string',
		placements: [{ place: 'observedCertificate', os: both, majors: [3, 4] }],
		sources: ['S2', 'S1', 'S7', 'S11'],
	},
	{
		name: 'keyExportable',
		type: 'boolean',
		placements: [{ place: 'observedCertificate', os: windows, majors: [3] }],
		sources: ['S2', 'S1'],
		versionRule: 'KV024',
	},
	{
		name: 'accounts',
		type: 'array',
		placements: [{ place: 'observedCertificate', os: windows, majors: [3, 4] }],
		sources: ['S2', 'S1'],
		versionRule: 'KV026',
	},
	{
		name: 'customSymbolicLinkName',
		type: 'string',
		placements: [{ place: 'observedCertificate', os: linux, majors: [3] }],
		sources: ['S7', 'S11'],
		versionRule: 'KV027',
	},
	{
		name: 'acls',
		type: 'array',
		placements: [{ place: 'observedCertificate', os: linux, majors: [3, 4] }],
		sources: ['S7', 'S11'],
		versionRule: 'KV026',
	},
	{
		name: 'authenticationOverride',
		type: 'object',
		placements: [{ place: 'observedCertificate', os: linux, majors: [4] }],
		sources: ['S11'],
	},
	{
		name: 'msiEndpoint',
		type: 'string',
		placements: [{ place: 'authenticationSettings', os: both, majors: all }],
		sources: ['S1', 'S2', 'S7', 'S11'],
	},
	{
		name: 'msiClientId',
		type: 'string',
		placements: [{ place: 'authenticationSettings', os: both, majors: all }],
		sources: ['S1', 'S2', 'S7', 'S11'],
	},
	{
		name: 'msiObjectId',
		type: 'string',
		placements: [{ place: 'authenticationSettings', os: both, majors: all }],
		sources: ['I2'],
		undocumented: true,
	},
	...['logger', 'endpoint', 'format', 'servicename'].map((name): SettingKey => ({
		name,
		type: 'string',
		placements: [{ place: 'loggingSettings', os: linux, majors: [3, 4] }],
		sources: ['S7'],
	})),
];

const byName = new Map(settingKeys.map((key) => [key.name, key]));

/** The schema entry of a key, if it is a key of any documented settings schema. */
export function settingKey(name: string): SettingKey | undefined {
	return byName.get(name);
}

function matches(
	placement: SettingPlacement,
	place: SettingsPlace,
	os: ExtensionOs | undefined,
	major: number | undefined
): boolean {
	return (
		placement.place === place &&
		(os === undefined || placement.os.includes(os)) &&
		(major === undefined || placement.majors.includes(major))
	);
}

/** Whether `name` may stand at `place` for the OS and major version (either unknown: for any). */
export function allowedAt(
	name: string,
	place: SettingsPlace,
	os?: ExtensionOs,
	major?: number
): boolean {
	return byName.get(name)?.placements.some((p) => matches(p, place, os, major)) ?? false;
}

/** The places a key stands at for the OS and major version (either unknown: for any). */
export function placesOf(name: string, os?: ExtensionOs, major?: number): SettingsPlace[] {
	const places = (byName.get(name)?.placements ?? [])
		.filter(
			(p) =>
				(os === undefined || p.os.includes(os)) && (major === undefined || p.majors.includes(major))
		)
		.map((p) => p.place);
	return [...new Set(places)];
}

/** The documented keys that may stand at a place for the OS and major version (either unknown: for any). */
export function keysAt(place: SettingsPlace, os?: ExtensionOs, major?: number): string[] {
	return settingKeys
		.filter((key) => !key.undocumented && key.placements.some((p) => matches(p, place, os, major)))
		.map((key) => key.name);
}

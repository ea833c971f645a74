// Facts about the Key Vault VM extension, kept once: the checker's rules, the simulator and the
// template builder read them from here (research/kvvm-extension.md, addenda.md).
export {
	documentedVersions,
	publishedMinors,
	publishedVersions,
	versionListing,
	versionStatus,
	type ExtensionOs,
	type PublishedVersion,
	type VersionEvidence,
	type VersionStatus,
} from './versions.ts';
export {
	extensionProfile,
	pollingLimits,
	simulatedVersions,
	type ExtensionProfile,
	type PollingLimits,
} from './profiles.ts';
export {
	allowedAt,
	keysAt,
	placesOf,
	settingKey,
	settingKeys,
	type SettingKey,
	type SettingPlacement,
	type SettingsPlace,
	type SettingType,
} from './settings-schema.ts';
export type { ExtensionConfig, ExtensionConfigs, ObservedEntry } from './config.ts';

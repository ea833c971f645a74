export * from './types.ts';
export { simulate, LINUX_DEFAULT_STORE, MAX_POLLS, MAX_EVENTS } from './simulate.ts';
export { extensionProfile, simulatedVersions, type ExtensionProfile } from '../extension/index.ts';
export { parseObservedUrl, type ParsedObservedUrl } from './observed-url.ts';
export { formatLogLine, noteMessages } from './messages.ts';
export {
	stableHex,
	scriptedVersion,
	workshopConfig,
	workshopVault,
	renewalEvent,
	SCRIPT_START,
} from './scenario.ts';
export { configsFromTemplate, type TemplateConfigs } from './from-template.ts';

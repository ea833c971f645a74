import { hostOs } from './host.ts';
import type { ExtensionSite, OsKind } from './model.ts';
import { asArray, asObject, child, items, resolve, valueAt } from './navigate.ts';
import type { ObservedCertificate, ReportDescriptor, RuleContext } from './rule.ts';
import { osFromSettingKeys } from './settings-os.ts';
import { knownText, type Located } from './values.ts';

/** The OS an extension targets: from its type, else from the machine that hosts it. */
export function extensionOs(site: ExtensionSite): OsKind | undefined {
	const type = site.type ? knownText(site.type.value)?.toLowerCase() : undefined;
	if (type === 'keyvaultforwindows') return 'windows';
	if (type === 'keyvaultforlinux') return 'linux';
	return site.host ? hostOs(site.host) : undefined;
}

/** The typeHandlerVersion text and its major number, when statically known. */
export function extensionVersion(site: ExtensionSite): { version?: string; major?: number } {
	const version = site.version ? knownText(site.version.value) : undefined;
	const match = version === undefined ? null : /^(\d+)\.(\d+)$/.exec(version.trim());
	const result: { version?: string; major?: number } = {};
	if (version !== undefined) result.version = version;
	if (match) result.major = Number(match[1]);
	return result;
}

function observedEntry(at: Located): ObservedCertificate {
	const resolved = resolve(at);
	const { node } = resolved.at;
	if (node.type === 'object') {
		const url = child(resolved.at, 'url');
		return {
			at,
			resolved,
			shape: 'object',
			url: url ? { at: url, resolved: resolve(url) } : undefined,
			object: resolved.at,
		};
	}
	const kind = resolved.value.kind;
	const shape = kind === 'string' ? 'string' : kind === 'unknown' ? 'unknown' : 'other';
	return {
		at,
		resolved,
		shape,
		url: shape === 'string' ? { at, resolved } : undefined,
		object: undefined,
	};
}

/** Builds what a rule sees of one extension. */
export function createRuleContext(
	extension: ExtensionSite,
	report: (descriptor: ReportDescriptor) => void
): RuleContext {
	const settings = asObject(extension.settings);
	const secretsManagementSettings = asObject(child(settings, 'secretsManagementSettings'));
	const observed = child(secretsManagementSettings, 'observedCertificates');
	const { version, major } = extensionVersion(extension);
	// Bare settings (and commands without a type) tell their OS only by their keys.
	const os =
		extensionOs(extension) ??
		(extension.type === undefined ? osFromSettingKeys(settings)?.os : undefined);
	return {
		extension,
		os,
		version,
		major,
		settings,
		secretsManagementSettings,
		authenticationSettings: asObject(child(settings, 'authenticationSettings')),
		observedCertificates: asArray(observed) ? items(observed).map(observedEntry) : undefined,
		valueOf: valueAt,
		report,
	};
}

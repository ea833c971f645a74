import type { ExtensionConfig, ExtensionConfigs, ObservedEntry } from '../extension/index.ts';
import { createRuleContext } from './context.ts';
import { findExtensionsInText } from './engine/check.ts';
import { child, items, valueAt } from './navigate.ts';
import { isHole, knownText, type Located, type Value } from './values.ts';

/** A URL's text, reading the cloud's Key Vault DNS suffix as the public cloud's; undefined if anything else is unknown. */
function urlText(value: Value, assumed: { publicCloud: boolean }): string | undefined {
	const known = knownText(value);
	if (known !== undefined || value.kind !== 'string') return known;
	let out = '';
	for (const part of value.parts) {
		if (!isHole(part)) out += part.text;
		else if (part.hole.tag === 'keyvaultDns') {
			out += '.vault.azure.net';
			assumed.publicCloud = true;
		} else return undefined;
	}
	return out;
}

const text = (at: Located | undefined): string | undefined => {
	const value = valueAt(at);
	return value ? knownText(value) : undefined;
};
const bool = (at: Located | undefined): boolean | undefined => {
	const value = valueAt(at);
	return value?.kind === 'boolean' ? value.value : undefined;
};

/**
 * Reads each Key Vault VM extension of an input (the checker's model: ARM template, resource,
 * bare settings, az CLI or PowerShell) into the settings the simulator runs. What is unknown stays
 * unread, with the reason.
 */
export function readExtensionConfigs(
	input: string,
	options: {
		/** OS when the input does not say (bare settings). */
		os?: 'windows' | 'linux';
		/** typeHandlerVersion when the input does not say. */
		version?: string;
		/** An ARM parameters file with the values to use. */
		parameters?: { path: string; text: string };
	} = {}
): ExtensionConfigs {
	const fallbackOs = options.os;
	const fallbackVersion = options.version;
	const result: ExtensionConfigs = { configs: [], unread: [], assumedPublicCloud: false };
	const assumed = { publicCloud: false };
	for (const site of findExtensionsInText(
		input,
		options.parameters ? { parameters: options.parameters } : {}
	)) {
		const context = createRuleContext(site, () => undefined);
		const os = context.os ?? fallbackOs;
		const version = context.version ?? fallbackVersion;
		if (!os) {
			result.unread.push({ reason: 'os', detail: '' });
			continue;
		}
		if (!version) {
			result.unread.push({ reason: 'version', detail: os });
			continue;
		}
		const sms = context.secretsManagementSettings;
		if (!sms || !context.observedCertificates) {
			result.unread.push({ reason: 'settings', detail: `${os} ${version}` });
			continue;
		}
		const observed: ObservedEntry[] = [];
		for (const entry of context.observedCertificates) {
			const url = entry.url ? urlText(entry.url.resolved.value, assumed) : undefined;
			if (url === undefined) {
				result.unread.push({ reason: 'url', detail: entry.url ? '' : entry.shape });
				continue;
			}
			if (entry.shape === 'string') {
				observed.push({ url, form: 'string' });
				continue;
			}
			const object = entry.object;
			const o: ObservedEntry = { url, form: 'object' };
			const storeName = text(child(object, 'certificateStoreName'));
			const storeLocation = text(child(object, 'certificateStoreLocation'));
			const exportable = bool(child(object, 'keyExportable'));
			const link = text(child(object, 'customSymbolicLinkName'));
			if (storeName !== undefined) o.certificateStoreName = storeName;
			if (storeLocation !== undefined) o.certificateStoreLocation = storeLocation;
			if (exportable !== undefined) o.keyExportable = exportable;
			if (link !== undefined) o.customSymbolicLinkName = link;
			const accounts = items(child(object, 'accounts'))
				.map((a) => text(a))
				.filter((a): a is string => a !== undefined);
			if (accounts.length) o.accounts = accounts;
			const acls = items(child(object, 'acls')).map((a) => {
				const acl: { user?: string; group?: string } = {};
				const user = text(child(a, 'user'));
				const group = text(child(a, 'group'));
				if (user !== undefined) acl.user = user;
				if (group !== undefined) acl.group = group;
				return acl;
			});
			if (acls.length) o.acls = acls;
			observed.push(o);
		}
		const config: ExtensionConfig = { os, version, observedCertificates: observed };
		const polling = valueAt(child(sms, 'pollingIntervalInS'));
		if (polling?.kind === 'number') config.pollingIntervalInS = polling.value;
		else if (polling && knownText(polling) !== undefined)
			config.pollingIntervalInS = knownText(polling)!;
		const link = bool(child(sms, 'linkOnRenewal'));
		const sync = bool(child(sms, 'requireInitialSync'));
		const acl = bool(child(sms, 'aclEnabled'));
		const storeName = text(child(sms, 'certificateStoreName'));
		const storeLocation = text(child(sms, 'certificateStoreLocation'));
		if (link !== undefined) config.linkOnRenewal = link;
		if (sync !== undefined) config.requireInitialSync = sync;
		if (acl !== undefined) config.aclEnabled = acl;
		if (storeName !== undefined) config.certificateStoreName = storeName;
		if (storeLocation !== undefined) config.certificateStoreLocation = storeLocation;
		result.configs.push(config);
	}
	result.assumedPublicCloud = assumed.publicCloud;
	return result;
}

import type { OsKind } from './model.ts';
import { asObject, child, items, valueAt } from './navigate.ts';
import { knownText, type Located } from './values.ts';

/** The OS bare settings are written for, told by a key only one OS reads, and where that key is. */
export interface OsFromKeys {
	os: OsKind;
	/** The key (or value) that tells, e.g. `aclEnabled`, `certificateStoreLocation "/var/lib/…"`. */
	evidence: string;
	at: Located;
}

/**
 * Every key of bare settings that tells an OS, in the order written. Bare settings name no extension
 * type, but some keys belong to one OS (research §3, rule KV026): `aclEnabled`, `acls`,
 * `customSymbolicLinkName`, `loggingSettings` and a path in `certificateStoreLocation` are Linux;
 * `accounts`, `keyExportable` and `LocalMachine`/`CurrentUser` are Windows.
 */
export function osEvidence(settings: Located | undefined): OsFromKeys[] {
	const secrets = asObject(child(settings, 'secretsManagementSettings'));
	const found: OsFromKeys[] = [];
	const key = (object: Located | undefined, name: string, os: OsKind) => {
		const at = child(object, name);
		if (at) found.push({ os, evidence: name, at });
	};
	const location = (object: Located | undefined) => {
		const at = child(object, 'certificateStoreLocation');
		const value = at ? valueAt(at) : undefined;
		const text = value ? knownText(value) : undefined;
		if (!at || text === undefined) return;
		if (text.startsWith('/'))
			found.push({ os: 'linux', evidence: `certificateStoreLocation "${text}"`, at });
		else if (/^(?:localmachine|currentuser)$/i.test(text))
			found.push({ os: 'windows', evidence: `certificateStoreLocation "${text}"`, at });
	};
	key(settings, 'loggingSettings', 'linux');
	key(secrets, 'aclEnabled', 'linux');
	location(secrets);
	for (const entry of items(child(secrets, 'observedCertificates'))) {
		const object = asObject(entry);
		key(object, 'acls', 'linux');
		key(object, 'customSymbolicLinkName', 'linux');
		key(object, 'accounts', 'windows');
		key(object, 'keyExportable', 'windows');
		location(object);
	}
	return found.sort((a, b) => a.at.node.offset - b.at.node.offset);
}

/** The OS bare settings' keys tell; unknown when the keys disagree (KV026 says so) or none tells. */
export function osFromSettingKeys(settings: Located | undefined): OsFromKeys | undefined {
	const found = osEvidence(settings);
	const first = found[0];
	if (!first || found.some((f) => f.os !== first.os)) return undefined;
	return first;
}

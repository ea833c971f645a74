import type { FoundThumbprint, VaultCertificateVersion } from './types.ts';

/** A vault version and whether the VM has it. */
export interface VersionOnVm {
	version: VaultCertificateVersion;
	installed: boolean;
	/** The pasted thumbprints that matched it. */
	matches: FoundThumbprint[];
}

/** The outcome of comparing a vault's versions with what a VM has installed. */
export interface ThumbprintComparison {
	/** In the order given (the API's newest first). */
	versions: VersionOnVm[];
	/** Versions found on the VM, oldest first. */
	installedVersions: VaultCertificateVersion[];
	/** Pasted thumbprints that match no version (one entry per distinct value). */
	unknownOnVm: FoundThumbprint[];
	/** The version Key Vault serves for the versionless URL, if any. */
	current?: VaultCertificateVersion;
	currentInstalled: boolean;
	/** How many distinct thumbprints were pasted. */
	pastedCount: number;
}

/**
 * Compares a certificate's versions in Key Vault with thumbprints found on a VM: SHA-1 or SHA-256,
 * whichever the VM printed. Tells which versions are installed, which VM certificates the vault does
 * not know, and whether the current version is installed.
 */
export function compareVersions(
	versions: VaultCertificateVersion[],
	installed: FoundThumbprint[]
): ThumbprintComparison {
	const matchesOf = (v: VaultCertificateVersion) =>
		installed.filter((t) => t.hex === (t.algorithm === 'sha1' ? v.sha1 : v.sha256));
	const rows = versions.map((version) => {
		const matches = matchesOf(version);
		return { version, installed: matches.length > 0, matches };
	});
	const known = new Set(versions.flatMap((v) => [v.sha1, v.sha256]));
	const unknown = new Map<string, FoundThumbprint>();
	for (const t of installed) if (!known.has(t.hex) && !unknown.has(t.hex)) unknown.set(t.hex, t);
	const current = versions.find((v) => v.current);
	const installedVersions = rows
		.filter((r) => r.installed)
		.map((r) => r.version)
		.sort((a, b) => a.ordinal - b.ordinal);
	return {
		versions: rows,
		installedVersions,
		unknownOnVm: [...unknown.values()],
		...(current ? { current } : {}),
		currentInstalled: !!current && installedVersions.includes(current),
		pastedCount: new Set(installed.map((t) => t.hex)).size,
	};
}

/** Orders versions newest first by creation time and numbers them from 1 (the oldest). */
export function numberVersions<T extends { created: string }>(
	versions: T[]
): (T & { ordinal: number })[] {
	const oldestFirst = [...versions].sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
	return oldestFirst.map((v, i) => ({ ...v, ordinal: i + 1 })).reverse();
}

/** Operating system of a Key Vault VM extension (KeyVaultForWindows / KeyVaultForLinux). */
export type ExtensionOs = 'windows' | 'linux';

/** A public record that shows a typeHandlerVersion exists. */
export interface VersionEvidence {
	/** Where it is shown: a repository and path at a commit, or an issue's address. */
	source: string;
	/** What it shows, e.g. the full version in a log line. */
	shows: string;
}

/** A `Major.Minor` typeHandlerVersion that exists, and why kvcert believes so. */
export interface PublishedVersion {
	version: string;
	/** Named in the extension's documentation (research/kvvm-extension.md §1), not only seen in use. */
	documented: boolean;
	/** A preview before 1.0: it exists, but nothing documents its settings. */
	preview?: boolean;
	evidence: VersionEvidence[];
}

/** Research tags (research/kvvm-extension.md §9) for the documented versions. */
const windowsDocs: VersionEvidence = {
	source: 'research/kvvm-extension.md §1 (S1, S2)',
	shows: 'Windows typeHandlerVersion 1.0, 3.0 and 4.0 documented',
};
const linuxDocs: VersionEvidence = {
	source: 'research/kvvm-extension.md §1 (S7, S9, S10, S11)',
	shows: 'Linux typeHandlerVersion 1.0, 2.0, 3.0 and 4.0 documented',
};

/**
 * `az vm extension image list-versions --publisher Microsoft.Azure.KeyVault --name
 * KeyVaultForWindows --location japaneast` as printed in a public article (January 2026). It is the
 * whole list for that region, so a Windows `Major.Minor` missing from it does not exist there.
 */
const windowsListing: VersionEvidence = {
	source:
		'zukakosan/blog-tech articles/20260122-iis-sslcert-update.md @d2d63208baab9a91620d59a35a3ec2a2a54e5b5c',
	shows:
		'list-versions (japaneast): 0.1.0.717, 0.2.0.898, 0.3.907.5, 1.0.921.6 … 1.0.1409.21, 3.0.2138.56, 3.1.2195.61, 3.2.2398.77, 3.3.2607.99, 3.6.3145.208, 4.0.3299.265; log folder …\\KeyVaultForWindows\\3.6.3145.208',
};

/** Every typeHandlerVersion known to exist, per OS, with its evidence. Nothing here is guessed. */
export const publishedVersions: Record<ExtensionOs, PublishedVersion[]> = {
	windows: [
		...['0.1', '0.2', '0.3'].map((version) => ({
			version,
			documented: false,
			preview: true,
			evidence: [windowsListing],
		})),
		{
			version: '1.0',
			documented: true,
			evidence: [
				windowsDocs,
				windowsListing,
				{
					source: 'https://github.com/MicrosoftDocs/azure-docs/issues/66632',
					shows: 'log folder …\\KeyVaultForWindows\\1.0.1409.21',
				},
			],
		},
		{ version: '3.0', documented: true, evidence: [windowsDocs, windowsListing] },
		{
			version: '3.1',
			documented: false,
			evidence: [
				windowsListing,
				{
					source: 'https://github.com/MicrosoftDocs/azure-docs/issues/109667',
					shows: 'log: sending file logs to …\\KeyVaultForWindows\\3.1.2195.61',
				},
			],
		},
		{ version: '3.2', documented: false, evidence: [windowsListing] },
		{ version: '3.3', documented: false, evidence: [windowsListing] },
		{ version: '3.6', documented: false, evidence: [windowsListing] },
		{ version: '4.0', documented: true, evidence: [windowsDocs, windowsListing] },
	],
	linux: [
		{ version: '1.0', documented: true, evidence: [linuxDocs] },
		{ version: '2.0', documented: true, evidence: [linuxDocs] },
		{
			version: '2.2',
			documented: false,
			evidence: [
				{
					source: 'https://github.com/Azure/azure-linux-extensions/issues/1915',
					shows: 'KeyVaultForLinux version 2.2.2158.57',
				},
			],
		},
		{ version: '3.0', documented: true, evidence: [linuxDocs] },
		{ version: '4.0', documented: true, evidence: [linuxDocs] },
	],
};

/**
 * Whether the list of an OS is every version there is (a full `list-versions` output was found) or
 * only those seen somewhere (Linux: no full listing was found, so an unlisted minor may still exist).
 */
export const versionListing: Record<ExtensionOs, 'complete' | 'partial'> = {
	windows: 'complete',
	linux: 'partial',
};

/** The documented versions of an OS (`1.0`, `3.0`…), in order. */
export function documentedVersions(os: ExtensionOs): string[] {
	return publishedVersions[os].filter((v) => v.documented).map((v) => v.version);
}

/** What is known of a `Major.Minor` typeHandlerVersion on an OS. */
export type VersionStatus =
	/** Shown to exist by a source (documented or seen in a public listing or log). */
	| 'published'
	/** The major version is documented but this minor is in no source, and the OS's list is complete. */
	| 'unpublished-minor'
	/** The major version is documented but this minor is in no source, and the OS's list is partial. */
	| 'unlisted-minor'
	/** No version with this major exists for the OS. */
	| 'unknown-major';

/** Tells what is known of a version written exactly as `Major.Minor` (other forms: undefined). */
export function versionStatus(os: ExtensionOs, version: string): VersionStatus | undefined {
	const match = /^(\d+)\.\d+$/.exec(version);
	if (!match) return undefined;
	const list = publishedVersions[os];
	if (list.some((v) => v.version === version)) return 'published';
	if (!list.some((v) => majorOf(v.version) === match[1])) return 'unknown-major';
	return versionListing[os] === 'complete' ? 'unpublished-minor' : 'unlisted-minor';
}

function majorOf(version: string): string {
	return version.split('.')[0]!;
}

/** The published versions of an OS that share a major version with `version` (`3.4` → 3.0, 3.1…). */
export function publishedMinors(os: ExtensionOs, version: string): string[] {
	const major = majorOf(version);
	return publishedVersions[os].filter((v) => majorOf(v.version) === major).map((v) => v.version);
}

/** An observed-certificate URL split into what the extension needs. */
export interface ParsedObservedUrl {
	/** Lower-case host, without `:443`. */
	host: string;
	/** The host's first label as written: the vault name (Linux file names keep its case). */
	vaultName: string;
	/** `secrets`, `certificates`, `keys`… */
	collection: string;
	name: string;
	/** The 32-character version, when the URL pins one. */
	version: string | undefined;
	/** The URL as the extension logs it: versionless ones end in `/` (research §4.3, I7). */
	display: string;
}

const URL_PATTERN =
	/^https:\/\/([A-Za-z0-9-]{1,63})((?:\.[A-Za-z0-9-]+)+)(?::443)?\/([A-Za-z]+)\/([A-Za-z0-9-]{1,127})(?:\/([0-9A-Za-z]{32}))?\/?$/;

/** Parses `https://<vault>.<suffix>/<collection>/<name>[/<version>]`, or returns undefined. */
export function parseObservedUrl(url: string): ParsedObservedUrl | undefined {
	if (url.length > 2048) return undefined;
	const match = URL_PATTERN.exec(url.trim());
	if (!match) return undefined;
	const vaultName = match[1]!;
	const host = `${vaultName}${match[2]!}`.toLowerCase();
	const collection = match[3]!.toLowerCase();
	const name = match[4]!;
	const version = match[5]?.toLowerCase();
	const base = `https://${host}/${collection}/${name}`;
	return {
		host,
		vaultName,
		collection,
		name,
		version,
		display: version ? `${base}/${version}` : `${base}/`,
	};
}

/** Hash algorithms a thumbprint can use. Windows and Key Vault show SHA-1; SHA-256 is the modern one. */
export type ThumbprintAlgorithm = 'sha1' | 'sha256';

/** Where a thumbprint found in pasted text came from. */
export type ThumbprintSource =
	'openssl' | 'certutil' | 'powershell-list' | 'powershell-table' | 'labeled' | 'hex' | 'x5t';

/** A thumbprint found in pasted text, with its place in that text. */
export interface FoundThumbprint {
	algorithm: ThumbprintAlgorithm;
	/** Upper-case hex, no separators. */
	hex: string;
	/** UTF-16 offsets in the original text: `text.slice(start, end)` is what was matched. */
	start: number;
	end: number;
	/** 1-based line and column of `start`. */
	line: number;
	column: number;
	source: ThumbprintSource;
	/** The certificate subject printed next to it, when the tool printed one. */
	subject?: string;
}

/** One version of a Key Vault certificate as the thumbprints API returns it. */
export interface VaultCertificateVersion {
	/** Key Vault's 32-character version id. */
	version: string;
	/** 1 for the oldest version, counting by creation time. */
	ordinal: number;
	enabled: boolean;
	/** ISO 8601 dates. */
	created: string;
	notBefore: string;
	expires: string;
	subject: string;
	/** Subject alternative names as `DNS:name` / `IP:address`. */
	sans: string[];
	/** Upper-case hex. */
	sha1: string;
	sha256: string;
	/** Key Vault's x5t: base64url of the SHA-1. */
	x5t: string;
	/** True for the version Key Vault returns for the versionless URL (what the VM extension installs). */
	current: boolean;
}

/** Body of a successful `GET /api/thumbprints`. */
export interface ThumbprintsResponse {
	vaultUrl: string;
	name: string;
	/** Newest first. */
	versions: VaultCertificateVersion[];
	/** True when the certificate had more versions than the server reads. */
	truncated: boolean;
}

/** Body of a failed `GET /api/thumbprints`: a stable code and advice in the requested language. */
export interface ThumbprintsErrorResponse {
	error: { code: string; message: string };
}

/** Body of `GET /api/vault-mode`: what the live parts talk to. */
export interface VaultModeResponse {
	mode: 'demo' | 'azure' | 'both';
	/** The demo vault's URL when the demo vault runs. */
	demoVaultUrl?: string;
	/** Certificate names in the demo vault. */
	demoCertificates?: string[];
	/** Monday (`YYYY-MM-DD`, UTC) of the week the demo vault's dates and thumbprints belong to. */
	demoWeek?: string;
}

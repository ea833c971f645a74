/** DNS suffixes of Key Vault in each Azure cloud (research/kvvm-extension.md §4.3). */
export const KEY_VAULT_SUFFIXES = [
	'vault.azure.net',
	'vault.azure.cn',
	'vault.usgovcloudapi.net',
	'vault.microsoftazure.de',
] as const;

/** What {@link checkVaultUrl} decided. */
export type VaultUrlCheck =
	| { ok: true; kind: 'azure' | 'demo'; vaultUrl: string }
	| { ok: false; reason: 'vaultRequired' | 'vaultInvalid' };

/** Vault names: 3–24 characters, a letter first, letters/digits/hyphens, no `--`, no hyphen last. */
const VAULT_NAME = /^(?!.*--)[a-z][a-z0-9-]{1,22}[a-z0-9]$/;
/**
 * The whole input, before any URL parsing: https, an ASCII host of letters, digits, dots and
 * hyphens, an optional port, an optional single trailing slash. Nothing else: no userinfo, path,
 * query, fragment, backslash, percent-escape, whitespace or non-ASCII character can get through,
 * so no parser normalisation (IDNA, fullwidth dots, `\` as `/`, tabs) can change the host.
 */
const STRICT_URL = /^https:\/\/([A-Za-z0-9.-]{1,253})(?::(\d{1,5}))?\/?$/;

/**
 * Decides whether the server may contact a vault URL: an Azure Key Vault host in a known cloud
 * (`<name>.vault.azure.net` …, port 443 only), or exactly the configured demo vault origin (or the
 * word `demo`). Everything else is refused before any network I/O, so the server is no open proxy.
 */
export function checkVaultUrl(input: unknown, demoOrigin?: string): VaultUrlCheck {
	if (typeof input !== 'string' || !input.trim()) return { ok: false, reason: 'vaultRequired' };
	const raw = input.trim();
	if (raw.length > 300) return { ok: false, reason: 'vaultInvalid' };
	if (demoOrigin && (raw === 'demo' || raw.replace(/\/$/, '') === demoOrigin))
		return { ok: true, kind: 'demo', vaultUrl: demoOrigin };
	const match = STRICT_URL.exec(raw);
	if (!match) return { ok: false, reason: 'vaultInvalid' };
	const host = (match[1] ?? '').toLowerCase();
	const port = match[2];
	if (port !== undefined && port !== '443') return { ok: false, reason: 'vaultInvalid' };
	const suffix = KEY_VAULT_SUFFIXES.find((s) => host.endsWith(`.${s}`));
	if (!suffix) return { ok: false, reason: 'vaultInvalid' };
	const name = host.slice(0, -suffix.length - 1);
	if (!VAULT_NAME.test(name)) return { ok: false, reason: 'vaultInvalid' };
	return { ok: true, kind: 'azure', vaultUrl: `https://${name}.${suffix}` };
}

/** Key Vault object names: 1–127 letters, digits and hyphens. */
export function isValidCertificateName(name: unknown): name is string {
	return typeof name === 'string' && /^[0-9A-Z-]{1,127}$/i.test(name);
}

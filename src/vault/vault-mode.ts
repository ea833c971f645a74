/** Which vaults the live parts read: the embedded demo vault, real Azure vaults, or both. */
export type VaultMode = 'demo' | 'azure' | 'both';

/**
 * Reads `KVCERT_VAULT_MODE`: `demo` (default: the embedded emulator only), `azure` (real vaults
 * through DefaultAzureCredential, no emulator) or `both`.
 */
export function vaultModeFromEnv(env: Record<string, string | undefined> = process.env): VaultMode {
	const value = (env['KVCERT_VAULT_MODE'] ?? '').trim().toLowerCase();
	if (value === 'azure' || value === 'both') return value;
	return 'demo';
}

import type {
	ThumbprintsErrorResponse,
	ThumbprintsResponse,
	VaultModeResponse,
} from '../../../core/thumbprint/types.ts';

// The thumbprint tool's two requests to the kvcert server, typed with core/thumbprint/types.ts.
// A static host (no server) answers with HTML or not at all: that is a state, never a raw error.

/** What the page talks to: the server's vault mode, or no server (a static build). */
export type ModeResult = { kind: 'live'; mode: VaultModeResponse } | { kind: 'static' };

/** Asks the server which vaults it reads (`GET /api/vault-mode`). */
export async function loadVaultMode(fetchImpl: typeof fetch = fetch): Promise<ModeResult> {
	try {
		const response = await fetchImpl('/api/vault-mode', { signal: AbortSignal.timeout(8000) });
		const type = response.headers.get('content-type') ?? '';
		if (!response.ok || !type.includes('application/json')) return { kind: 'static' };
		return { kind: 'live', mode: (await response.json()) as VaultModeResponse };
	} catch {
		return { kind: 'static' };
	}
}

/** The versions, the server's advice when it refused (in the page's language), or no answer. */
export type VersionsResult =
	| { kind: 'versions'; body: ThumbprintsResponse }
	| { kind: 'refused'; message: string }
	| { kind: 'unreachable' };

/** Fetches a certificate's versions (`GET /api/thumbprints`). */
export async function fetchVersions(
	query: { vault: string; name: string; lang: string },
	fetchImpl: typeof fetch = fetch
): Promise<VersionsResult> {
	try {
		const response = await fetchImpl(`/api/thumbprints?${new URLSearchParams(query)}`, {
			signal: AbortSignal.timeout(30_000),
		});
		const body = (await response.json()) as ThumbprintsResponse | ThumbprintsErrorResponse;
		if ('error' in body) return { kind: 'refused', message: body.error.message };
		if (!Array.isArray(body.versions)) return { kind: 'unreachable' };
		return { kind: 'versions', body };
	} catch {
		return { kind: 'unreachable' };
	}
}

/**
 * The vault URL to ask for: empty means the demo vault (when there is one); a bare vault name
 * (`contoso-kv`) means that vault in Azure's public cloud; anything else is sent as typed and
 * the server checks it.
 */
export function vaultUrlFor(input: string, demoVaultUrl: string): string {
	const value = input.trim();
	if (!value) return demoVaultUrl;
	// Key Vault names: 3–24 letters, digits and hyphens, starting with a letter.
	if (/^[a-z][a-z0-9-]{2,23}$/i.test(value)) return `https://${value}.vault.azure.net`;
	return value;
}

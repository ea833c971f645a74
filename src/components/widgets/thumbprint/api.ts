import type {
	ThumbprintsErrorResponse,
	ThumbprintsResponse,
	VaultModeResponse,
} from '../../../core/thumbprint/types.ts';
import { ApiRefusedError, apiFetch } from '../api-refusal.ts';

// The thumbprint tool's two requests to the kvcert server, typed with core/thumbprint/types.ts.
// A static host (no server) answers with HTML or not at all: that is a state, never a raw error.

/**
 * What the page talks to: the server's vault mode, no server (a static build), or a server that
 * refused this page (its reason, in the page's language: never "static site" for a refused host).
 */
export type ModeResult =
	| { kind: 'live'; mode: VaultModeResponse }
	| { kind: 'static' }
	| { kind: 'refused'; message: string };

/** Told while a busy server makes the request wait, with the sentence to show. */
export type OnWait = (text: string) => void;

/** Asks the server which vaults it reads (`GET /api/vault-mode`). */
export async function loadVaultMode(
	lang: string,
	onWait?: OnWait,
	fetchImpl: typeof fetch = fetch
): Promise<ModeResult> {
	try {
		const response = await apiFetch(
			`/api/vault-mode?lang=${encodeURIComponent(lang)}`,
			{},
			{ timeoutMs: 8000, fetchImpl, ...(onWait ? { onWait } : {}) }
		);
		const type = response.headers.get('content-type') ?? '';
		if (!response.ok || !type.includes('application/json')) return { kind: 'static' };
		return { kind: 'live', mode: (await response.json()) as VaultModeResponse };
	} catch (error) {
		if (error instanceof ApiRefusedError) return { kind: 'refused', message: error.message };
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
	onWait?: OnWait,
	fetchImpl: typeof fetch = fetch
): Promise<VersionsResult> {
	try {
		const response = await apiFetch(
			`/api/thumbprints?${new URLSearchParams(query)}`,
			{},
			{ timeoutMs: 30_000, fetchImpl, ...(onWait ? { onWait } : {}) }
		);
		const body = (await response.json()) as ThumbprintsResponse | ThumbprintsErrorResponse;
		if ('error' in body) return { kind: 'refused', message: body.error.message };
		if (!Array.isArray(body.versions)) return { kind: 'unreachable' };
		return { kind: 'versions', body };
	} catch (error) {
		if (error instanceof ApiRefusedError) return { kind: 'refused', message: error.message };
		return { kind: 'unreachable' };
	}
}

/** Key Vault names: 3–24 letters, digits and hyphens, starting with a letter. */
export const vaultName = /^[a-z][a-z0-9-]{2,23}$/i;

/**
 * The vault URL to ask for: empty means the demo vault (when there is one); a bare vault name
 * (`contoso-kv`) means that vault in Azure's public cloud; anything else is sent as typed and
 * the server checks it.
 */
export function vaultUrlFor(input: string, demoVaultUrl: string): string {
	const value = input.trim();
	if (!value) return demoVaultUrl;
	if (vaultName.test(value)) return `https://${value}.vault.azure.net`;
	return value;
}

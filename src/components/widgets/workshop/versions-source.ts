import type { ThumbprintsResponse, VaultModeResponse } from '../../../core/thumbprint/types.ts';

/** One version of webcert as exercise B shows it. */
export interface ExerciseVersion {
	/** 1 for the oldest. */
	ordinal: number;
	/** SHA-1, upper-case hex. */
	thumbprint: string;
	subject: string;
	/** ISO 8601. */
	notBefore: string;
	notAfter: string;
	/** The version Key Vault returns for the versionless URL. */
	current: boolean;
}

/** Where exercise B's versions come from, and why. */
export type VersionsOutcome =
	| { kind: 'live'; versions: ExerciseVersion[] }
	/** No server answers /api (a static copy of the site). */
	| { kind: 'static' }
	/** The server refused this page's address (host allow-list) or the request: its own message. */
	| { kind: 'refused'; message: string }
	| { kind: 'failed'; message: string };

/** What the fetcher needs from the browser (a fake in the unit tests). */
export interface VersionsFetchOptions {
	fetch: (url: string, init: { signal: AbortSignal }) => Promise<Response>;
	sleep: (ms: number) => Promise<void>;
	/** Told before each wait after a "busy" answer (503 or 429 with Retry-After). */
	onBusy?: (seconds: number) => void;
	/** @default 6 */
	maxRetries?: number;
}

/** The longest wait a Retry-After may ask for before the exercise gives up waiting on its own. */
const MAX_WAIT_SECONDS = 30;

const retryAfterSeconds = (response: Response) => {
	const value = Number(response.headers.get('Retry-After'));
	return Number.isFinite(value) && value > 0 ? Math.min(value, MAX_WAIT_SECONDS) : 2;
};

async function errorMessage(response: Response): Promise<string> {
	try {
		const body = (await response.json()) as { error?: { message?: unknown } };
		if (typeof body.error?.message === 'string') return body.error.message.slice(0, 300);
	} catch {
		// Not JSON: fall through to the status.
	}
	return `HTTP ${response.status}`;
}

/** GET with retries while the server says it is busy; undefined when no server answers at all. */
async function getWithRetry(
	url: string,
	timeoutMs: number,
	options: VersionsFetchOptions
): Promise<Response | undefined> {
	for (let attempt = 0; ; attempt++) {
		let response: Response;
		try {
			response = await options.fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
		} catch {
			return undefined;
		}
		const busy = response.status === 503 || response.status === 429;
		if (!busy || attempt >= (options.maxRetries ?? 6)) return response;
		const seconds = retryAfterSeconds(response);
		options.onBusy?.(seconds);
		await options.sleep(seconds * 1000);
	}
}

/**
 * Fetches every version of webcert from the server's demo vault (the real SDK against the
 * emulator), waiting as the server asks while it is busy. Never throws.
 */
export async function fetchDemoVersions(
	lang: 'ja' | 'en',
	options: VersionsFetchOptions
): Promise<VersionsOutcome> {
	const mode = await getWithRetry('/api/vault-mode', 8000, options);
	// No server, or a static host's 404 page: this copy of the site has no /api.
	if (!mode || mode.status === 404) return { kind: 'static' };
	if (!mode.ok)
		return mode.status === 403
			? { kind: 'refused', message: await errorMessage(mode) }
			: { kind: 'failed', message: await errorMessage(mode) };
	let body: VaultModeResponse;
	try {
		body = (await mode.json()) as VaultModeResponse;
	} catch {
		return { kind: 'static' };
	}
	if (!body.demoVaultUrl) return { kind: 'static' };
	const query = new URLSearchParams({ vault: body.demoVaultUrl, name: 'webcert', lang });
	const response = await getWithRetry(`/api/thumbprints?${query}`, 30_000, options);
	if (!response) return { kind: 'failed', message: 'no answer' };
	if (!response.ok)
		return {
			kind: response.status === 403 ? 'refused' : 'failed',
			message: await errorMessage(response),
		};
	const data = (await response.json()) as ThumbprintsResponse;
	const versions = data.versions
		.map((v) => ({
			ordinal: v.ordinal,
			thumbprint: v.sha1,
			subject: v.subject,
			notBefore: v.notBefore,
			notAfter: v.expires,
			current: v.current,
		}))
		.sort((a, b) => a.ordinal - b.ordinal);
	return versions.length >= 2
		? { kind: 'live', versions }
		: { kind: 'failed', message: `${versions.length} version(s)` };
}

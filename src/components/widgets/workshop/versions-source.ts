import type { ThumbprintsResponse, VaultModeResponse } from '../../../core/thumbprint/types.ts';
import { ApiRefusedError, apiFetch, noAnswerWait } from '../api-refusal.ts';
import type { WorkshopLocale } from './locale.ts';

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
	/** `week`: Monday (`YYYY-MM-DD`) of the demo vault's week; its thumbprints change weekly. */
	| { kind: 'live'; versions: ExerciseVersion[]; week?: string }
	/** No server answers /api (a static copy of the site). */
	| { kind: 'static' }
	/**
	 * The server refused this page's address (host allow-list) or the request, or the versions
	 * could not be read: a sentence in the page's language (the server's own, or the page's).
	 */
	| { kind: 'refused'; message: string }
	| { kind: 'failed'; message: string };

/** What the fetcher needs from the browser (a fake in the unit tests). */
export interface VersionsFetchOptions {
	fetch: (url: string, init?: RequestInit) => Promise<Response>;
	sleep: (ms: number) => Promise<void>;
	/**
	 * Told before each wait, with the server's sentence to show: busy (503), this device's share
	 * (429), or the local demo vault did not answer (502/504); each says when the page asks again.
	 */
	onWait?: (text: string) => void;
	/** @default 6 */
	maxRetries?: number;
}

/** The first and last day (`YYYY-MM-DD`) of the demo vault's week, from its Monday. */
export function demoWeekDates(monday: string): { from: string; to: string } {
	const start = Date.parse(`${monday}T00:00:00Z`);
	return { from: monday, to: new Date(start + 6 * 86_400_000).toISOString().slice(0, 10) };
}

async function errorMessage(response: Response, locale: WorkshopLocale): Promise<string> {
	try {
		const body = (await response.json()) as { error?: { message?: unknown } };
		if (typeof body.error?.message === 'string') return body.error.message.slice(0, 300);
	} catch {
		// Not JSON: fall through to the status.
	}
	return locale.t('b.error.status', { status: response.status });
}

/** Exercise B tries a request that got no answer three more times (2, 5, 10 s), then says so. */
const B_NO_ANSWER_RETRIES = 3;

/**
 * GET through {@link apiFetch} (which waits as a busy server asks), body included: undefined when
 * no server answers at all or its answer breaks off (the time limit covers reading the body too; a
 * starved browser can take that long), the server's refusal when it refused for good or after
 * every retry. The answer comes back with its body read, so reading it again cannot fail.
 */
async function getOnce(
	url: string,
	timeoutMs: number,
	options: VersionsFetchOptions
): Promise<Response | ApiRefusedError | undefined> {
	try {
		const response = await apiFetch(
			url,
			{},
			{
				timeoutMs,
				attempts: (options.maxRetries ?? 6) + 1,
				fetchImpl: (input, init) => options.fetch(String(input), init),
				sleep: options.sleep,
				onWait: (text) => options.onWait?.(text),
			}
		);
		const body = await response.text();
		return new Response(body, { status: response.status, headers: response.headers });
	} catch (error) {
		return error instanceof ApiRefusedError ? error : undefined;
	}
}

/**
 * {@link getOnce}, tried again after {@link noAnswerWait} when nothing answered: a slow or
 * starved room (30 laptops on one Wi-Fi) is not a static copy of the site. Undefined when no try
 * got an answer.
 */
async function get(
	url: string,
	timeoutMs: number,
	options: VersionsFetchOptions,
	locale: WorkshopLocale
): Promise<Response | ApiRefusedError | undefined> {
	for (let attempt = 0; ; attempt++) {
		const answer = await getOnce(url, timeoutMs, options);
		if (answer !== undefined || attempt === B_NO_ANSWER_RETRIES) return answer;
		const wait = noAnswerWait(attempt);
		options.onWait?.(locale.t('b.noAnswerRetry', { seconds: wait / 1000 }));
		await options.sleep(wait);
	}
}

const refusalOutcome = (error: ApiRefusedError): VersionsOutcome => ({
	kind: error.refusal.status === 403 ? 'refused' : 'failed',
	message: error.message,
});

/**
 * Fetches every version of webcert from the server's demo vault (the real SDK against the
 * emulator), waiting as the server asks while it is busy; the server words its refusals in the
 * page's language (`locale.lang`), the page words the failures the server did not. Never throws.
 */
export async function fetchDemoVersions(
	locale: WorkshopLocale,
	options: VersionsFetchOptions
): Promise<VersionsOutcome> {
	const { lang } = locale;
	// A static host answers at once; a room's laptop serving 30 pages may take a while.
	const mode = await get(`/api/vault-mode?lang=${lang}`, 20_000, options, locale);
	if (mode instanceof ApiRefusedError) return refusalOutcome(mode);
	// Nothing answered, even after retries: the server is unreachable, not missing.
	if (!mode) return { kind: 'failed', message: locale.t('b.error.noAnswer') };
	// Only a static host's 404 (or 405) page means this copy of the site has no /api; anything
	// else that went wrong is a server that did not answer well, said as such with Fetch again.
	if (mode.status === 404 || mode.status === 405) return { kind: 'static' };
	if (!mode.ok) return { kind: 'failed', message: await errorMessage(mode, locale) };
	let body: VaultModeResponse;
	try {
		body = (await mode.json()) as VaultModeResponse;
	} catch {
		return { kind: 'static' };
	}
	if (!body.demoVaultUrl) return { kind: 'static' };
	const query = new URLSearchParams({ vault: body.demoVaultUrl, name: 'webcert', lang });
	const response = await get(`/api/thumbprints?${query}`, 30_000, options, locale);
	if (response instanceof ApiRefusedError) return refusalOutcome(response);
	if (!response) return { kind: 'failed', message: locale.t('b.error.noAnswer') };
	if (!response.ok) return { kind: 'failed', message: await errorMessage(response, locale) };
	let data: ThumbprintsResponse;
	try {
		data = (await response.json()) as ThumbprintsResponse;
	} catch {
		return { kind: 'failed', message: locale.t('b.error.noAnswer') };
	}
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
		? { kind: 'live', versions, ...(body.demoWeek ? { week: body.demoWeek } : {}) }
		: { kind: 'failed', message: locale.t('b.error.tooFew', { count: versions.length }) };
}

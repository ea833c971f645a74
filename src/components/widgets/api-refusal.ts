/**
 * Reading the kvcert server's refusals in the browser, for every widget that calls the API
 * (exercise B, the thumbprint tool, the simulator's live switch, the live snippets): the server
 * says why in the page's language (src/server/api-refusal.ts), and for a refusal worth waiting for
 * (503 busy, 429 this device's share, 502/504 when the local demo vault did not answer) when to
 * try again. Widgets show that sentence, never a guess such as "static site", and
 * {@link apiFetch} waits and tries again by itself.
 */
import { format } from '../../core/i18n/format.ts';

/** Why the server refused a request. */
export interface ApiRefusal {
	/** 403 (host not allowed), 429 (this device's share), 503 (server busy)… */
	status: number;
	/** The server's stable code: `hostNotAllowed`, `busy`, `tooManyForClient`… */
	code: string;
	/** The reason, in the page's language. */
	message: string;
	/** Seconds to wait before trying again, when trying again helps. */
	retryAfter?: number;
	/** "Trying again in {{seconds}} s." in the page's language, when trying again helps. */
	retry?: string;
}

/** A request the server refused for good (or after every retry): `message` is the reason. */
export class ApiRefusedError extends Error {
	constructor(readonly refusal: ApiRefusal) {
		super(refusal.message);
		this.name = 'ApiRefusedError';
	}
}

/** Refusals that are about this server and its limits, not about the request's content. */
const SERVER_REFUSALS = new Set([403, 429, 503]);
/** A vault that did not answer: worth waiting for only when the server says when (its demo vault). */
const GATEWAY_FAILURES = new Set([502, 504]);

/** Seconds from a `Retry-After` header (seconds or an HTTP date). */
function retryAfterOf(value: string | null, now = Date.now()): number | undefined {
	if (!value) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
	const date = Date.parse(value);
	return Number.isFinite(date) ? Math.max(0, Math.round((date - now) / 1000)) : undefined;
}

/**
 * The refusal in a response, or undefined when it is not one: a success, a request error the
 * widget explains itself (400, 404…), or an answer that is not the kvcert server's (a static
 * host's 404 page, a proxy's HTML).
 */
export async function readRefusal(response: Response): Promise<ApiRefusal | undefined> {
	const gateway = GATEWAY_FAILURES.has(response.status);
	if (response.ok || !(SERVER_REFUSALS.has(response.status) || gateway)) return undefined;
	if (!(response.headers.get('content-type') ?? '').includes('application/json')) return undefined;
	let body: { error?: Partial<ApiRefusal> };
	try {
		body = (await response.clone().json()) as typeof body;
	} catch {
		return undefined;
	}
	const error = body.error;
	if (!error || typeof error.message !== 'string' || typeof error.code !== 'string')
		return undefined;
	// Only a refusal that says when to try again is worth waiting for; a 403 from Key Vault is not.
	if (response.status === 403 && error.code !== 'hostNotAllowed') return undefined;
	const retryAfter =
		typeof error.retryAfter === 'number'
			? error.retryAfter
			: retryAfterOf(response.headers.get('retry-after'));
	// An Azure vault's 502/504 (DNS, firewall) is the widget's to explain; no retry would help.
	if (gateway && retryAfter === undefined) return undefined;
	return {
		status: response.status,
		code: error.code,
		message: error.message,
		...(retryAfter === undefined || response.status === 403 ? {} : { retryAfter }),
		...(typeof error.retry === 'string' ? { retry: error.retry } : {}),
	};
}

/** The sentence a widget shows: the reason, and when it will try again (if it will). */
export function refusalText(refusal: ApiRefusal, waiting = refusal.retryAfter): string {
	if (waiting === undefined || !refusal.retry) return refusal.message;
	// Japanese sentences follow a 。 with no space.
	const space = refusal.message.endsWith('。') ? '' : ' ';
	return `${refusal.message}${space}${format(refusal.retry, { seconds: waiting })}`;
}

/** The text to show for an error: the server's reason when it refused, else `fallback`. */
export function refusalMessage(error: unknown, fallback: string): string {
	return error instanceof ApiRefusedError ? error.message : fallback;
}

/** What {@link apiFetch} does while it waits. */
export interface ApiFetchOptions {
	/** Told each time a refusal makes it wait, with the sentence to show. */
	onWait?: (text: string, refusal: ApiRefusal) => void;
	/** Tries in all. @default 6 */
	attempts?: number;
	/** Limit for each try (a wait between tries does not count). */
	timeoutMs?: number;
	/** The fetch to use (tests). @default globalThis.fetch */
	fetchImpl?: typeof fetch;
	/** Waits (tests). @default setTimeout */
	sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `fetch` for the kvcert API: a refusal that says when to try again (503 busy, 429 this
 * device's share, 502/504 the demo vault did not answer) is tried again after that long, and `onWait` says so; a refusal for good (403:
 * this address is not allowed) or the last refused try throws {@link ApiRefusedError} with the
 * server's reason. Any other answer is returned as it is.
 */
export async function apiFetch(
	input: string,
	init: RequestInit = {},
	options: ApiFetchOptions = {}
): Promise<Response> {
	const doFetch = options.fetchImpl ?? fetch;
	const attempts = options.attempts ?? 6;
	for (let attempt = 1; ; attempt++) {
		const signal = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : init.signal;
		const response = await doFetch(input, signal ? { ...init, signal } : init);
		const refusal = await readRefusal(response);
		if (!refusal) return response;
		if (refusal.retryAfter === undefined || attempt >= attempts) throw new ApiRefusedError(refusal);
		options.onWait?.(refusalText(refusal), refusal);
		await (options.sleep ?? wait)(Math.max(1, refusal.retryAfter) * 1000);
	}
}

/** The data of a live stream's `refused` event (src/core/simulate/live-protocol.ts). */
export function liveRefusal(event: Event): ApiRefusal & { retrying: boolean } {
	try {
		const data = JSON.parse((event as MessageEvent<string>).data) as ApiRefusal & {
			retrying?: boolean;
		};
		return { ...data, retrying: data.retrying === true };
	} catch {
		return { status: 0, code: 'unreadable', message: '', retrying: false };
	}
}

/**
 * Waits before asking again when a request got no answer at all (timeout, network): in a starved
 * room (30 laptops on one Wi-Fi) that is a slow server, not a missing one. Callers that keep trying
 * repeat the last wait; exercise B gives up after the first three.
 */
export const NO_ANSWER_RETRY_MS: readonly number[] = [2_000, 5_000, 10_000, 20_000, 30_000];

/** The wait before try `retry` (from 0) after no answer: the schedule's, then its last. */
export function noAnswerWait(retry: number): number {
	return NO_ANSWER_RETRY_MS[Math.min(retry, NO_ANSWER_RETRY_MS.length - 1)]!;
}

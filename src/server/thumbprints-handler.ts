import type { ThumbprintsErrorResponse, ThumbprintsResponse } from '../core/thumbprint/types.ts';
import {
	readVersions,
	resolveVersionsLookup,
	type DemoVault,
	type VersionsLookup,
	type VersionsLookupDependencies,
} from '../vault/look-up-certificate-versions.ts';
import { langOf } from '../core/i18n/lang.ts';
import { uiTranslator } from '../core/i18n/ui-strings.ts';
import { refusalBody } from './api-refusal.ts';
import { clientOf, ConcurrencyLimit, perProcess, RateLimit } from './client-limits.ts';
import { jsonResponse } from './json-response.ts';
import { SharedLookups } from './shared-lookups.ts';

export type { DemoVault };

/** What {@link handleThumbprintsRequest} depends on (injected so tests can watch every call). */
export interface ThumbprintsDependencies extends VersionsLookupDependencies {
	/** One line per request: status, vault host, name, timing. Never a token or a secret. */
	log?: (line: string) => void;
	/** Reads of the vault running at once before new ones get 503. @default 8 */
	maxConcurrent?: number;
	/** Reads one client may run at once before its next gets 429. @default 4 */
	maxPerClient?: number;
	/** Reads (not shared answers) one client may start per minute. @default 30 */
	readsPerMinute?: number;
	/** Identical look-ups share one read and a short-lived answer. @default one per process */
	sharing?: SharedLookups;
	/**
	 * The identity of the visitor's own view of the demo vault (the one its snippet runs wrote to),
	 * if it has one: a demo look-up reads that view. @default none (the shared demo vault)
	 */
	visitorView?: (request: Request) => Promise<{ clientId: string } | undefined>;
}

/** Seconds a client is asked to wait when every read slot is taken. */
export const BUSY_RETRY_AFTER_SECONDS = 5;
/** Seconds a page waits before asking again when the local demo vault did not answer. */
export const DEMO_RETRY_AFTER_SECONDS = 2;

/** Failures of a read that a second try may not have: the vault did not answer or broke off. */
const TRANSIENT = new Set(['unreachable', 'timeout', 'failed', 'throttled']);
const isTransient = (result: VersionsLookup) =>
	!result.ok && 'host' in result && TRANSIENT.has(result.code);
const processSharing = new SharedLookups();

/** The read slots and rate for these settings (one set per process, as for the defaults). */
function limitsFor(deps: ThumbprintsDependencies) {
	const total = deps.maxConcurrent ?? 8;
	const perClient = deps.maxPerClient ?? 4;
	const perMinute = deps.readsPerMinute ?? 30;
	return perProcess(`thumbprints ${total}/${perClient}/${perMinute}`, () => ({
		slots: new ConcurrencyLimit(total, perClient),
		rate: new RateLimit(perMinute, 60_000),
	}));
}

const json = (
	status: number,
	body: ThumbprintsResponse | ThumbprintsErrorResponse,
	headers: Record<string, string> = {}
) => jsonResponse(body, status, headers);

/**
 * `GET /api/thumbprints?vault=<url>&name=<certificate>&lang=ja|en`: every version of a Key Vault
 * certificate, newest first, with SHA-1, SHA-256, x5t, dates, subject, SANs and which is current.
 * The vault URL is checked against the allow-list before anything touches the network. Identical
 * look-ups share one read (a room fetching the same certificate at once is one read); distinct
 * reads are limited in total (503 busy) and per client (429), both with Retry-After. A read is
 * cancelled when every client waiting for it has gone away.
 */
export async function handleThumbprintsRequest(
	request: Request,
	deps: ThumbprintsDependencies
): Promise<Response> {
	const url = new URL(request.url);
	const lang = langOf(url.searchParams.get('lang') ?? request.headers.get('accept-language'));
	const t = uiTranslator(lang);
	const log = deps.log ?? (() => {});
	const fail = (status: number, code: string, headers: Record<string, string> = {}) => {
		log(`thumbprints status=${status} error=${code}`);
		return json(status, { error: { code, message: t(`kvcert.thumbprint.api.${code}`) } }, headers);
	};
	const refuse = (status: number, code: string, retryAfter: number) => {
		log(`thumbprints status=${status} error=${code}`);
		return json(status, refusalBody(lang, code, t(`kvcert.thumbprint.api.${code}`), retryAfter), {
			'Retry-After': String(retryAfter),
		});
	};
	if (request.method !== 'GET' && request.method !== 'HEAD')
		return fail(405, 'methodNotAllowed', { Allow: 'GET, HEAD' });

	const resolved = await resolveVersionsLookup(
		url.searchParams.get('vault'),
		url.searchParams.get('name'),
		deps
	);
	if (!resolved.ok) return fail(resolved.status, resolved.code);
	const { name, host } = resolved;
	const own = resolved.target.kind === 'demo' ? await deps.visitorView?.(request) : undefined;
	if (own && resolved.target.kind === 'demo')
		resolved.target = { ...resolved.target, clientId: own.clientId };
	// Look-ups of the same certificate in the same view share one read.
	const key = `${resolved.vaultUrl}|${name.toLowerCase()}|${own?.clientId ?? ''}`;
	const sharing = deps.sharing ?? processSharing;
	const started = Date.now();
	const client = clientOf(request);
	let result: VersionsLookup;
	let shared = sharing.join(key, request.signal);
	if (shared) result = await shared;
	else {
		// This server's own limits: the answer says so, and never blames Key Vault.
		const limits = limitsFor(deps);
		const slot = limits.slots.acquire(client);
		if (slot === 'total') return refuse(503, 'busy', BUSY_RETRY_AFTER_SECONDS);
		if (slot === 'client') return refuse(429, 'tooManyForClient', BUSY_RETRY_AFTER_SECONDS);
		const wait = limits.rate.take(client);
		if (wait) {
			slot();
			return refuse(429, 'tooManyForClient', wait);
		}
		// A read that failed on the way (the demo vault broke a connection off, a proxy hiccuped) is
		// tried once more before anyone gets an answer: a shared read's failure reaches everyone
		// waiting on it. (Reads of Azure vaults also retry inside the SDK.)
		const read = async (signal: AbortSignal) => {
			const first = await readVersions(resolved, deps, signal);
			if (!isTransient(first) || signal.aborted) return first;
			log(`thumbprints retry after error=${first.ok ? '' : first.code} vault=${host} name=${name}`);
			return readVersions(resolved, deps, signal);
		};
		shared = sharing.start(key, read, request.signal);
		try {
			result = await shared;
		} finally {
			slot();
		}
	}
	const ms = Date.now() - started;
	if (result.ok) {
		log(
			`thumbprints status=200 vault=${host} name=${name} versions=${result.response.versions.length} ms=${ms}`
		);
		return json(200, result.response);
	}
	if (!('host' in result)) return fail(result.status, result.code);
	log(
		`thumbprints status=${result.status} error=${result.code} vault=${host} name=${name} ms=${ms}`
	);
	// The local demo vault runs inside this server: DNS, firewall or private-endpoint advice would
	// mislead. Say that it did not answer, and when the page may ask again.
	if (resolved.target.kind === 'demo' && isTransient(result))
		return json(
			result.status,
			refusalBody(
				lang,
				result.code,
				t('kvcert.thumbprint.api.demoUnavailable'),
				DEMO_RETRY_AFTER_SECONDS
			),
			{ 'Retry-After': String(DEMO_RETRY_AFTER_SECONDS) }
		);
	return json(result.status, {
		error: { code: result.code, message: t(`kvcert.thumbprint.api.${result.code}`, result.values) },
	});
}

import { extensionProfile, simulatedVersions, type SimOs } from '../../core/simulate/index.ts';
import type { LiveEventName, LiveRefusedEvent } from '../../core/simulate/live-protocol.ts';
import type { RunningEmulator } from '../../emulator/emulator.ts';
import { WriteRefusedError } from '../../emulator/write-budget.ts';
import type { VaultMode } from '../../vault/vault-mode.ts';
import { langOf, type Lang } from '../../core/i18n/lang.ts';
import { uiTranslator } from '../../core/i18n/ui-strings.ts';
import { refusalBody } from '../api-refusal.ts';
import { clientOf, RateLimit } from '../client-limits.ts';
import { LIVE_CERTIFICATE } from './live-timeline.ts';
import { liveMessage, type LiveMessageCode } from './live-messages.ts';
import { LIVE_MAX_RENEWALS, LiveSession, type ControlRefusal } from './live-session.ts';
import { LIVE_RATE_WINDOW_MS, type LiveSessions } from './live-sessions.ts';
import { readLimitedBody } from '../read-limited-body.ts';
import { isJsonContentType } from '../json-content-type.ts';

/** What the live simulator endpoints need (the real wiring: live-simulator-dependencies.ts). */
export interface LiveDependencies {
	mode: VaultMode;
	/** The vault every stream reads (production: the demo vault); changes go to views of it. */
	vault: () => Promise<RunningEmulator>;
	sessions: LiveSessions;
	/** Longest session. @default LIVE_MAX_DURATION_MS */
	maxDurationMs?: number;
	/** Tries an EventSource makes for a stream while the server is full. @default 12 */
	waitAttempts?: number;
}

/** A session ends after this long (20 minutes: a workshop block). */
export const LIVE_MAX_DURATION_MS = 20 * 60_000;
/** The accelerated polling interval is clamped to this range (seconds). */
export const LIVE_INTERVAL_RANGE = { min: 1, max: 30, default: 5 } as const;
/** Largest control body accepted. */
export const LIVE_MAX_BODY_BYTES = 1024;
/** Seconds a refused stream waits before its next try: server full / this client's share full. */
export const LIVE_RETRY_SECONDS = { busy: 5, tooManyForClient: 10 } as const;
/** Changes (controls) one client may send per minute: a room of 30 behind one address, ~8 each. */
export const LIVE_CONTROLS_PER_MINUTE = 240;

const langFor = (request: Request, url: URL): Lang =>
	langOf(url.searchParams.get('lang') ?? request.headers.get('accept-language'));

function refuse(
	status: number,
	lang: Lang,
	code: LiveMessageCode,
	values: Record<string, string | number> = {},
	headers: Record<string, string> = {},
	retryAfter?: number
): Response {
	return new Response(
		JSON.stringify(refusalBody(lang, code, liveMessage(lang, code, values), retryAfter)),
		{
			status,
			headers: {
				'Content-Type': 'application/json; charset=utf-8',
				'Cache-Control': 'no-store',
				...(retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) }),
				...headers,
			},
		}
	);
}

/** The accelerated interval from the query: a number clamped to 1–30 s, else the default. */
export function clampInterval(value: string | null): number {
	const n = Number(value);
	if (value === null || value.trim() === '' || !Number.isFinite(n))
		return LIVE_INTERVAL_RANGE.default;
	return Math.min(LIVE_INTERVAL_RANGE.max, Math.max(LIVE_INTERVAL_RANGE.min, Math.round(n)));
}

/**
 * `GET /api/simulator/live?os=…&version=…&interval=…`: starts a session and streams its polls as
 * Server-Sent Events (`session`, then `poll` per poll, `end`). Closing the stream stops it. Every
 * stream with the same interval follows one shared poller. When the server (503) or this client's
 * share (429) is full, a plain request is refused with Retry-After; an EventSource instead gets a
 * `refused` event that says so and the server tries again on the same stream after that many
 * seconds, up to `waitAttempts` times.
 */
export function handleLiveRequest(request: Request, deps: LiveDependencies): Response {
	const url = new URL(request.url);
	const lang = langFor(request, url);
	if (request.method !== 'GET') return refuse(405, lang, 'methodNotAllowed', {}, { Allow: 'GET' });
	if (deps.mode === 'azure') return refuse(503, lang, 'azureMode');
	const os = url.searchParams.get('os') ?? 'windows';
	if (os !== 'windows' && os !== 'linux') return refuse(400, lang, 'badOs');
	const versions = simulatedVersions[os as SimOs];
	const version = url.searchParams.get('version') ?? versions.at(-1)!;
	if (!versions.includes(version))
		return refuse(400, lang, 'badVersion', { versions: versions.join(', ') });
	const interval = clampInterval(url.searchParams.get('interval'));
	const client = clientOf(request);
	const { sessions } = deps;
	const limits = sessions.limits;
	const refusalOf = (slot: 'total' | 'client') =>
		slot === 'total'
			? { status: 503, code: 'busy' as const, max: limits.maxStreams }
			: { status: 429, code: 'tooManyForClient' as const, max: limits.maxStreamsPerClient };
	const wantsEvents = /text\/event-stream/i.test(request.headers.get('accept') ?? '');
	const wait = sessions.opens.take(client);
	if (wait) {
		const values = {
			max: sessions.opens.limit,
			minutes: LIVE_RATE_WINDOW_MS / 60_000,
			seconds: wait,
		};
		if (!wantsEvents) return refuse(429, lang, 'openRate', values, {}, wait);
		// An EventSource reads the reason from an `end` event (a plain 429 would only be an error).
		const end = `event: end\ndata: ${JSON.stringify({ reason: 'refused', message: liveMessage(lang, 'openRate', values) })}\n\n`;
		return new Response(end, {
			headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' },
		});
	}
	let slot = sessions.streams.acquire(client);
	if (typeof slot !== 'function' && !wantsEvents) {
		const { status, code, max } = refusalOf(slot);
		return refuse(status, lang, code, { max }, {}, LIVE_RETRY_SECONDS[code]);
	}
	const encoder = new TextEncoder();
	let closed = false;
	let session: LiveSession | undefined;
	let waiting: ReturnType<typeof setTimeout> | undefined;
	let release = () => {};
	const stop = () => {
		clearTimeout(waiting);
		session?.stop();
		release();
	};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (event: LiveEventName, data: unknown) => {
				if (closed) return;
				try {
					controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
				} catch {
					closed = true;
				}
			};
			const close = () => {
				stop();
				if (session) sessions.delete(session.id);
				if (closed) return;
				closed = true;
				try {
					controller.close();
				} catch {
					// already closed by the reader
				}
			};
			const begin = async (held: () => void) => {
				release = held;
				let emulator: RunningEmulator;
				try {
					emulator = await deps.vault();
				} catch (error) {
					send('end', {
						reason: 'error',
						message: liveMessage(lang, 'pollFailed', {
							detail: String((error as Error).message).slice(0, 200),
						}),
					});
					return close();
				}
				if (closed) return close();
				session = new LiveSession({
					os: os as SimOs,
					version,
					interval,
					lang,
					client,
					maxDurationMs: deps.maxDurationMs ?? LIVE_MAX_DURATION_MS,
				});
				sessions.add(session);
				const installsNewest = extensionProfile(os as SimOs, version)?.installsNewest ?? 1;
				session.start(sessions.sharedPoller(interval, emulator, installsNewest), send, close);
			};
			let attempts = 0;
			const admit = () => {
				if (closed) return;
				if (typeof slot === 'function') return void begin(slot);
				const { status, code, max } = refusalOf(slot);
				attempts++;
				if (attempts > (deps.waitAttempts ?? 12)) {
					send('end', { reason: 'refused', message: liveMessage(lang, 'gaveUp') });
					return close();
				}
				const retryAfter = LIVE_RETRY_SECONDS[code];
				const refused: LiveRefusedEvent = {
					status,
					code,
					message: liveMessage(lang, code, { max }),
					retrying: true,
					retryAfter,
					retry: uiTranslator(lang)('kvcert.api.retrying'),
				};
				send('refused', refused);
				waiting = setTimeout(() => {
					slot = sessions.streams.acquire(client);
					admit();
				}, retryAfter * 1000);
			};
			// The client may already be gone (an abort before this ran): then nothing starts.
			if (request.signal?.aborted) {
				if (typeof slot === 'function') slot();
				return close();
			}
			request.signal?.addEventListener('abort', close, { once: true });
			admit();
		},
		cancel() {
			closed = true;
			stop();
			if (session) sessions.delete(session.id);
		},
	});
	return new Response(stream, {
		headers: {
			'Content-Type': 'text/event-stream; charset=utf-8',
			// no-transform: the compression middleware would otherwise hold the events back.
			'Cache-Control': 'no-store, no-transform',
			'X-Accel-Buffering': 'no',
		},
	});
}

const controlRate = new RateLimit(LIVE_CONTROLS_PER_MINUTE, 60_000);

/**
 * `POST /api/simulator/control` with `{"session": id, "action": "renew" | "disable" | "revoke" |
 * "grant", "version"?: id}`: changes the session's own view of the demo vault (renew = a new
 * version), made on its first change; other sessions never see it.
 */
export async function handleControlRequest(
	request: Request,
	deps: LiveDependencies
): Promise<Response> {
	const url = new URL(request.url);
	const lang = langFor(request, url);
	if (request.method !== 'POST')
		return refuse(405, lang, 'methodNotAllowed', {}, { Allow: 'POST' });
	if (deps.mode === 'azure') return refuse(503, lang, 'azureMode');
	if (!isJsonContentType(request.headers.get('content-type'))) return refuse(415, lang, 'notJson');
	const text = await readLimitedBody(request, LIVE_MAX_BODY_BYTES);
	if (text === undefined) return refuse(413, lang, 'bodyTooLarge', { max: LIVE_MAX_BODY_BYTES });
	let body: { session?: unknown; action?: unknown; version?: unknown };
	try {
		body = JSON.parse(text) as typeof body;
		if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object');
	} catch {
		return refuse(400, lang, 'badBody');
	}
	const session = typeof body.session === 'string' ? deps.sessions.get(body.session) : undefined;
	if (!session) return refuse(404, lang, 'unknownSession');
	const wait = controlRate.take(clientOf(request));
	if (wait)
		return refuse(
			429,
			lang,
			'controlRate',
			{ max: LIVE_CONTROLS_PER_MINUTE, seconds: wait },
			{},
			wait
		);
	const action = body.action;
	if (action !== 'renew' && action !== 'disable' && action !== 'revoke' && action !== 'grant')
		return refuse(400, lang, 'unknownAction');
	const refused = (why: ControlRefusal) => {
		const { limits } = deps.sessions;
		if (why === 'viewsFull') return refuse(503, lang, why, {}, {}, 30);
		if (why === 'viewsFullForClient')
			return refuse(429, lang, why, { max: limits.maxViewsPerClient }, {}, 30);
		if (why === 'renewLimit') return refuse(429, lang, why, { max: LIVE_MAX_RENEWALS });
		return refuse(429, lang, why, {}, {}, 10);
	};
	// The first change gives the session a vault of its own: nobody else sees what it does.
	const why = session.ownView(await deps.vault(), deps.sessions.views);
	if (why) return refused(why);
	if (action === 'renew') {
		// The session's own cap first: a renewal it refuses does not count against the client.
		if (!session.canRenew) return refused('renewLimit');
		const wait = deps.sessions.renewals.take(clientOf(request));
		if (wait) {
			const { limit } = deps.sessions.renewals;
			const minutes = LIVE_RATE_WINDOW_MS / 60_000;
			return refuse(429, lang, 'renewRate', { max: limit, minutes, seconds: wait }, {}, wait);
		}
		if (!session.takeRenewal()) return refused('renewLimit');
	}
	const view = session.view!;
	const ok = (data: Record<string, unknown>) =>
		new Response(JSON.stringify({ ok: true, action, ...data }), {
			headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
		});
	switch (action) {
		case 'renew':
			try {
				return ok({ version: view.rotate(LIVE_CERTIFICATE).version });
			} catch (error) {
				if (error instanceof WriteRefusedError) return refused('writeRefused');
				throw error;
			}
		case 'disable': {
			const versions = view.store.get(LIVE_CERTIFICATE)?.versions ?? [];
			const target =
				typeof body.version === 'string'
					? versions.find((v) => v.version === String(body.version).toLowerCase())
					: view.store.latest(LIVE_CERTIFICATE);
			if (!target) return refuse(404, lang, 'badTarget');
			target.enabled = false;
			return ok({ version: target.version });
		}
		default:
			view.identity.canReadVault = action === 'grant';
			return ok({});
	}
}

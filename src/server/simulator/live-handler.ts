import { simulatedVersions, type SimOs } from '../../core/simulate/index.ts';
import type { VaultMode } from '../../vault/vault-mode.ts';
import { langOf, type Lang } from '../../core/i18n/lang.ts';
import { LIVE_CERTIFICATE } from './live-timeline.ts';
import { liveMessage, type LiveMessageCode } from './live-messages.ts';
import { LiveSession, LiveSessions, type LeasedVault } from './live-session.ts';
import { readLimitedBody } from '../read-limited-body.ts';

/** What the live simulator endpoints need (the real wiring: live-simulator-dependencies.ts). */
export interface LiveDependencies {
	mode: VaultMode;
	/** The vault a new session reads (production: an emulator of its own, closed at the end). */
	openVault: () => Promise<LeasedVault>;
	sessions: LiveSessions;
	/** Longest session. @default LIVE_MAX_DURATION_MS */
	maxDurationMs?: number;
}

/** Sessions running at once, at most. */
export const LIVE_MAX_SESSIONS = 3;
/** A session ends after this long (3 minutes). */
export const LIVE_MAX_DURATION_MS = 180_000;
/** The accelerated polling interval is clamped to this range (seconds). */
export const LIVE_INTERVAL_RANGE = { min: 1, max: 30, default: 5 } as const;
/** Largest control body accepted. */
export const LIVE_MAX_BODY_BYTES = 1024;

const langFor = (request: Request, url: URL): Lang =>
	langOf(url.searchParams.get('lang') ?? request.headers.get('accept-language'));

function refuse(
	status: number,
	lang: Lang,
	code: LiveMessageCode,
	values: Record<string, string | number> = {},
	headers: Record<string, string> = {}
): Response {
	return new Response(
		JSON.stringify({ error: { code, message: liveMessage(lang, code, values) } }),
		{
			status,
			headers: {
				'Content-Type': 'application/json; charset=utf-8',
				'Cache-Control': 'no-store',
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
 * Server-Sent Events (`session`, then `poll` per poll, `end`). Closing the stream stops it.
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
	const session = new LiveSession({
		os: os as SimOs,
		version,
		interval: clampInterval(url.searchParams.get('interval')),
		lang,
		maxDurationMs: deps.maxDurationMs ?? LIVE_MAX_DURATION_MS,
	});
	if (!deps.sessions.add(session))
		return refuse(503, lang, 'tooManySessions', {}, { 'Retry-After': '30' });
	const encoder = new TextEncoder();
	let closed = false;
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (event: string, data: unknown) => {
				if (closed) return;
				try {
					controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
				} catch {
					closed = true;
				}
			};
			const end = () => {
				deps.sessions.delete(session.id);
				if (!closed) {
					closed = true;
					try {
						controller.close();
					} catch {
						// already closed by the reader
					}
				}
			};
			request.signal?.addEventListener('abort', () => void session.stop(), { once: true });
			void session.run(deps.openVault, send, end);
		},
		cancel() {
			closed = true;
			void session.stop();
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

/**
 * `POST /api/simulator/control` with `{"session": id, "action": "renew" | "disable" | "revoke" |
 * "grant", "version"?: id}`: changes the session's demo vault (renew = a new version).
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
	if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? ''))
		return refuse(415, lang, 'notJson');
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
	const emulator = session?.emulator;
	if (!session || !emulator) return refuse(404, lang, 'unknownSession');
	const ok = (data: Record<string, unknown>) =>
		new Response(JSON.stringify({ ok: true, ...data }), {
			headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
		});
	switch (body.action) {
		case 'renew':
			return ok({ action: 'renew', version: emulator.rotate(LIVE_CERTIFICATE).version });
		case 'disable': {
			const versions = emulator.store.get(LIVE_CERTIFICATE)?.versions ?? [];
			const target =
				typeof body.version === 'string'
					? versions.find((v) => v.version === String(body.version).toLowerCase())
					: emulator.store.latest(LIVE_CERTIFICATE);
			if (!target) return refuse(404, lang, 'badTarget');
			target.enabled = false;
			return ok({ action: 'disable', version: target.version });
		}
		case 'revoke':
		case 'grant':
			for (const identity of emulator.identities)
				if (identity.kind === 'system') identity.canReadVault = body.action === 'grant';
			return ok({ action: body.action });
		default:
			return refuse(400, lang, 'unknownAction');
	}
}

import type { Lang } from '../../../core/i18n/lang.ts';
import type {
	LiveControlAction,
	LiveControlRequest,
	LiveEndEvent,
	LivePollEvent,
	LiveSessionEvent,
	LiveRefusedEvent,
} from '../../../core/simulate/live-protocol.ts';
import { apiFetch, refusalMessage, refusalText } from '../api-refusal.ts';

// The browser side of live mode: whether the server offers it, the event stream of one session
// and the control requests. Wire types come from core/simulate/live-protocol.ts.

/**
 * Whether this page's server offers live mode (a kvcert server reading the demo vault), and when
 * the server refused this page, its reason in the page's language (shown instead of the switch).
 */
export type LiveAvailability = {
	available: boolean;
	refusal?: string;
	/** Nothing answered (timeout, network): ask again later, this is not a static copy. */
	unanswered?: boolean;
};

/** Asks the server (`GET /api/vault-mode`); a static build has no /api and keeps the timeline. */
export async function liveModeAvailable(
	lang: Lang,
	fetchImpl: typeof fetch = fetch
): Promise<LiveAvailability> {
	try {
		const response = await apiFetch(
			`/api/vault-mode?lang=${lang}`,
			{},
			{ timeoutMs: 8000, fetchImpl }
		);
		const type = response.headers.get('content-type') ?? '';
		if (!response.ok || !type.includes('application/json')) return { available: false };
		const body = (await response.json()) as { mode?: string };
		return { available: typeof body.mode === 'string' && body.mode !== 'azure' };
	} catch (error) {
		const refusal = refusalMessage(error, '');
		return refusal ? { available: false, refusal } : { available: false, unanswered: true };
	}
}

/** What a live session asks for. */
export interface LiveOptions {
	os: string;
	version: string;
	/** Seconds between polls (the server clamps it to 1–30). */
	interval: string;
	lang: Lang;
}

/** Seconds between live polls that the server accepts (it clamps anything else). */
export const LIVE_INTERVAL_RANGE = { min: 1, max: 30 } as const;

/**
 * The polling interval typed into the field, in seconds, or undefined when it is not a whole number
 * from 1 to 30 (the page then says so instead of letting the server quietly clamp it).
 */
export function liveInterval(value: string): number | undefined {
	if (!/^\s*\d+\s*$/.test(value)) return undefined;
	const seconds = Number(value);
	return seconds >= LIVE_INTERVAL_RANGE.min && seconds <= LIVE_INTERVAL_RANGE.max
		? seconds
		: undefined;
}

/** The URL of a live session's event stream. */
export function liveStreamUrl(options: LiveOptions): string {
	const query = new URLSearchParams({
		os: options.os,
		version: options.version,
		interval: options.interval,
		lang: options.lang,
	});
	return `/api/simulator/live?${query}`;
}

/** What the page does with each event of the stream. */
export interface LiveHandlers {
	session(event: LiveSessionEvent): void;
	poll(event: LivePollEvent): void;
	end(event: LiveEndEvent): void;
	/** The connection failed. */
	lost(): void;
	/**
	 * The server refused the stream, with its reason (and when it tries again): `retrying` means
	 * the stream stays open and the server tries again by itself.
	 */
	refused(text: string, retrying: boolean): void;
}

/** The part of EventSource the client uses (a test passes its own). */
export interface EventStream {
	addEventListener(type: string, listener: (event: Event) => void): void;
	close(): void;
}

/** An open live session; `close()` stops it (idempotent). */
export interface LiveStream {
	close(): void;
}

/** Opens a session's event stream and hands each event, parsed, to `handlers`. */
export function openLiveStream(
	options: LiveOptions,
	handlers: LiveHandlers,
	open: (url: string) => EventStream = (url) => new EventSource(url)
): LiveStream {
	const source = open(liveStreamUrl(options));
	let closed = false;
	const on = <T>(type: string, handle: (data: T) => void) =>
		source.addEventListener(type, (event) => {
			if (closed) return;
			let data: T;
			try {
				data = JSON.parse((event as MessageEvent<string>).data) as T;
			} catch {
				return;
			}
			handle(data);
		});
	on<LiveSessionEvent>('session', (data) => handlers.session(data));
	on<LivePollEvent>('poll', (data) => handlers.poll(data));
	on<LiveRefusedEvent>('refused', (data) => {
		const text = refusalText(data);
		if (data.retrying) return handlers.refused(text, true);
		closed = true;
		source.close();
		handlers.refused(text, false);
	});
	on<LiveEndEvent>('end', (data) => {
		closed = true;
		source.close();
		handlers.end(data);
	});
	source.addEventListener('error', () => {
		if (closed) return;
		closed = true;
		source.close();
		handlers.lost();
	});
	return {
		close() {
			closed = true;
			source.close();
		},
	};
}

/** The outcome of a control request: done, or the server's message (or status) when refused. */
export type ControlResult = { ok: true } | { ok: false; message: string };

/** Asks the server to change the session's vault (renew, disable, revoke, grant). */
export async function sendControl(
	session: string,
	action: LiveControlAction,
	lang: Lang,
	fetchImpl: typeof fetch = fetch
): Promise<ControlResult> {
	const body: LiveControlRequest = { session, action };
	let response: Response;
	try {
		response = await fetchImpl(`/api/simulator/control?lang=${lang}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
	} catch {
		return { ok: false, message: '' };
	}
	if (response.ok) return { ok: true };
	const answer = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
	return { ok: false, message: answer.error?.message ?? String(response.status) };
}

/** Whether an action is one the live vault takes (the rest work on the scripted timeline only). */
export function isLiveAction(action: string): action is LiveControlAction {
	return action === 'renew' || action === 'disable' || action === 'revoke' || action === 'grant';
}

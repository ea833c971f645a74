import type { RoomStatus } from '../../core/workshop/room-protocol.ts';
import { langOf, type Lang } from '../../core/i18n/index.ts';
import { uiTranslator } from '../../core/i18n/ui-strings.ts';
import { refusalResponse } from '../api-refusal.ts';
import { jsonResponse } from '../json-response.ts';
import { clientOf, ConcurrencyLimit, RateLimit } from '../client-limits.ts';
import { isJsonContentType } from '../json-content-type.ts';
import { readLimitedBody } from '../read-limited-body.ts';
import type { Room } from './room.ts';

/** What the room endpoints need (the real wiring: room-dependencies.ts). */
export interface RoomDependencies {
	/** The room of `npm run workshop`; absent: room mode is off and the endpoints answer 404. */
	room: Room | undefined;
	/** Limits per process (made once, shared by every request). */
	limits: RoomRequestLimits;
	/** The participants' address the room printed first (`http://192.168.1.20:4321`), if any. */
	address?: string | undefined;
}

/** Rates and counts of the room endpoints. */
export class RoomRequestLimits {
	/** Joins per client in 10 minutes (a room behind one address still fits). */
	readonly joins = new RateLimit(60, 10 * 60_000);
	/** Reports (progress, leave) per client per minute. */
	readonly reports = new RateLimit(600, 60_000);
	/** Facilitator key tries per client per minute. */
	readonly keyTries = new RateLimit(10, 60_000);
	/** Facilitator views streaming at once. */
	readonly streams = new ConcurrencyLimit(8, 4);
}

/** Largest body the room endpoints read. */
export const ROOM_MAX_BODY_BYTES = 2048;
/** The facilitator session cookie. */
export const ROOM_COOKIE = 'kvcert-room';
/** At most one snapshot per this long to a facilitator view, however often the room changes. */
const SNAPSHOT_EVERY_MS = 500;
/** A snapshot at least this often (elapsed times move on; proxies see traffic). */
const HEARTBEAT_MS = 15_000;

const langFor = (request: Request): Lang =>
	langOf(new URL(request.url).searchParams.get('lang') ?? request.headers.get('accept-language'));

const noContent = (headers: Record<string, string> = {}) =>
	new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store', ...headers } });

/** A refusal with the room's message `kvcert.room.api.<code>`. */
function refuse(
	request: Request,
	status: number,
	code: string,
	values: Record<string, string | number> = {},
	retryAfter?: number
): Response {
	const lang = langFor(request);
	const message = uiTranslator(lang)(`kvcert.room.api.${code}`, values);
	return refusalResponse(status, lang, code, message, retryAfter);
}

/** The facilitator session in the request's cookie. */
function sessionOf(request: Request): string | undefined {
	for (const part of (request.headers.get('cookie') ?? '').split(';')) {
		const [name, ...value] = part.trim().split('=');
		if (name === ROOM_COOKIE) return value.join('=');
	}
	return undefined;
}

/** A JSON body of at most ROOM_MAX_BODY_BYTES, or the refusal to send instead. */
async function readJson(request: Request): Promise<Record<string, unknown> | Response> {
	if (request.method !== 'POST') return refuse(request, 405, 'methodNotAllowed', {}, undefined);
	if (!isJsonContentType(request.headers.get('content-type')))
		return refuse(request, 415, 'notJson');
	const text = await readLimitedBody(request, ROOM_MAX_BODY_BYTES);
	if (text === undefined) return refuse(request, 413, 'tooLarge', { max: ROOM_MAX_BODY_BYTES });
	try {
		const body: unknown = JSON.parse(text);
		if (body && typeof body === 'object' && !Array.isArray(body))
			return body as Record<string, unknown>;
	} catch {
		// answered below
	}
	return refuse(request, 400, 'badBody');
}

/** The room, or the 404 that says room mode is off. */
function roomOf(request: Request, deps: RoomDependencies): Room | Response {
	return deps.room ?? refuse(request, 404, 'roomOff');
}

/**
 * What every POST of the room starts with: the room, a JSON body within the size limit, and one
 * more of this client's `rate` (429 with Retry-After past it). Else the refusal to send.
 */
async function roomPost(
	request: Request,
	deps: RoomDependencies,
	rate: RateLimit,
	code = 'tooManyRequests'
): Promise<{ room: Room; body: Record<string, unknown> } | Response> {
	const room = roomOf(request, deps);
	if (room instanceof Response) return room;
	const body = await readJson(request);
	if (body instanceof Response) return body;
	const wait = rate.take(clientOf(request));
	if (wait) return refuse(request, 429, code, {}, wait);
	return { room, body };
}

/**
 * `GET /api/room`: whether this server runs a room, and whether this browser is its facilitator
 * (200 either way, so a workshop page on a plain `npm start` logs no failed request).
 */
export function handleRoomStatus(request: Request, deps: RoomDependencies): Response {
	const status: RoomStatus = deps.room
		? {
				room: true,
				facilitator: deps.room.isFacilitator(sessionOf(request)),
				...(deps.address ? { address: deps.address } : {}),
			}
		: { room: false, facilitator: false };
	return jsonResponse(status);
}

/**
 * `POST /api/room/join` `{"name"?: "…", "lang": "ja"|"en", "joinKey"?: "…"}`: a place in the room
 * and a token; the same joinKey again is the same place (a retried or repeated join).
 */
export async function handleRoomJoin(request: Request, deps: RoomDependencies): Promise<Response> {
	const post = await roomPost(request, deps, deps.limits.joins);
	if (post instanceof Response) return post;
	const { room, body } = post;
	const joined = room.join(
		body['name'],
		body['lang'] === 'en' ? 'en' : 'ja',
		Date.now(),
		body['joinKey']
	);
	if (!joined) return refuse(request, 503, 'roomFull', { max: room.limits.maxParticipants });
	return jsonResponse(joined);
}

/** `POST /api/room/progress`: a participant's whole progress (ids and counts only). */
export async function handleRoomProgress(
	request: Request,
	deps: RoomDependencies
): Promise<Response> {
	const post = await roomPost(request, deps, deps.limits.reports);
	if (post instanceof Response) return post;
	const { room, body } = post;
	const refusal = room.report(body['token'], body['exercises'], body['answers']);
	if (refusal === 'unknownParticipant') return refuse(request, 404, refusal);
	if (refusal) return refuse(request, 400, refusal);
	return noContent();
}

/** `POST /api/room/leave` `{"token": "…"}`: the participant is no longer listed. */
export async function handleRoomLeave(request: Request, deps: RoomDependencies): Promise<Response> {
	const post = await roomPost(request, deps, deps.limits.reports);
	if (post instanceof Response) return post;
	if (!post.room.leave(post.body['token'])) return refuse(request, 404, 'unknownParticipant');
	return noContent();
}

/**
 * `POST /api/room/facilitator` `{"key": "…"}`: with the key `npm run workshop` printed, a session
 * cookie (HttpOnly, SameSite=Strict, for /api/room only) that opens the room's view. Tries are
 * limited per client; the key is compared in constant time.
 */
export async function handleRoomFacilitator(
	request: Request,
	deps: RoomDependencies
): Promise<Response> {
	const post = await roomPost(request, deps, deps.limits.keyTries, 'tooManyKeyTries');
	if (post instanceof Response) return post;
	if (!post.room.isKey(post.body['key'])) return refuse(request, 403, 'wrongKey');
	const session = post.room.openFacilitatorSession();
	return noContent({
		'Set-Cookie': `${ROOM_COOKIE}=${session}; Path=/api/room; HttpOnly; SameSite=Strict; Max-Age=43200`,
	});
}

/**
 * `GET /api/room/events`: the room for its facilitator, as Server-Sent Events: a `room` event with
 * the whole {@link RoomSnapshot} at once, after each change (at most twice a second) and every
 * 15 seconds. Only with a facilitator session.
 */
export function handleRoomEvents(request: Request, deps: RoomDependencies): Response {
	const room = roomOf(request, deps);
	if (room instanceof Response) return room;
	if (!room.isFacilitator(sessionOf(request))) return refuse(request, 403, 'notFacilitator');
	const slot = deps.limits.streams.acquire(clientOf(request));
	if (typeof slot !== 'function') return refuse(request, 503, 'tooManyViews', {}, 10);
	const encoder = new TextEncoder();
	let closed = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let heartbeat: ReturnType<typeof setInterval> | undefined;
	let unsubscribe = () => {};
	const stop = () => {
		if (closed) return;
		closed = true;
		clearTimeout(timer);
		clearInterval(heartbeat);
		unsubscribe();
		slot();
	};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let lastSent = 0;
			const send = () => {
				timer = undefined;
				if (closed) return;
				lastSent = Date.now();
				try {
					controller.enqueue(
						encoder.encode(`event: room\ndata: ${JSON.stringify(room.snapshot())}\n\n`)
					);
				} catch {
					stop();
				}
			};
			const soon = () => {
				if (closed || timer) return;
				timer = setTimeout(send, Math.max(0, lastSent + SNAPSHOT_EVERY_MS - Date.now()));
			};
			if (request.signal?.aborted) return stop();
			request.signal?.addEventListener('abort', stop, { once: true });
			unsubscribe = room.onChange(soon);
			heartbeat = setInterval(send, HEARTBEAT_MS);
			send();
		},
		cancel: stop,
	});
	return new Response(stream, {
		headers: {
			'Content-Type': 'text/event-stream; charset=utf-8',
			'Cache-Control': 'no-store, no-transform',
			'X-Accel-Buffering': 'no',
		},
	});
}

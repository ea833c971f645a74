import { randomBytes } from 'node:crypto';
import type { RunningEmulator } from '../emulator/emulator.ts';
import { TOKEN_VIEW_WRITES } from '../emulator/token-views.ts';
import type { VaultView } from '../emulator/vault-view.ts';
import { takeBackFrom } from './fair-share.ts';

/**
 * The cookie that names a visitor's own view of the demo vault. HttpOnly and SameSite=Strict: the
 * page's scripts never see it and another site cannot send it; it holds a random id, never a token.
 */
export const VISITOR_COOKIE = 'kvcert-view';

/** Bounds on {@link VisitorViews}. */
export interface VisitorViewLimits {
	/** Views kept at once. @default 128 */
	max?: number;
	/**
	 * Views one client (address) keeps at once; past it its own least recently used goes. A workshop
	 * room of 30 often shares one NAT address, so one address keeps 40. @default 40
	 */
	perClient?: number;
	/** A view unused this long is dropped (the visitor starts again from the demo vault). @default 30 min */
	idleMs?: number;
}

/** The defaults of {@link VisitorViewLimits}. */
export const VISITOR_VIEW_DEFAULTS = { max: 128, perClient: 40, idleMs: 30 * 60_000 } as const;

interface Entry {
	view: VaultView;
	client: string;
	usedAt: number;
}

/** A visitor's view, found by its cookie or just opened. */
export interface VisitorView {
	id: string;
	view: VaultView;
}

const ID_PATTERN = /^[\w-]{22,64}$/;

/** The visitor id in the request's cookie, if it has one of the right shape. */
export function visitorIdOf(request: Request): string | undefined {
	for (const part of (request.headers.get('cookie') ?? '').split(';')) {
		const [name, value] = part.trim().split('=', 2);
		if (name === VISITOR_COOKIE && value && ID_PATTERN.test(value)) return value;
	}
	return undefined;
}

/**
 * The Set-Cookie value that gives a visitor its view's id (sent to the API only). A session cookie:
 * it is set once, when the view opens, so a Max-Age would drop it while the view is still in use
 * (Start here's steps 6 and 11 can be more than 30 minutes apart); the server's idle expiry bounds
 * the view, and an id whose view is gone names nothing.
 */
export function visitorCookie(id: string, request: Request): string {
	const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
	return `${VISITOR_COOKIE}=${id}; Path=/api/; HttpOnly; SameSite=Strict${secure}`;
}

/**
 * One view of the demo vault per visitor (a copy-on-write fork with an identity of its own), so
 * one visitor's snippet runs and look-ups see the same vault, and nobody else sees its changes.
 * The snippet API opens a view when a run writes; the thumbprint and vault-mode APIs read it when
 * the visitor's cookie names it. Bounded: at most `max` views and `perClient` per address; when
 * full, the least recently used view of the address holding the most goes, so writers on a few
 * addresses never lock a new visitor out; a view unused for `idleMs` is dropped.
 */
export class VisitorViews {
	/** Views by visitor id, least recently used first (a Map keeps insertion order). */
	readonly #entries = new Map<string, Entry>();
	readonly #max: number;
	readonly #perClient: number;
	readonly #idleMs: number;

	constructor(
		private readonly openView: () => VaultView,
		limits: VisitorViewLimits = {}
	) {
		this.#max = Math.max(1, limits.max ?? VISITOR_VIEW_DEFAULTS.max);
		this.#perClient = Math.max(1, limits.perClient ?? VISITOR_VIEW_DEFAULTS.perClient);
		this.#idleMs = limits.idleMs ?? VISITOR_VIEW_DEFAULTS.idleMs;
	}

	/** Views held now. */
	get size(): number {
		return this.#entries.size;
	}

	/** Views `client` holds now. */
	heldBy(client: string): number {
		let count = 0;
		for (const entry of this.#entries.values()) if (entry.client === client) count++;
		return count;
	}

	/** The view named by `id` (marked as used), or none. */
	find(id: string | undefined, now = Date.now()): VisitorView | undefined {
		this.#expire(now);
		const entry = id === undefined ? undefined : this.#entries.get(id);
		if (!entry || id === undefined) return undefined;
		entry.usedAt = now;
		this.#entries.delete(id);
		this.#entries.set(id, entry);
		return { id, view: entry.view };
	}

	/**
	 * The view named by `id`, or a new one for `client` (making room first). Throws when the
	 * emulator cannot open another view (its own bound, shared with live-mode sessions).
	 */
	open(id: string | undefined, client: string, now = Date.now()): VisitorView {
		const found = this.find(id, now);
		if (found) return found;
		const clients = [...this.#entries.values()].map((entry) => entry.client);
		if (this.heldBy(client) >= this.#perClient) this.#dropOldestOf(client);
		else if (this.#entries.size >= this.#max) this.#dropOldestOf(takeBackFrom(clients) ?? client);
		const view = this.openView();
		const newId = randomBytes(18).toString('base64url');
		this.#entries.set(newId, { view, client, usedAt: now });
		return { id: newId, view };
	}

	#dropOldestOf(client: string): void {
		for (const [id, entry] of this.#entries)
			if (entry.client === client) {
				entry.view.close();
				this.#entries.delete(id);
				return;
			}
	}

	#expire(now: number): void {
		for (const [id, entry] of this.#entries) {
			if (now - entry.usedAt < this.#idleMs) return;
			entry.view.close();
			this.#entries.delete(id);
		}
	}
}

const perDemo = new WeakMap<object, VisitorViews>();

/** The visitor views of a demo vault: one set per emulator, shared by every API handler. */
export function visitorViewsOf(demo: Pick<RunningEmulator, 'openView'>): VisitorViews {
	let views = perDemo.get(demo);
	if (!views) {
		views = new VisitorViews(() => demo.openView(TOKEN_VIEW_WRITES));
		perDemo.set(demo, views);
	}
	return views;
}

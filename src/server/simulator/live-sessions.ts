import type { RunningEmulator } from '../../emulator/emulator.ts';
import { ConcurrencyLimit, RateLimit, type KeptForFew } from '../client-limits.ts';
import type { LiveSession } from './live-session.ts';
import { VaultPoller } from './vault-poller.ts';
import { emulatorSecretClient, type TraceEntry } from './vault-snapshot.ts';

/** How many live streams and private views a server keeps, in total and per client. */
export interface LiveLimits {
	/** Streams open at once. */
	maxStreams: number;
	maxStreamsPerClient: number;
	/** Sessions with a view of their own (after a renew, disable, revoke or grant). */
	maxViews: number;
	maxViewsPerClient: number;
	/** The last streams and views, kept for clients holding few (see KeptForFew). @default none */
	streamsKeptForFew?: KeptForFew;
	viewsKeptForFew?: KeptForFew;
	/** Live-mode starts per client in {@link LIVE_RATE_WINDOW_MS}. @default LIVE_RATES.opens */
	opensPerClient?: number;
	/** Renewals per client in {@link LIVE_RATE_WINDOW_MS}, across its sessions. @default LIVE_RATES.renewals */
	renewalsPerClient?: number;
}

/** The window of the per-client rates (10 minutes, as the snippets' renewals). */
export const LIVE_RATE_WINDOW_MS = 10 * 60_000;

/**
 * Per-client rates, sized for a room of 30 behind one NAT address (one client to the server):
 * each participant starts live mode about 4 times in a 10-minute block (start, another OS or
 * version, a reload) and renews once or twice in exercise C, so 120 starts and 60 renewals. At
 * about 21 ms of server CPU per start and 14 ms per renewal (rv24b), one address can then cost at
 * most about 3.4 s of CPU per 10 minutes, where closing and reopening sessions was unbounded.
 */
export const LIVE_RATES = { opens: 120, renewals: 60 } as const;

/**
 * The defaults. A client is an address (an IPv6 /64), and a workshop room often reaches the server
 * through one (a NAT, VPN or proxy), so one client's share is sized for a room of 30: two tabs each
 * for streams, and one view each after exercise C's renewal (a fresh dry run behind one address:
 * with 4 views per client, participants 5 to 15 could not renew). The totals bound the server, and
 * are cheap to raise: a stream follows a shared poller (a subscription and an open connection;
 * 30 streams held 30 s cost 0.7 s of server CPU, rv24b), a view is a copy-on-write vault (a map of
 * the few seeded certificates; key bytes are shared). So 256 streams and 128 views, and the last
 * 64 streams and 32 views are kept for clients holding fewer than 4 streams or 2 views: three
 * addresses at their share still leave streams and views for 16 more (rv24c item 2).
 */
export const LIVE_LIMITS: LiveLimits = {
	maxStreams: 256,
	maxStreamsPerClient: 64,
	maxViews: 128,
	maxViewsPerClient: 32,
	streamsKeptForFew: { slots: 64, fewerThan: 4 },
	viewsKeptForFew: { slots: 32, fewerThan: 2 },
};

/** The running live sessions, the shared pollers they follow, and the limits on both. */
export class LiveSessions {
	readonly #sessions = new Map<string, LiveSession>();
	readonly #pollers = new Map<string, VaultPoller>();
	readonly streams: ConcurrencyLimit;
	readonly views: ConcurrencyLimit;
	/** Live-mode starts per client (reopening no longer resets what a client may do). */
	readonly opens: RateLimit;
	/** Renewals per client, across its sessions (a session's own cap resets when it is reopened). */
	readonly renewals: RateLimit;

	constructor(readonly limits: LiveLimits = LIVE_LIMITS) {
		this.streams = new ConcurrencyLimit(
			limits.maxStreams,
			limits.maxStreamsPerClient,
			limits.streamsKeptForFew
		);
		this.views = new ConcurrencyLimit(
			limits.maxViews,
			limits.maxViewsPerClient,
			limits.viewsKeptForFew
		);
		this.opens = new RateLimit(limits.opensPerClient ?? LIVE_RATES.opens, LIVE_RATE_WINDOW_MS);
		this.renewals = new RateLimit(
			limits.renewalsPerClient ?? LIVE_RATES.renewals,
			LIVE_RATE_WINDOW_MS
		);
	}

	/** Registers a running session. */
	add(session: LiveSession): void {
		this.#sessions.set(session.id, session);
	}

	/** The running session with this id. */
	get(id: string): LiveSession | undefined {
		return this.#sessions.get(id);
	}

	/** Forgets a session. */
	delete(id: string): void {
		this.#sessions.delete(id);
	}

	/** How many sessions run. */
	get size(): number {
		return this.#sessions.size;
	}

	/** How many shared pollers read the vault now (one per polling interval and versions installed). */
	get pollers(): number {
		return this.#pollers.size;
	}

	/**
	 * The shared poller for `interval` seconds over the shared vault, for an extension that installs
	 * the `installsNewest` newest versions, made when first needed.
	 */
	sharedPoller(
		interval: number,
		emulator: RunningEmulator,
		installsNewest: 1 | 2 = 1
	): VaultPoller {
		const key = `${interval}/${installsNewest}`;
		const running = this.#pollers.get(key);
		if (running && !running.stopped) return running;
		const trace: TraceEntry[] = [];
		const poller: VaultPoller = new VaultPoller(
			emulatorSecretClient(emulator, trace),
			trace,
			interval * 1000,
			new Map(),
			() => {
				if (this.#pollers.get(key) === poller) this.#pollers.delete(key);
			},
			installsNewest
		);
		this.#pollers.set(key, poller);
		return poller;
	}
}

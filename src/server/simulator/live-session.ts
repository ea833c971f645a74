import { randomUUID } from 'node:crypto';
import { MAX_POLLS, formatLogLine, type SimOs } from '../../core/simulate/index.ts';
import type {
	LiveEndEvent,
	LiveEventName,
	LivePollEvent,
	LiveSessionEvent,
} from '../../core/simulate/live-protocol.ts';
import type { RunningEmulator } from '../../emulator/emulator.ts';
import type { VaultView } from '../../emulator/vault-view.ts';
import { ConcurrencyLimit } from '../client-limits.ts';
import { LIVE_CERTIFICATE, LiveTimeline } from './live-timeline.ts';
import { liveMessage } from './live-messages.ts';
import type { Lang } from '../../core/i18n/lang.ts';
import { VaultPoller, type VaultRead } from './vault-poller.ts';
import { emulatorSecretClient, type TraceEntry } from './vault-snapshot.ts';

/** What a session sends: a named Server-Sent Event with a JSON payload. */
export type LiveSend = (event: LiveEventName, data: unknown) => void;

/** Settings of one live session. */
export interface LiveSessionOptions {
	os: SimOs;
	version: string;
	/** Accelerated polling interval in seconds (already clamped). */
	interval: number;
	lang: Lang;
	maxDurationMs: number;
	/** The client (its address) the session counts against. */
	client: string;
}

/** Renewals one session may make in its own view of the vault. */
export const LIVE_MAX_RENEWALS = 20;

/** Why a control could not be applied. */
export type ControlRefusal = 'viewsFull' | 'viewsFullForClient' | 'renewLimit' | 'writeRefused';

/**
 * One visitor's live stream: a simulated VM that reads the shared poller of its interval (the
 * vault as everyone sees it) until the visitor changes the vault. Its first control (renew,
 * disable, revoke, grant) gives it a view of its own (a copy of the vault read by an identity of
 * its own) and a poller of its own that carries on at the same pace, so nobody else sees it.
 */
export class LiveSession {
	readonly id = randomUUID();
	readonly #timeline: LiveTimeline;
	readonly #deadline: number;
	#send: LiveSend = () => {};
	#onEnd: () => void = () => {};
	#unsubscribe: () => void = () => {};
	#poller: VaultPoller | undefined;
	#view: VaultView | undefined;
	#releaseView: (() => void) | undefined;
	#count = 0;
	#lastReadAt = 0;
	#renewals = 0;
	#stopped = false;

	constructor(readonly options: LiveSessionOptions) {
		this.#timeline = new LiveTimeline(
			options.os,
			options.version,
			options.interval,
			Math.floor(Date.now() / 1000)
		);
		this.#deadline = Date.now() + options.maxDurationMs;
	}

	/** The session's own view of the vault, once it has changed something. */
	get view(): VaultView | undefined {
		return this.#view;
	}

	/** Announces the session and follows `poller` (its latest read at once, when fresh). */
	start(poller: VaultPoller, send: LiveSend, onEnd: () => void): void {
		this.#send = send;
		this.#onEnd = onEnd;
		const { os, version, interval } = this.options;
		const session: LiveSessionEvent = {
			id: this.id,
			os,
			version,
			interval,
			certificate: LIVE_CERTIFICATE,
			endsAt: new Date(this.#deadline).toISOString(),
		};
		send('session', session);
		this.#follow(poller);
		const fresh = poller.freshRead;
		if (fresh) queueMicrotask(() => this.#onRead(fresh));
		poller.start();
	}

	#follow(poller: VaultPoller): void {
		this.#unsubscribe();
		this.#poller = poller;
		this.#unsubscribe = poller.subscribe((read) => this.#onRead(read));
	}

	#onRead(read: VaultRead): void {
		if (this.#stopped || read.at <= this.#lastReadAt) return;
		this.#lastReadAt = read.at;
		const { lang, interval, maxDurationMs } = this.options;
		const { poll, simulation } = this.#timeline.add(read.snapshot);
		this.#count++;
		const event: LivePollEvent = {
			index: this.#count - 1,
			at: poll?.at ?? 0,
			status: poll?.status ?? 'error',
			failed: poll?.failed ?? true,
			trace: read.trace,
			access: read.snapshot.access,
			vault: read.snapshot.versions.map((v) => ({
				version: v.version,
				thumbprint: v.thumbprint,
				enabled: v.enabled,
			})),
			certificates: (poll?.certificates ?? []).map((c) => ({
				store: c.store,
				version: c.version,
				subject: c.subject,
				thumbprint: c.thumbprint,
				notBefore: c.notBefore,
				notAfter: c.notAfter,
				hasPrivateKey: c.hasPrivateKey,
				...(c.renewedBy ? { renewedBy: c.renewedBy } : {}),
			})),
			files: poll?.files ?? [],
			log: [...(this.#count === 1 ? simulation.startLog : []), ...(poll?.log ?? [])].map(
				(line) => ({ level: line.level, text: formatLogLine(line, lang) })
			),
			...(read.error ? { error: liveMessage(lang, 'pollFailed', { detail: read.error }) } : {}),
		};
		this.#send('poll', event);
		if (Date.now() + interval * 1000 > this.#deadline)
			return this.end({
				reason: 'time',
				message: liveMessage(lang, 'timeUp', { seconds: Math.round(maxDurationMs / 1000) }),
			});
		if (this.#count >= MAX_POLLS)
			this.end({ reason: 'polls', message: liveMessage(lang, 'pollLimit', { polls: MAX_POLLS }) });
	}

	/**
	 * Makes sure the session has its own view (and its own poller, carrying on from the shared one's
	 * reads at the same pace). Undefined when it has one, else why not.
	 */
	ownView(emulator: RunningEmulator, views: ConcurrencyLimit): ControlRefusal | undefined {
		if (this.#view) return undefined;
		const slot = views.acquire(this.options.client);
		if (slot === 'total') return 'viewsFull';
		if (slot === 'client') return 'viewsFullForClient';
		let view: VaultView;
		try {
			view = emulator.openView();
		} catch {
			slot();
			return 'viewsFull';
		}
		this.#view = view;
		this.#releaseView = slot;
		const trace: TraceEntry[] = [];
		const intervalMs = this.options.interval * 1000;
		const own = new VaultPoller(
			emulatorSecretClient(emulator, trace, view.clientId),
			trace,
			intervalMs,
			this.#poller?.knownVersions() ?? new Map(),
			() => {},
			this.#poller?.installsNewest ?? 1
		);
		this.#follow(own);
		// The next poll comes when the shared one would have come: a change waits for the next poll.
		own.start(Math.max(0, this.#lastReadAt + intervalMs - Date.now()));
		return undefined;
	}

	/** Whether the session may renew again (without counting a renewal). */
	get canRenew(): boolean {
		return this.#renewals < LIVE_MAX_RENEWALS;
	}

	/** Counts a renewal: false past {@link LIVE_MAX_RENEWALS}. */
	takeRenewal(): boolean {
		if (this.#renewals >= LIVE_MAX_RENEWALS) return false;
		this.#renewals++;
		return true;
	}

	/** Sends `end` and stops. */
	end(event: LiveEndEvent): void {
		if (this.#stopped) return;
		this.#send('end', event);
		this.stop();
	}

	/** Stops following, closes its own view and poller (idempotent). */
	stop(): void {
		if (this.#stopped) return;
		this.#stopped = true;
		this.#unsubscribe();
		if (this.#view) this.#poller?.stop();
		this.#view?.close();
		this.#releaseView?.();
		this.#onEnd();
	}
}

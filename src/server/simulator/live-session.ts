import { randomUUID } from 'node:crypto';
import { MAX_POLLS, formatLogLine, type SimOs } from '../../core/simulate/index.ts';
import type { RunningEmulator } from '../../emulator/emulator.ts';
import { LIVE_CERTIFICATE, LiveTimeline } from './live-timeline.ts';
import { liveMessage } from './live-messages.ts';
import type { Lang } from '../../core/i18n/lang.ts';
import {
	emulatorSecretClient,
	readVaultSnapshot,
	type TraceEntry,
	type VaultSnapshot,
} from './vault-snapshot.ts';
import type { VaultVersion } from '../../core/simulate/index.ts';

/** A vault a session reads, and how to give it back when the session ends. */
export interface LeasedVault {
	emulator: RunningEmulator;
	release(): Promise<void>;
}

/** What a session sends: a named Server-Sent Event with a JSON payload. */
export type LiveSend = (event: 'session' | 'poll' | 'end', data: unknown) => void;

/** Settings of one live session. */
export interface LiveSessionOptions {
	os: SimOs;
	version: string;
	/** Accelerated polling interval in seconds (already clamped). */
	interval: number;
	lang: Lang;
	maxDurationMs: number;
}

/** A running live session: a simulated VM polling one vault with the real SDK. */
export class LiveSession {
	readonly id = randomUUID();
	readonly #trace: TraceEntry[] = [];
	readonly #known = new Map<string, VaultVersion>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#stopped = false;
	#vault: LeasedVault | undefined;
	#onEnd: (() => void) | undefined;

	constructor(readonly options: LiveSessionOptions) {}

	/** The session's emulator (controls act on it), once opened. */
	get emulator(): RunningEmulator | undefined {
		return this.#vault?.emulator;
	}

	/** Opens the vault, announces the session and polls until stopped, timed out or at MAX_POLLS. */
	async run(open: () => Promise<LeasedVault>, send: LiveSend, onEnd: () => void): Promise<void> {
		this.#onEnd = onEnd;
		const { os, version, interval, lang, maxDurationMs } = this.options;
		try {
			this.#vault = await open();
		} catch (error) {
			send('end', {
				reason: 'error',
				message: liveMessage(lang, 'pollFailed', {
					detail: String((error as Error).message).slice(0, 200),
				}),
			});
			return this.stop();
		}
		if (this.#stopped) return this.stop();
		const client = emulatorSecretClient(this.#vault.emulator, this.#trace);
		const timeline = new LiveTimeline(os, version, interval, Math.floor(Date.now() / 1000));
		const deadline = Date.now() + maxDurationMs;
		send('session', {
			id: this.id,
			os,
			version,
			interval,
			certificate: LIVE_CERTIFICATE,
			endsAt: new Date(deadline).toISOString(),
		});
		let last: VaultSnapshot = { access: true, versions: [] };
		let count = 0;
		const tick = async () => {
			if (this.#stopped) return;
			this.#trace.length = 0;
			let error: string | undefined;
			try {
				last = await readVaultSnapshot(client, LIVE_CERTIFICATE, this.#known);
			} catch (failure) {
				error = liveMessage(lang, 'pollFailed', {
					detail: String((failure as Error).message ?? failure)
						.split('\n')[0]!
						.slice(0, 200),
				});
			}
			if (this.#stopped) return;
			const { poll, simulation } = timeline.add(last);
			count++;
			send('poll', {
				index: count - 1,
				at: poll?.at ?? 0,
				status: poll?.status ?? 'error',
				failed: poll?.failed ?? true,
				trace: this.#trace.slice(0, 100),
				access: last.access,
				vault: last.versions.map((v) => ({
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
				log: [...(count === 1 ? simulation.startLog : []), ...(poll?.log ?? [])].map((line) => ({
					level: line.level,
					text: formatLogLine(line, lang),
				})),
				...(error ? { error } : {}),
			});
			if (Date.now() + interval * 1000 > deadline) {
				send('end', {
					reason: 'time',
					message: liveMessage(lang, 'timeUp', { seconds: Math.round(maxDurationMs / 1000) }),
				});
				return this.stop();
			}
			if (count >= MAX_POLLS) {
				send('end', {
					reason: 'polls',
					message: liveMessage(lang, 'pollLimit', { polls: MAX_POLLS }),
				});
				return this.stop();
			}
			this.#timer = setTimeout(() => void tick(), interval * 1000);
		};
		await tick();
	}

	/** Stops polling and gives the vault back (idempotent). */
	async stop(): Promise<void> {
		if (this.#stopped && !this.#onEnd) return;
		this.#stopped = true;
		if (this.#timer) clearTimeout(this.#timer);
		const onEnd = this.#onEnd;
		this.#onEnd = undefined;
		onEnd?.();
		const vault = this.#vault;
		this.#vault = undefined;
		await vault?.release();
	}
}

/** The running sessions, at most `max` at once. */
export class LiveSessions {
	readonly #sessions = new Map<string, LiveSession>();
	constructor(readonly max: number) {}

	/** Registers a session unless `max` are running; false when full. */
	add(session: LiveSession): boolean {
		if (this.#sessions.size >= this.max) return false;
		this.#sessions.set(session.id, session);
		return true;
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
}

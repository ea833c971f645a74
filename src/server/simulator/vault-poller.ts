import type { SecretClient } from '@azure/keyvault-secrets';
import type { VaultVersion } from '../../core/simulate/index.ts';
import { LIVE_CERTIFICATE } from './live-timeline.ts';
import { readVaultSnapshot, type TraceEntry, type VaultSnapshot } from './vault-snapshot.ts';

/** One read of the vault, as every subscriber of a poller receives it. */
export interface VaultRead {
	/** What the read saw (the previous snapshot when it failed). */
	snapshot: VaultSnapshot;
	/** The SDK's requests for this read. */
	trace: TraceEntry[];
	/** The first line of the failure, when the read failed. */
	error?: string;
	/** When the read finished (ms since the epoch). */
	at: number;
}

/** Receives each read. */
export type ReadListener = (read: VaultRead) => void;

/**
 * Reads the live certificate every `intervalMs` with the real SDK and hands each read to every
 * subscriber: one poller serves every live stream with the same polling interval and the same
 * number of newest versions installed (1, or 2 for version 4.0; otherwise the reads do not depend
 * on the simulated OS or extension version, which each stream simulates on its own), so a room of
 * 30 costs one read per interval, not 30. It stops by itself when its last subscriber goes.
 */
export class VaultPoller {
	readonly #listeners = new Set<ReadListener>();
	readonly #trace: TraceEntry[];
	readonly #known: Map<string, VaultVersion>;
	#last: VaultRead | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#started = false;
	#stopped = false;

	/**
	 * @param client a SecretClient whose pipeline records into `trace` (emulatorSecretClient).
	 * @param known versions seen so far, to carry on from another poller's reads.
	 * @param onIdle called once when the last subscriber leaves and the poller stops.
	 */
	constructor(
		readonly client: SecretClient,
		trace: TraceEntry[],
		readonly intervalMs: number,
		known: Map<string, VaultVersion> = new Map(),
		readonly onIdle: () => void = () => {},
		/** How many of the newest versions the simulated extension installs (4.0: 2). */
		readonly installsNewest: 1 | 2 = 1
	) {
		this.#trace = trace;
		this.#known = known;
	}

	/** A copy of the versions seen so far (for a poller that takes over a subscriber). */
	knownVersions(): Map<string, VaultVersion> {
		return new Map([...this.#known].map(([id, version]) => [id, { ...version }]));
	}

	/** The latest read, when one finished within the last interval. */
	get freshRead(): VaultRead | undefined {
		return this.#last && Date.now() - this.#last.at < this.intervalMs ? this.#last : undefined;
	}

	/** Adds a subscriber; returns how to remove it. */
	subscribe(listener: ReadListener): () => void {
		this.#listeners.add(listener);
		return () => {
			this.#listeners.delete(listener);
			if (this.#listeners.size === 0) this.stop();
		};
	}

	/** Starts reading, the first read after `delayMs` (idempotent). */
	start(delayMs = 0): void {
		if (this.#started || this.#stopped) return;
		this.#started = true;
		this.#timer = setTimeout(() => void this.#read(), delayMs);
	}

	/** Stops reading (idempotent). */
	stop(): void {
		if (this.#stopped) return;
		this.#stopped = true;
		clearTimeout(this.#timer);
		this.#listeners.clear();
		this.onIdle();
	}

	get stopped(): boolean {
		return this.#stopped;
	}

	async #read(): Promise<void> {
		if (this.#stopped) return;
		this.#trace.length = 0;
		let snapshot = this.#last?.snapshot ?? { access: true, versions: [] };
		let error: string | undefined;
		try {
			snapshot = await readVaultSnapshot(
				this.client,
				LIVE_CERTIFICATE,
				this.#known,
				this.installsNewest
			);
		} catch (failure) {
			error = String((failure as Error)?.message ?? failure)
				.split('\n')[0]!
				.slice(0, 200);
		}
		if (this.#stopped) return;
		const read: VaultRead = {
			snapshot,
			trace: this.#trace.slice(0, 100),
			at: Date.now(),
			...(error === undefined ? {} : { error }),
		};
		this.#last = read;
		for (const listener of [...this.#listeners])
			try {
				listener(read);
			} catch {
				// One stream's failure (a closed connection) never stops the others.
			}
		if (!this.#stopped) this.#timer = setTimeout(() => void this.#read(), this.intervalMs);
	}
}

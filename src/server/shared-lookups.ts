import type { VersionsLookup } from '../vault/look-up-certificate-versions.ts';

interface InFlight {
	promise: Promise<VersionsLookup>;
	controller: AbortController;
	waiters: number;
}

/** Cached answers kept at most (different certificates; each is small). */
const MAX_CACHED = 64;

/**
 * Identical look-ups share one read: a look-up of a certificate that is already being read joins
 * that read, and a successful answer is reused for `ttlMs` (a room of 30 pressing Fetch together
 * costs one read of the vault, not 30). A read is cancelled when every client waiting for it has
 * gone away. Failures are shared while in flight but never cached.
 */
export class SharedLookups {
	readonly #inFlight = new Map<string, InFlight>();
	readonly #cached = new Map<string, { until: number; result: VersionsLookup }>();

	/** @param ttlMs how long a successful answer is reused. @default 2000 */
	constructor(readonly ttlMs = 2000) {}

	/** The cached answer or the read in flight for `key`, joined by a client with `signal`. */
	join(key: string, signal?: AbortSignal, now = Date.now()): Promise<VersionsLookup> | undefined {
		const cached = this.#cached.get(key);
		if (cached && cached.until > now) return Promise.resolve(cached.result);
		if (cached) this.#cached.delete(key);
		const running = this.#inFlight.get(key);
		if (!running) return undefined;
		this.#wait(running, signal);
		return running.promise;
	}

	/** Starts the read for `key` (call only when {@link join} found none); `read` gets the cancel signal. */
	start(
		key: string,
		read: (signal: AbortSignal) => Promise<VersionsLookup>,
		signal?: AbortSignal
	): Promise<VersionsLookup> {
		const controller = new AbortController();
		const entry: InFlight = { controller, waiters: 0, promise: Promise.resolve(undefined!) };
		entry.promise = read(controller.signal).then((result) => {
			this.#inFlight.delete(key);
			if (result.ok && !controller.signal.aborted) {
				this.#cached.set(key, { until: Date.now() + this.ttlMs, result });
				if (this.#cached.size > MAX_CACHED) this.#cached.delete(this.#cached.keys().next().value!);
			}
			return result;
		});
		this.#inFlight.set(key, entry);
		this.#wait(entry, signal);
		return entry.promise;
	}

	/** Reads in flight now. */
	get inFlight(): number {
		return this.#inFlight.size;
	}

	/** Counts a waiter; when the last one's client goes away, the read is cancelled. */
	#wait(entry: InFlight, signal: AbortSignal | undefined): void {
		entry.waiters++;
		if (!signal) return;
		const leave = () => {
			entry.waiters--;
			if (entry.waiters === 0) entry.controller.abort();
		};
		if (signal.aborted) return leave();
		signal.addEventListener('abort', leave, { once: true });
		void entry.promise.finally(() => signal.removeEventListener('abort', leave));
	}
}

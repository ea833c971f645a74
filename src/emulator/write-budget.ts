/** How much a vault store may grow, and how fast. */
export interface WriteLimits {
	/** Certificates in one store. @default 64 */
	maxCertificates?: number;
	/** Versions of one certificate. @default 50 */
	maxVersionsPerCertificate?: number;
	/** New versions (create, import, rotate) per minute in one store. @default 30 */
	writesPerMinute?: number;
	/** New versions in one store over its whole life (a token's copy of the demo vault). @default no limit */
	maxWrites?: number;
}

/** Why a write was refused, with the seconds to wait when waiting helps. */
export type WriteRefusal =
	| { reason: 'tooManyCertificates' | 'tooManyVersions' | 'full' }
	| { reason: 'throttled'; retryAfterSeconds: number };

const WINDOW_MS = 60_000;

/**
 * Bounds the writes into one vault store: a demo vault that anyone with a demo token can write to
 * (every local process can get one from the demo IMDS) stays small, and each new version (a key
 * generated on the event loop) is rate-limited, as Key Vault throttles with 429.
 */
export class WriteBudget {
	readonly #maxCertificates: number;
	readonly #maxVersions: number;
	readonly #perMinute: number;
	readonly #maxWrites: number;
	#written = 0;
	/** Times (ms) of the writes in the last minute, oldest first. */
	readonly #recent: number[] = [];

	constructor(limits: WriteLimits = {}) {
		this.#maxCertificates = limits.maxCertificates ?? 64;
		this.#maxVersions = limits.maxVersionsPerCertificate ?? 50;
		this.#perMinute = limits.writesPerMinute ?? 30;
		this.#maxWrites = limits.maxWrites ?? Infinity;
	}

	/**
	 * Records a write of a new version when the limits allow it; otherwise says why not.
	 * `versions` is the certificate's current count (undefined for a new certificate).
	 */
	take(
		versions: number | undefined,
		certificates: number,
		now = Date.now()
	): WriteRefusal | undefined {
		if (versions === undefined && certificates >= this.#maxCertificates)
			return { reason: 'tooManyCertificates' };
		if (versions !== undefined && versions >= this.#maxVersions)
			return { reason: 'tooManyVersions' };
		if (this.#written >= this.#maxWrites) return { reason: 'full' };
		while (this.#recent.length && (this.#recent[0] ?? 0) <= now - WINDOW_MS) this.#recent.shift();
		if (this.#recent.length >= this.#perMinute)
			return {
				reason: 'throttled',
				retryAfterSeconds: Math.max(
					1,
					Math.ceil(((this.#recent[0] ?? now) + WINDOW_MS - now) / 1000)
				),
			};
		this.#recent.push(now);
		this.#written++;
		return undefined;
	}
}

/** Thrown by rotations the budget refuses. */
export class WriteRefusedError extends Error {
	constructor(readonly refusal: WriteRefusal) {
		super(`The emulator refused the write: ${refusal.reason}.`);
		this.name = 'WriteRefusedError';
	}
}

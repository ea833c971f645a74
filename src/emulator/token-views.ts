import type { IssuedToken } from './identities.ts';
import type { VaultStore } from './vault-store.ts';
import { WriteBudget, type WriteLimits, type WriteRefusal } from './write-budget.ts';

/** Bounds on the copies of the shared store that tokens write to (see {@link TokenViews}). */
export interface TokenViewLimits {
	/** Copies kept at once; past it the least recently used one is dropped. @default 64 */
	maxViews?: number;
	/** Writes into one copy (its certificates, versions, rate and total). @default see TOKEN_VIEW_WRITES */
	writes?: WriteLimits;
	/** New versions per minute across every copy (each is a key generated on the event loop). @default 120 */
	writesPerMinute?: number;
}

/**
 * What one token's copy may take: a few certificates and versions, enough for the tutorials'
 * create, import and renew steps. 64 copies × 40 new versions bound the memory.
 */
export const TOKEN_VIEW_WRITES: WriteLimits = {
	maxCertificates: 32,
	maxVersionsPerCertificate: 20,
	writesPerMinute: 30,
	maxWrites: 40,
};

/**
 * Copy-on-write views of a shared store for tokens without a view of their own (the default IMDS
 * identity, which every local process can get a token for). A token reads the shared store until
 * its first write; that write and every later read of the token go to its own copy, so a write
 * never changes what other visitors see and the shared store stays as seeded. Copies are few and
 * small: the least recently used goes when a new one is needed, so writers cannot lock anyone out.
 */
export class TokenViews {
	/** Copies by token record, least recently used first (a Map keeps insertion order). */
	readonly #views = new Map<IssuedToken, VaultStore>();
	readonly #max: number;
	readonly #writes: WriteLimits;
	readonly #rate: WriteBudget;

	constructor(
		private readonly shared: VaultStore,
		limits: TokenViewLimits = {}
	) {
		this.#max = Math.max(1, limits.maxViews ?? 64);
		this.#writes = limits.writes ?? TOKEN_VIEW_WRITES;
		this.#rate = new WriteBudget({ writesPerMinute: limits.writesPerMinute ?? 120 });
	}

	/** Copies held now. */
	get size(): number {
		return this.#views.size;
	}

	/** The store `token` reads: its copy once it has written, else the shared store. */
	readFor(token: IssuedToken): VaultStore {
		const own = this.#views.get(token);
		if (!own) return this.shared;
		this.#views.delete(token);
		this.#views.set(token, own);
		return own;
	}

	/**
	 * The store `token` writes to, made on its first write, or why the write is refused now (every
	 * copy together is rate-limited, so fresh tokens cannot generate keys without end).
	 */
	writeFor(token: IssuedToken): VaultStore | WriteRefusal {
		const refusal = this.#rate.take(0, 0);
		if (refusal) return refusal;
		const own = this.readFor(token);
		if (own !== this.shared) return own;
		while (this.#views.size >= this.#max) {
			const oldest = this.#views.keys().next().value;
			if (oldest === undefined) break;
			this.#views.delete(oldest);
		}
		const copy = this.shared.fork(this.#writes);
		this.#views.set(token, copy);
		return copy;
	}
}

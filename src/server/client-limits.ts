/**
 * Per-client limits. A client is the address its connection came from (the site handler writes it
 * into the request, see {@link clientOf}); behind a reverse proxy every visitor is the proxy.
 */

/** Request header the site handler sets to the connection's remote address (any sent one is dropped). */
export const CLIENT_HEADER = 'x-kvcert-client';

/** The client a request came from: the address the site handler recorded, else one shared bucket. */
export function clientOf(request: Request): string {
	return request.headers.get(CLIENT_HEADER) ?? 'unknown';
}

/**
 * The client an address stands for: an IPv4 address as it is (an IPv4-mapped IPv6 address as its
 * IPv4), an IPv6 address as its /64 network, because one IPv6 host can use any address of its /64
 * (privacy addresses) and would otherwise count as many clients.
 */
export function clientKeyOf(address: string): string {
	const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
	if (mapped) return mapped[1]!;
	if (!address.includes(':')) return address;
	const [head = '', tail] = address.split('%')[0]!.split('::');
	const first = head ? head.split(':') : [];
	const last = tail ? tail.split(':') : [];
	const groups =
		tail === undefined
			? first
			: [...first, ...Array(Math.max(0, 8 - first.length - last.length)).fill('0'), ...last];
	const prefix = groups.slice(0, 4).map((group) => (parseInt(group, 16) || 0).toString(16));
	return `${prefix.join(':')}::/64`;
}

/** How many clients a limiter remembers at most (the least recently seen are forgotten). */
const MAX_CLIENTS = 10_000;

/**
 * The last slots of a pool, kept for clients that hold few: once `slots` or fewer are free, a
 * client holding `fewerThan` or more gets no more, so a few addresses each at their share cannot
 * take every slot from a newcomer.
 */
export interface KeptForFew {
	slots: number;
	fewerThan: number;
}

/**
 * Things held at once (look-ups, streams, runs) in total and per client. `acquire` answers why
 * not, or a release function to call exactly once when the thing ends.
 */
export class ConcurrencyLimit {
	#total = 0;
	readonly #perClient = new Map<string, number>();

	constructor(
		readonly maxTotal: number,
		readonly maxPerClient: number,
		readonly keptForFew?: KeptForFew
	) {}

	/**
	 * Takes a slot for `client`: 'total' when the server is full (or only the slots kept for
	 * clients holding few are free, and this one holds more), 'client' when this client holds its
	 * share, else a release function.
	 */
	acquire(client: string): 'total' | 'client' | (() => void) {
		const mine = this.#perClient.get(client) ?? 0;
		if (this.#total >= this.maxTotal) return 'total';
		if (mine >= this.maxPerClient) return 'client';
		const kept = this.keptForFew;
		if (kept && this.maxTotal - this.#total <= kept.slots && mine >= kept.fewerThan) return 'total';
		this.#total++;
		this.#perClient.set(client, mine + 1);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#total--;
			const left = (this.#perClient.get(client) ?? 1) - 1;
			if (left > 0) this.#perClient.set(client, left);
			else this.#perClient.delete(client);
		};
	}

	/** Slots taken in total. */
	get size(): number {
		return this.#total;
	}

	/** Slots `client` holds. */
	heldBy(client: string): number {
		return this.#perClient.get(client) ?? 0;
	}
}

/**
 * A rate per client: at most `limit` events in any `windowMs`. `take` answers 0 when the event is
 * allowed (and counts it), else the seconds until it would be.
 */
export class RateLimit {
	readonly #events = new Map<string, number[]>();

	constructor(
		readonly limit: number,
		readonly windowMs: number
	) {}

	take(client: string, now = Date.now()): number {
		const times = this.#events.get(client) ?? [];
		while (times.length && (times[0] ?? 0) <= now - this.windowMs) times.shift();
		if (times.length >= this.limit)
			return Math.max(1, Math.ceil(((times[0] ?? now) + this.windowMs - now) / 1000));
		times.push(now);
		// Re-inserting keeps the map in order of last use, so the oldest client is the first key.
		this.#events.delete(client);
		this.#events.set(client, times);
		if (this.#events.size > MAX_CLIENTS) this.#events.delete(this.#events.keys().next().value!);
		return 0;
	}
}

const perSettings = new Map<string, unknown>();

/**
 * One instance per process for each set of settings (`key`): a handler called with the same limits
 * shares the same counters, as every request of the real server does.
 */
export function perProcess<T>(key: string, make: () => T): T {
	if (!perSettings.has(key)) perSettings.set(key, make());
	return perSettings.get(key) as T;
}

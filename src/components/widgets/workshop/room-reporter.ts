import type {
	ExerciseReport,
	RoomJoinResponse,
	RoomProgressRequest,
} from '../../../core/workshop/room-protocol.ts';
import { apiFetch, ApiRefusedError, noAnswerWait } from '../api-refusal.ts';
import type { AttemptDetail } from './attempts.ts';
import type { ProgressStorage } from './progress.ts';
import type { Lang } from '../../../core/i18n/lang.ts';

/** localStorage key of this browser's place in the room (id, token, name). */
export const ROOM_MEMBER_KEY = 'kvcert.room.member.v1';
/** localStorage key of the checks counted so far and the quiz answers. */
export const ROOM_COUNTS_KEY = 'kvcert.room.counts.v1';
/** localStorage key of this browser's join key (see RoomJoinRequest.joinKey). */
export const ROOM_JOIN_KEY = 'kvcert.room.joinKey.v1';

/** How often an open page tells the room it is still there (the facilitator marks silent rows idle). */
export const KEEP_ALIVE_MS = 60_000;

/** This browser's place in the room. */
export type RoomMember = RoomJoinResponse;

/** What the reporter has counted. */
interface Counts {
	exercises: Record<string, { attempts: number; failed: number }>;
	answers: Record<string, string>;
}

/** What the participant's panel shows. */
export type ReporterState =
	| { kind: 'out' }
	| { kind: 'in'; member: RoomMember }
	| { kind: 'waiting'; text: string }
	/** The join got no answer: trying again in the background (`attempt` from 1). */
	| { kind: 'retrying'; attempt: number }
	| { kind: 'error'; text: string }
	/** The room no longer knows this browser (the server restarted): join again. */
	| { kind: 'lost' };

/** What {@link RoomReporter} needs. */
export interface RoomReporterOptions {
	storage: ProgressStorage | undefined;
	lang: Lang;
	/** The exercises, in order. */
	exercises: readonly string[];
	/** The exercises done now (read from the page's progress). */
	done: () => Set<string>;
	onState: (state: ReporterState) => void;
	fetchImpl?: typeof fetch;
	/** Waits between a change and its report. @default 500 */
	settleMs?: number;
	/** @default setTimeout */
	sleep?: (ms: number) => Promise<void>;
	/** @default crypto.getRandomValues */
	randomBytes?: (length: number) => Uint8Array;
}

function read<T>(storage: ProgressStorage | undefined, key: string): T | undefined {
	try {
		const raw = storage?.getItem(key);
		return raw ? (JSON.parse(raw) as T) : undefined;
	} catch {
		return undefined;
	}
}

function write(storage: ProgressStorage | undefined, key: string, value: unknown): void {
	try {
		if (value === undefined) storage?.removeItem(key);
		else storage?.setItem(key, JSON.stringify(value));
	} catch {
		// Storage full or blocked: the room still gets this page's reports.
	}
}

const post = (path: string, body: unknown, fetchImpl: typeof fetch | undefined, lang: string) =>
	apiFetch(
		`${path}?lang=${lang}`,
		{
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		},
		{ timeoutMs: 10_000, attempts: 3, ...(fetchImpl ? { fetchImpl } : {}) }
	);

/**
 * Sends this participant's progress to the room's server, and only that: which exercises are
 * done, how many checks each took (and how many were not right), and the quiz answers as ids.
 * Nothing is sent before the participant joins; leaving stops it. Counts survive a reload.
 */
export class RoomReporter {
	readonly #options: RoomReporterOptions;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#sending: Promise<void> | undefined;
	#again = false;
	/** Bumped by each join and by leave: a background join retry stops when it changes. */
	#joinRun = 0;

	constructor(options: RoomReporterOptions) {
		this.#options = options;
	}

	/** This browser's place in the room, if it joined. */
	get member(): RoomMember | undefined {
		return read<RoomMember>(this.#options.storage, ROOM_MEMBER_KEY);
	}

	/** This browser's join key, made on first use (so a retried join is the same participant). */
	#joinKey(): string {
		const { storage } = this.#options;
		const stored = read<string>(storage, ROOM_JOIN_KEY);
		if (typeof stored === 'string' && /^[\w-]{16,64}$/.test(stored)) return stored;
		const bytes =
			this.#options.randomBytes?.(16) ?? globalThis.crypto.getRandomValues(new Uint8Array(16));
		const key = btoa(String.fromCharCode(...bytes))
			.replace(/\+/g, '-')
			.replace(/\//g, '_')
			.replace(/=/g, '');
		write(storage, ROOM_JOIN_KEY, key);
		return key;
	}

	/**
	 * Joins the room with an optional display name, then reports the progress so far. A join the
	 * server does not answer (timeout, network) is tried again in the background until it answers or
	 * the participant leaves; the join key makes every try the same participant, never a second row.
	 */
	async join(name: string): Promise<void> {
		const { storage, lang, fetchImpl, onState } = this.#options;
		const sleep =
			this.#options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
		const run = ++this.#joinRun;
		const request = { name, lang, joinKey: this.#joinKey() };
		for (let attempt = 1; run === this.#joinRun; attempt++) {
			try {
				const response = await post('/api/room/join', request, fetchImpl, lang);
				const body = (await response.json()) as RoomJoinResponse | { error: { message: string } };
				if (run !== this.#joinRun) return;
				if ('error' in body) return onState({ kind: 'error', text: body.error.message });
				write(storage, ROOM_MEMBER_KEY, body);
				onState({ kind: 'in', member: body });
				this.changed(0);
				return;
			} catch (error) {
				// The server said no (full room, limits): that stands. No answer at all: try again.
				if (error instanceof ApiRefusedError)
					return onState({ kind: 'error', text: error.message });
				if (run !== this.#joinRun) return;
				onState({ kind: 'retrying', attempt });
				await sleep(noAnswerWait(attempt - 1));
			}
		}
	}

	/**
	 * While the page is open and in the room, reports every `intervalMs` so the facilitator sees it
	 * is still there (rows silent for minutes are shown as idle). Returns how to stop.
	 */
	keepAlive(intervalMs = KEEP_ALIVE_MS): () => void {
		const timer = setInterval(() => this.changed(0), intervalMs);
		return () => clearInterval(timer);
	}

	/** Leaves the room: the facilitator no longer lists this participant, nothing more is sent. */
	async leave(): Promise<void> {
		const { storage, lang, fetchImpl, onState } = this.#options;
		const member = this.member;
		this.#joinRun++;
		clearTimeout(this.#timer);
		write(storage, ROOM_MEMBER_KEY, undefined);
		onState({ kind: 'out' });
		if (member)
			await post('/api/room/leave', { token: member.token }, fetchImpl, lang).catch(() => {});
	}

	/** Counts one check (from `kvcert-workshop-attempt`). */
	countAttempt(detail: AttemptDetail): void {
		const counts = this.#counts();
		const entry = (counts.exercises[detail.exercise] ??= { attempts: 0, failed: 0 });
		entry.attempts++;
		if (!detail.ok) entry.failed++;
		// Only the quiz's answers go to the room (CONTRACTS §2); other exercises' ids stay on the page.
		if (detail.exercise === 'quiz' && detail.answers) counts.answers = { ...detail.answers };
		write(this.#options.storage, ROOM_COUNTS_KEY, counts);
		this.changed();
	}

	/** The page's progress changed (`kvcert-workshop-progress`); a reset clears the counts too. */
	progressChanged(): void {
		if (this.#options.done().size === 0) write(this.#options.storage, ROOM_COUNTS_KEY, undefined);
		this.changed();
	}

	/** Reports soon (changes close together make one report). */
	changed(settleMs = this.#options.settleMs ?? 500): void {
		if (!this.member) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#send(), settleMs);
	}

	/** The report the room's server receives: ids, flags and counts only. */
	report(token: string): RoomProgressRequest {
		const counts = this.#counts();
		const done = this.#options.done();
		const exercises: Record<string, ExerciseReport> = {};
		for (const id of new Set([...this.#options.exercises, ...Object.keys(counts.exercises)])) {
			const counted = counts.exercises[id];
			if (!counted && !done.has(id)) continue;
			exercises[id] = {
				done: done.has(id),
				attempts: counted?.attempts ?? 0,
				failed: counted?.failed ?? 0,
			};
		}
		return { token, exercises, answers: counts.answers };
	}

	#counts(): Counts {
		const stored = read<Counts>(this.#options.storage, ROOM_COUNTS_KEY);
		return {
			exercises: stored?.exercises && typeof stored.exercises === 'object' ? stored.exercises : {},
			answers: stored?.answers && typeof stored.answers === 'object' ? stored.answers : {},
		};
	}

	/** Sends the report; one at a time, and once more if something changed meanwhile. */
	async #send(): Promise<void> {
		if (this.#sending) {
			this.#again = true;
			return;
		}
		const member = this.member;
		if (!member) return;
		const { lang, fetchImpl, onState, storage } = this.#options;
		this.#sending = (async () => {
			try {
				const response = await post(
					'/api/room/progress',
					this.report(member.token),
					fetchImpl,
					lang
				);
				if (response.status === 404) {
					write(storage, ROOM_MEMBER_KEY, undefined);
					onState({ kind: 'lost' });
				}
			} catch (error) {
				if (error instanceof ApiRefusedError) onState({ kind: 'error', text: error.message });
			}
		})();
		await this.#sending;
		this.#sending = undefined;
		if (this.#again) {
			this.#again = false;
			await this.#send();
		}
	}
}

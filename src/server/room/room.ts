import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Lang } from '../../core/i18n/lang.ts';
import type {
	ExerciseReport,
	ExerciseState,
	ParticipantState,
	RoomSnapshot,
} from '../../core/workshop/room-protocol.ts';

/** How big a room gets and what one report may hold. */
export interface RoomLimits {
	/** Participants listed at once. @default 100 */
	maxParticipants: number;
	/** Characters of a display name. @default 40 */
	maxNameLength: number;
	/** Exercises in one report. @default 12 */
	maxExercises: number;
	/** Quiz answers in one report. @default 24 */
	maxAnswers: number;
	/** Facilitator sessions at once (the oldest goes first). @default 8 */
	maxFacilitatorSessions: number;
}

export const ROOM_LIMITS: RoomLimits = {
	maxParticipants: 100,
	maxNameLength: 40,
	maxExercises: 12,
	maxAnswers: 24,
	maxFacilitatorSessions: 8,
};

/** An id an exercise, a question or an option may have. */
const ID = /^[A-Z0-9][\w-]{0,31}$/i;
/** Most checks one exercise can report (anything above is clamped). */
const MAX_ATTEMPTS = 10_000;
/** A participant not seen for this long may give its place to a new one when the room is full. */
const IDLE_MS = 30 * 60_000;

interface Participant extends ParticipantState {
	tokenHash: string;
	/** Hash of the browser's join key, when it sent one (a repeated join finds the same row). */
	joinKeyHash?: string;
}

/** A browser's join key: random, made once per browser (base64url, 16 to 64 characters). */
const JOIN_KEY = /^[\w-]{16,64}$/;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** A display name as the room keeps it: no control or bidi characters, spaces squeezed, shortened. */
export function cleanName(value: unknown, maxLength: number): string {
	if (typeof value !== 'string') return '';
	return [
		...value
			// eslint-disable-next-line no-control-regex -- removing control characters is the point
			.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, '')
			.replace(/\s+/g, ' ')
			.trim(),
	]
		.slice(0, maxLength)
		.join('')
		.trim();
}

/** A count from a report: a whole number from 0 to MAX_ATTEMPTS. */
function count(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value)
		? Math.min(MAX_ATTEMPTS, Math.max(0, Math.floor(value)))
		: 0;
}

/** Why a report was not taken. */
export type ReportRefusal = 'unknownParticipant' | 'badReport';

/**
 * A workshop room in memory: who joined, each one's progress per exercise, the room's quiz answers,
 * and the facilitator's key and sessions. Bounded in participants, report sizes and sessions.
 * Listeners hear about every change (the facilitator's live view).
 */
export class Room {
	readonly #participants = new Map<string, Participant>();
	readonly #byToken = new Map<string, string>();
	readonly #byJoinKey = new Map<string, string>();
	readonly #sessions = new Map<string, number>();
	readonly #listeners = new Set<() => void>();
	readonly #keyHash: Buffer;
	#joined = 0;

	/** @param key the facilitator's key for this run (printed by `npm run workshop`). */
	constructor(
		key: string,
		readonly limits: RoomLimits = ROOM_LIMITS
	) {
		this.#keyHash = sha256(key);
	}

	/** Whether `candidate` is the facilitator key (constant time: hashes of equal length compared). */
	isKey(candidate: unknown): boolean {
		return typeof candidate === 'string' && timingSafeEqual(sha256(candidate), this.#keyHash);
	}

	/** A new facilitator session id (the cookie's value); the oldest session goes past the limit. */
	openFacilitatorSession(now = Date.now()): string {
		const id = randomBytes(24).toString('base64url');
		this.#sessions.set(id, now);
		while (this.#sessions.size > this.limits.maxFacilitatorSessions)
			this.#sessions.delete(this.#sessions.keys().next().value!);
		return id;
	}

	/** Whether a cookie value is a facilitator session of this room. */
	isFacilitator(session: string | undefined): boolean {
		return session !== undefined && this.#sessions.has(session);
	}

	/**
	 * Adds a participant; undefined when the room is full (no idle place to give). A join with the
	 * `joinKey` of a listed participant (the same browser joining again, or retrying a join whose
	 * answer it never got) is that participant: same row and progress, a new token, the new name.
	 */
	join(
		name: unknown,
		lang: Lang,
		now = Date.now(),
		joinKey?: unknown
	): { id: string; token: string; name: string } | undefined {
		const joinKeyHash =
			typeof joinKey === 'string' && JOIN_KEY.test(joinKey)
				? sha256(joinKey).toString('hex')
				: undefined;
		const known = joinKeyHash && this.#participants.get(this.#byJoinKey.get(joinKeyHash) ?? '');
		if (known) {
			const token = randomBytes(24).toString('base64url');
			this.#byToken.delete(known.tokenHash);
			known.tokenHash = sha256(token).toString('hex');
			this.#byToken.set(known.tokenHash, known.id);
			known.name = cleanName(name, this.limits.maxNameLength);
			known.lang = lang;
			known.lastSeenAt = now;
			this.#changed();
			return { id: known.id, token, name: known.name };
		}
		if (this.#participants.size >= this.limits.maxParticipants) {
			const idle = [...this.#participants.values()]
				.filter((p) => now - p.lastSeenAt > IDLE_MS)
				.sort((a, b) => a.lastSeenAt - b.lastSeenAt)[0];
			if (!idle) return undefined;
			this.#remove(idle.id);
		}
		const id = randomBytes(9).toString('base64url');
		const token = randomBytes(24).toString('base64url');
		const participant: Participant = {
			id,
			name: cleanName(name, this.limits.maxNameLength),
			number: ++this.#joined,
			lang,
			joinedAt: now,
			lastSeenAt: now,
			exercises: {},
			answers: {},
			tokenHash: sha256(token).toString('hex'),
			...(joinKeyHash ? { joinKeyHash } : {}),
		};
		this.#participants.set(id, participant);
		this.#byToken.set(participant.tokenHash, id);
		if (joinKeyHash) this.#byJoinKey.set(joinKeyHash, id);
		this.#changed();
		return { id, token, name: participant.name };
	}

	/** The participant a token belongs to. */
	#participantOf(token: unknown): Participant | undefined {
		if (typeof token !== 'string' || token.length > 100) return undefined;
		const id = this.#byToken.get(sha256(token).toString('hex'));
		return id === undefined ? undefined : this.#participants.get(id);
	}

	/** Takes a participant's whole progress (exercise ids and answer ids checked and bounded). */
	report(
		token: unknown,
		exercises: unknown,
		answers: unknown,
		now = Date.now()
	): ReportRefusal | undefined {
		const participant = this.#participantOf(token);
		if (!participant) return 'unknownParticipant';
		const isRecord = (v: unknown): v is Record<string, unknown> =>
			!!v && typeof v === 'object' && !Array.isArray(v);
		if (!isRecord(exercises) || !isRecord(answers)) return 'badReport';
		const exerciseEntries = Object.entries(exercises);
		const answerEntries = Object.entries(answers);
		if (
			exerciseEntries.length > this.limits.maxExercises ||
			answerEntries.length > this.limits.maxAnswers ||
			!exerciseEntries.every(([id, value]) => ID.test(id) && isRecord(value)) ||
			!answerEntries.every(
				([id, value]) => ID.test(id) && typeof value === 'string' && ID.test(value)
			)
		)
			return 'badReport';
		const next: Record<string, ExerciseState> = {};
		for (const [id, value] of exerciseEntries) {
			const report = value as Partial<ExerciseReport>;
			const before = participant.exercises[id];
			const attempts = count(report.attempts);
			const state: ExerciseState = {
				done: report.done === true,
				attempts,
				failed: Math.min(attempts, count(report.failed)),
			};
			const firstAt = before?.firstAt ?? (attempts > 0 ? now : undefined);
			if (firstAt !== undefined) state.firstAt = firstAt;
			const lastAt = attempts !== (before?.attempts ?? 0) ? now : before?.lastAt;
			if (lastAt !== undefined) state.lastAt = lastAt;
			const doneAt = state.done ? (before?.doneAt ?? now) : undefined;
			if (doneAt !== undefined) state.doneAt = doneAt;
			next[id] = state;
		}
		participant.exercises = next;
		participant.answers = Object.fromEntries(answerEntries) as Record<string, string>;
		participant.lastSeenAt = now;
		this.#changed();
		return undefined;
	}

	/** Removes the participant of this token (they left); false when unknown. */
	leave(token: unknown): boolean {
		const participant = this.#participantOf(token);
		if (!participant) return false;
		this.#remove(participant.id);
		this.#changed();
		return true;
	}

	#remove(id: string): void {
		const participant = this.#participants.get(id);
		if (!participant) return;
		this.#participants.delete(id);
		this.#byToken.delete(participant.tokenHash);
		if (participant.joinKeyHash) this.#byJoinKey.delete(participant.joinKeyHash);
	}

	/** The room as the facilitator's view shows it. */
	snapshot(now = Date.now()): RoomSnapshot {
		const quiz: Record<string, Record<string, number>> = {};
		const participants = [...this.#participants.values()].map(
			({ tokenHash: _, joinKeyHash: __, ...visible }) => visible
		);
		for (const participant of participants)
			for (const [question, option] of Object.entries(participant.answers)) {
				const options = (quiz[question] ??= {});
				options[option] = (options[option] ?? 0) + 1;
			}
		return { now, participants, quiz, capacity: this.limits.maxParticipants };
	}

	/** How many participants are listed. */
	get size(): number {
		return this.#participants.size;
	}

	/** Calls `listener` after every change; returns how to stop. */
	onChange(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#changed(): void {
		for (const listener of [...this.#listeners]) listener();
	}
}

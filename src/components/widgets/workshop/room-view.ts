import type {
	ExerciseState,
	ParticipantState,
	RoomSnapshot,
} from '../../../core/workshop/room-protocol.ts';
import type { Lang } from '../../../core/i18n/lang.ts';

/** When a participant looks stuck on an exercise that is not done yet. */
export const STUCK = {
	/** Checks that were not right. */
	failedChecks: 3,
	/** Minutes since the first check. */
	minutes: 8,
} as const;

/**
 * Minutes without any report after which a row is idle: an open page reports at least every minute
 * (room-reporter.ts KEEP_ALIVE_MS), so an idle row is a page that was closed, slept or lost its join.
 */
export const IDLE_MINUTES = 5;

/** One exercise cell of the facilitator's table. */
export interface ExerciseCell {
	exercise: string;
	state: 'done' | 'working' | 'notStarted';
	attempts: number;
	failed: number;
	/** Whole minutes since the first check (working only). */
	minutes: number;
	/** The latest check or completion (ms since the epoch), if any. */
	lastActiveAt?: number;
}

/** Why a participant looks stuck, on which exercise. */
export type Stuck =
	| { exercise: string; reason: 'failedChecks'; failed: number }
	| { exercise: string; reason: 'time'; minutes: number };

/** One participant's row. */
export interface ParticipantRow {
	id: string;
	/** The display name, or empty (then the view says "Participant {{number}}"). */
	name: string;
	number: number;
	lang: Lang;
	cells: ExerciseCell[];
	done: number;
	/** Never for an idle row: whoever left is not stuck. */
	stuck: Stuck | undefined;
	/** Whole minutes without a report, when at least {@link IDLE_MINUTES}. */
	idleMinutes: number | undefined;
}

/** The quiz answers of the room for one question. */
export interface QuizTally {
	question: string;
	options: { option: string; count: number }[];
	total: number;
}

/** What the facilitator's view shows. */
export interface RoomView {
	rows: ParticipantRow[];
	/** How many participants finished each exercise, in exercise order. */
	doneBy: { exercise: string; count: number }[];
	quiz: QuizTally[];
	stuckCount: number;
	idleCount: number;
}

function cellOf(exercise: string, state: ExerciseState | undefined, now: number): ExerciseCell {
	const attempts = state?.attempts ?? 0;
	const failed = state?.failed ?? 0;
	const times = [state?.firstAt, state?.lastAt, state?.doneAt].filter((t) => t !== undefined);
	const active = times.length > 0 ? { lastActiveAt: Math.max(...times) } : {};
	if (state?.done) return { exercise, state: 'done', attempts, failed, minutes: 0, ...active };
	if (!state || (attempts === 0 && state.firstAt === undefined))
		return { exercise, state: 'notStarted', attempts, failed, minutes: 0 };
	const minutes = state.firstAt === undefined ? 0 : Math.floor((now - state.firstAt) / 60_000);
	return { exercise, state: 'working', attempts, failed, minutes, ...active };
}

/**
 * The first exercise the participant is working on and looks stuck on, if any. Whoever moved on
 * (checked or finished a later exercise after their last check of this one) is not stuck on it:
 * they gave up on it or skipped it, and the facilitator's ⚠ is for who is stuck now.
 */
export function stuckOn(cells: ExerciseCell[]): Stuck | undefined {
	for (const [i, cell] of cells.entries()) {
		if (cell.state !== 'working') continue;
		const since = cell.lastActiveAt ?? 0;
		if (cells.slice(i + 1).some((later) => (later.lastActiveAt ?? -1) > since)) continue;
		if (cell.failed >= STUCK.failedChecks)
			return { exercise: cell.exercise, reason: 'failedChecks', failed: cell.failed };
		if (cell.minutes >= STUCK.minutes)
			return { exercise: cell.exercise, reason: 'time', minutes: cell.minutes };
	}
	return undefined;
}

/**
 * The facilitator's view of a room snapshot: a row per participant (who looks stuck first, idle
 * rows last, otherwise in the order they joined), how many finished each exercise, and the room's quiz answers. `exercises`
 * gives the columns' order; exercises only a participant reported come after them.
 */
export function roomView(snapshot: RoomSnapshot, exercises: readonly string[]): RoomView {
	const order = [...exercises];
	for (const participant of snapshot.participants)
		for (const id of Object.keys(participant.exercises)) if (!order.includes(id)) order.push(id);
	const rowOf = (participant: ParticipantState): ParticipantRow => {
		const cells = order.map((id) => cellOf(id, participant.exercises[id], snapshot.now));
		const silent = Math.floor((snapshot.now - participant.lastSeenAt) / 60_000);
		const idleMinutes = silent >= IDLE_MINUTES ? silent : undefined;
		return {
			id: participant.id,
			name: participant.name,
			number: participant.number,
			lang: participant.lang,
			cells,
			done: cells.filter((c) => c.state === 'done').length,
			stuck: idleMinutes === undefined ? stuckOn(cells) : undefined,
			idleMinutes,
		};
	};
	const rows = snapshot.participants
		.map(rowOf)
		.sort(
			(a, b) =>
				Number(a.idleMinutes !== undefined) - Number(b.idleMinutes !== undefined) ||
				Number(!!b.stuck) - Number(!!a.stuck) ||
				a.number - b.number
		);
	const quiz = Object.entries(snapshot.quiz)
		.map(([question, counts]) => {
			const options = Object.entries(counts)
				.map(([option, count]) => ({ option, count }))
				.sort((a, b) => a.option.localeCompare(b.option, 'en', { numeric: true }));
			return { question, options, total: options.reduce((sum, o) => sum + o.count, 0) };
		})
		.sort((a, b) => a.question.localeCompare(b.question, 'en', { numeric: true }));
	return {
		rows,
		doneBy: order.map((exercise) => ({
			exercise,
			count: rows.filter((r) => r.cells.find((c) => c.exercise === exercise)?.state === 'done')
				.length,
		})),
		quiz,
		stuckCount: rows.filter((r) => r.stuck).length,
		idleCount: rows.filter((r) => r.idleMinutes !== undefined).length,
	};
}

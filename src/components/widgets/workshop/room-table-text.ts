import type { ExerciseCell, ParticipantRow, QuizTally } from './room-view.ts';

/**
 * What the facilitator's table and quiz tally say, as i18n keys under `kvcert.room.facilitator.`
 * with their values: RoomFacilitator.astro only translates and draws them.
 */
export interface RoomText {
	key: string;
	values: Record<string, string | number>;
}

/** The text of one exercise cell. */
export function cellText(cell: ExerciseCell): RoomText {
	if (cell.state === 'notStarted') return { key: 'cell.notStarted', values: {} };
	return {
		key: `cell.${cell.state}`,
		values: { count: cell.attempts, failed: cell.failed, minutes: cell.minutes },
	};
}

/** The status column: idle, stuck (with why and where), all done, working or not started. */
export function statusText(row: ParticipantRow, exerciseName: (id: string) => string): RoomText {
	if (row.idleMinutes !== undefined)
		return { key: 'status.idle', values: { minutes: row.idleMinutes } };
	if (row.stuck)
		return {
			key: `stuck.${row.stuck.reason}`,
			values: {
				exercise: exerciseName(row.stuck.exercise),
				failed: row.stuck.reason === 'failedChecks' ? row.stuck.failed : 0,
				minutes: row.stuck.reason === 'time' ? row.stuck.minutes : 0,
			},
		};
	if (row.done === row.cells.length) return { key: 'status.allDone', values: {} };
	return {
		key: row.cells.some((c) => c.state !== 'notStarted') ? 'status.working' : 'status.notStarted',
		values: {},
	};
}

/** Exercise D in the page's language: scenarios and option labels by id. */
export interface QuizData {
	questions: { id: string; text: string; answer: string }[];
	options: Record<string, string>;
}

/** One scenario of the tally, ready to draw. */
export interface QuizSection {
	/** The scenario's number in the exercise, or its id when the page does not know it. */
	number: number | string;
	/** The scenario's text, empty when the page does not know it. */
	text: string;
	options: { label: string; expected: boolean; count: number; total: number; percent: number }[];
}

/** The room's quiz tallies in the order of the exercise; scenarios the page does not know go last. */
export function quizSections(tallies: readonly QuizTally[], quiz: QuizData): QuizSection[] {
	const indexOf = (id: string) => quiz.questions.findIndex((q) => q.id === id);
	const rank = (id: string) => {
		const index = indexOf(id);
		return index < 0 ? quiz.questions.length : index;
	};
	return [...tallies]
		.sort((a, b) => rank(a.question) - rank(b.question))
		.map((tally) => {
			const index = indexOf(tally.question);
			const question = quiz.questions[index];
			return {
				number: question ? index + 1 : tally.question,
				text: question?.text ?? '',
				options: tally.options.map(({ option, count }) => ({
					label: quiz.options[option] ?? option,
					expected: question?.answer === option,
					count,
					total: tally.total,
					percent: tally.total ? Math.round((count / tally.total) * 100) : 0,
				})),
			};
		});
}

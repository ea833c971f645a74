import type { ExerciseId } from './progress.ts';

/** Event dispatched on `document` for every check of an exercise (CONTRACTS §2). */
export const ATTEMPT_EVENT = 'kvcert-workshop-attempt';

/** One check of an exercise: whether it passed and, for questions, the ids of the answers chosen. */
export interface AttemptDetail {
	exercise: ExerciseId;
	ok: boolean;
	/** Question id → answer id. Never free text or template text. */
	answers?: Record<string, string>;
}

/** Tells the page (the room reporter, when one runs) that the participant checked an exercise. */
export function reportAttempt(detail: AttemptDetail): void {
	document.dispatchEvent(new CustomEvent<AttemptDetail>(ATTEMPT_EVENT, { detail }));
}

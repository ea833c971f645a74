import type { ExerciseId } from './progress.ts';

/** Event dispatched on `document` for each check of an exercise (CONTRACTS §2). */
export const ATTEMPT_EVENT = 'kvcert-workshop-attempt';

/** One check: which exercise, whether it was right, and for the quiz the answers as ids. */
export interface AttemptDetail {
	exercise: ExerciseId;
	ok: boolean;
	/** Question id → option id (never text the participant typed). */
	answers?: Record<string, string>;
}

/** How long an exercise checked on every edit waits for the typing to pause before it counts. */
export const EDIT_PAUSE_MS = 2000;

const pending = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * Tells the page that an exercise was checked: once per press of Check, or with `afterEdit` once
 * per pause in the editing (an exercise that checks as the participant types). The room reporter
 * (room-reporter.ts) counts these; nothing else listens.
 */
export function reportAttempt(detail: AttemptDetail, options: { afterEdit?: boolean } = {}): void {
	const dispatch = () => {
		document.dispatchEvent(new CustomEvent<AttemptDetail>(ATTEMPT_EVENT, { detail }));
	};
	if (!options.afterEdit) return dispatch();
	clearTimeout(pending.get(detail.exercise));
	pending.set(
		detail.exercise,
		setTimeout(() => {
			pending.delete(detail.exercise);
			dispatch();
		}, EDIT_PAUSE_MS)
	);
}

/**
 * The checked choices under `root` whose input names start with `prefix`, as ids: name without the
 * prefix → value (`kvcert-quiz-2` checked with value `1` → `{"2": "1"}`).
 */
export function checkedAnswers(root: ParentNode, prefix: string): Record<string, string> {
	return Object.fromEntries(
		[...root.querySelectorAll<HTMLInputElement>('input:checked')]
			.filter((input) => input.name.startsWith(prefix))
			.map((input) => [input.name.slice(prefix.length), input.value])
	);
}

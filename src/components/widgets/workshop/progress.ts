/** The workshop's exercises. */
export type ExerciseId = 'template' | 'versions' | 'predict' | 'quiz';

/** Every exercise, in the order of the workshop. */
export const exerciseIds: ExerciseId[] = ['template', 'versions', 'predict', 'quiz'];

/** localStorage key of the progress. */
export const PROGRESS_KEY = 'kvcert.workshop.progress.v1';
/** localStorage key of the text the user edits in exercise A. */
export const TEMPLATE_KEY = 'kvcert.workshop.template.v1';
/** Event dispatched on `document` when the progress changes. */
export const PROGRESS_EVENT = 'kvcert-workshop-progress';

/** Minimal storage interface (localStorage in the browser, a map in tests). */
export interface ProgressStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** Completed exercises; anything unreadable in storage counts as no progress. */
export function loadProgress(storage: ProgressStorage | undefined): Set<ExerciseId> {
	try {
		const raw = storage?.getItem(PROGRESS_KEY);
		const parsed: unknown = raw ? JSON.parse(raw) : [];
		return new Set(
			Array.isArray(parsed)
				? parsed.filter((x): x is ExerciseId => exerciseIds.includes(x as ExerciseId))
				: []
		);
	} catch {
		return new Set();
	}
}

/** Marks an exercise complete and returns the new progress. */
export function completeExercise(
	storage: ProgressStorage | undefined,
	id: ExerciseId
): Set<ExerciseId> {
	const done = loadProgress(storage);
	done.add(id);
	try {
		storage?.setItem(PROGRESS_KEY, JSON.stringify(exerciseIds.filter((x) => done.has(x))));
	} catch {
		// Storage full or blocked: progress lives only in this page.
	}
	return done;
}

/** Forgets all progress. */
export function resetProgress(storage: ProgressStorage | undefined): void {
	try {
		storage?.removeItem(PROGRESS_KEY);
		storage?.removeItem(TEMPLATE_KEY);
	} catch {
		// Nothing stored.
	}
}

/** localStorage when the browser allows it. */
export function browserStorage(): ProgressStorage | undefined {
	try {
		return globalThis.localStorage;
	} catch {
		return undefined;
	}
}

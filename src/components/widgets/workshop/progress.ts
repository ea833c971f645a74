import type { Lang } from '../../../core/i18n/index.ts';

/** The workshop's exercises. */
export type ExerciseId = 'template' | 'versions' | 'predict' | 'quiz' | 'own';

/** Every exercise, in the order of the workshop. */
export const exerciseIds: ExerciseId[] = ['template', 'versions', 'predict', 'quiz', 'own'];

/**
 * localStorage key of the progress in one language. A bilingual session often has the same browser
 * open on /ja/ and /en/: each page keeps its own progress.
 */
export const progressKey = (lang: Lang) => `kvcert.workshop.progress.v2.${lang}`;
/** localStorage key of the text the user edits in exercise A, per language. */
export const templateKey = (lang: Lang) => `kvcert.workshop.template.v2.${lang}`;
/** Keys of the first version, shared by both languages: removed on reset. */
const LEGACY_KEYS = ['kvcert.workshop.progress.v1', 'kvcert.workshop.template.v1'];
/** Event dispatched on `document` when the progress changes. */
export const PROGRESS_EVENT = 'kvcert-workshop-progress';
/** Event dispatched on `document` when the participant resets: every exercise starts again. */
export const RESET_EVENT = 'kvcert-workshop-reset';

/** Minimal storage interface (localStorage in the browser, a map in tests). */
export interface ProgressStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** Completed exercises in one language; anything unreadable in storage counts as no progress. */
export function loadProgress(storage: ProgressStorage | undefined, lang: Lang): Set<ExerciseId> {
	try {
		const raw = storage?.getItem(progressKey(lang));
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

function save(storage: ProgressStorage | undefined, lang: Lang, done: Set<ExerciseId>) {
	try {
		storage?.setItem(progressKey(lang), JSON.stringify(exerciseIds.filter((x) => done.has(x))));
	} catch {
		// Storage full or blocked: progress lives only in this page.
	}
}

/**
 * Records whether an exercise is complete now and returns the new progress. An exercise whose
 * answer is the current text (A, E) calls it after every check, so completion follows the text.
 */
export function setExerciseDone(
	storage: ProgressStorage | undefined,
	lang: Lang,
	id: ExerciseId,
	done: boolean
): Set<ExerciseId> {
	const progress = loadProgress(storage, lang);
	if (progress.has(id) === done) return progress;
	if (done) progress.add(id);
	else progress.delete(id);
	save(storage, lang, progress);
	return progress;
}

/** Forgets all progress of one language, and the first version's shared keys. */
export function resetProgress(storage: ProgressStorage | undefined, lang: Lang): void {
	try {
		for (const key of [progressKey(lang), templateKey(lang), ...LEGACY_KEYS])
			storage?.removeItem(key);
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

/**
 * Stores a completion change and tells the page (the progress box, the room reporter) when it
 * changed. The one way exercises record completion.
 */
export function recordCompletion(lang: Lang, id: ExerciseId, done: boolean): void {
	const storage = browserStorage();
	const before = loadProgress(storage, lang).has(id);
	setExerciseDone(storage, lang, id, done);
	if (before !== done) document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}

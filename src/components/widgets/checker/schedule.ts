// When the checker checks, and whether what it shows belongs to the editor's text: every change bumps
// a version and (re)starts a short pause; a check records the version it started on, and its result
// is shown only if no change came in the meantime. Fixes are offered only while the findings shown
// belong to the current version. Kept apart from the DOM so it is unit-tested.

/** The check scheduling of one widget. */
export interface CheckSchedule {
	/** The text changed: check after a pause, unless more slices of a large text follow (`partial`). */
	changed(partial: boolean, check: () => void): void;
	/** A check starts now; returns the version it checks. */
	started(): number;
	/** Whether no change came after `version`. */
	isLatest(version: number): boolean;
	/** The findings shown now belong to `version`. */
	checked(version: number): void;
	/** Whether the findings shown belong to the current text. */
	isFresh(): boolean;
	/** The current version. */
	version(): number;
}

/** Options of {@link createCheckSchedule}. */
export interface ScheduleOptions {
	/** The pause after the last change before checking (ms). @default 250 */
	delay?: number;
	setTimer?: (run: () => void, ms: number) => unknown;
	clearTimer?: (timer: unknown) => void;
}

/** A new schedule at version 0, nothing checked yet. */
export function createCheckSchedule(options: ScheduleOptions = {}): CheckSchedule {
	const delay = options.delay ?? 250;
	const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
	const clearTimer =
		options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
	let version = 0;
	let checkedVersion = -1;
	let timer: unknown;
	return {
		changed(partial, check) {
			version++;
			clearTimer(timer);
			timer = partial ? undefined : setTimer(check, delay);
		},
		started: () => version,
		isLatest: (v) => v === version,
		checked(v) {
			checkedVersion = v;
		},
		isFresh: () => checkedVersion === version,
		version: () => version,
	};
}

/**
 * The week the demo vault's dates are anchored to: Monday 00:00 UTC of the current week, or of the
 * week that `KVCERT_DEMO_WEEK` names. The demo vault derives its dates (and so its thumbprints) from
 * it, so they stay the same all week and across restarts while the validities stay realistic.
 */

/** The variable that pins the week (any date of it, `YYYY-MM-DD`), e.g. to print handouts early. */
export const DEMO_WEEK_ENV = 'KVCERT_DEMO_WEEK';

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the week that holds `ms`. */
function mondayOf(ms: number): number {
	const day = Math.floor(ms / DAY_MS);
	// 1970-01-01 was a Thursday: day 0 is Thursday, so Monday is (day + 3) % 7 === 0.
	return (day - ((day + 3) % 7)) * DAY_MS;
}

/**
 * Monday 00:00 UTC of the demo week: of `pinned` (a date `YYYY-MM-DD`) when given, else of `now`.
 * Throws a sentence naming the variable when `pinned` is not such a date.
 */
export function demoWeekStart(now: number, pinned?: string): Date {
	const text = pinned?.trim();
	if (!text) return new Date(mondayOf(now));
	const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
	if (!Number.isFinite(ms))
		throw new Error(
			`${DEMO_WEEK_ENV}=${text.slice(0, 40)} is not a date: use YYYY-MM-DD, e.g. 2026-12-07.`
		);
	return new Date(mondayOf(ms));
}

/** The demo week as `YYYY-MM-DD` (its Monday). */
export const demoWeekId = (start: Date) => start.toISOString().slice(0, 10);

import type { WorkshopLocale } from './locale.ts';
import type { ProgressStorage } from './progress.ts';

/**
 * The facilitator's timer as data: wall-clock times, so it keeps counting while the tab is in the
 * background or reloaded, and survives a reload through localStorage.
 */
export interface TimerState {
	/** Epoch ms when the current run started; undefined while paused or never started. */
	runningSince?: number;
	/** Ms counted before the current run. */
	banked: number;
	/** Index of the current agenda block. */
	block: number;
	/** Elapsed ms at which the current block started. */
	blockStart: number;
}

/** localStorage key of the timer (one per browser: the facilitator's). */
export const TIMER_KEY = 'kvcert.workshop.timer.v1';

/** A timer that has not been started. */
export const idleTimer = (): TimerState => ({ banked: 0, block: 0, blockStart: 0 });

/** Ms counted so far at `now`. */
export function elapsedMs(state: TimerState, now: number): number {
	return (
		state.banked + (state.runningSince === undefined ? 0 : Math.max(0, now - state.runningSince))
	);
}

/** Whether the timer was ever started (Previous and Next need that). */
export const started = (state: TimerState) => state.runningSince !== undefined || state.banked > 0;

/** Start, or resume after a pause. */
export function start(state: TimerState, now: number): TimerState {
	return state.runningSince === undefined ? { ...state, runningSince: now } : state;
}

/** Pause: what ran so far is banked. */
export function pause(state: TimerState, now: number): TimerState {
	if (state.runningSince === undefined) return state;
	const { runningSince: _, ...rest } = state;
	return { ...rest, banked: elapsedMs(state, now) };
}

/**
 * Moves to another block (`step` +1 or -1), which starts now. Does nothing before Start, so the
 * timer never runs through the agenda by itself. `blocks` is the agenda's length; one past the
 * last block means the session is over.
 */
export function moveBlock(
	state: TimerState,
	step: 1 | -1,
	blocks: number,
	now: number
): TimerState {
	if (!started(state)) return state;
	const block = Math.min(blocks, Math.max(0, state.block + step));
	return block === state.block ? state : { ...state, block, blockStart: elapsedMs(state, now) };
}

/** What the timer shows at `now`. */
export interface TimerView {
	elapsedSeconds: number;
	/** Seconds left in the current block (negative when over time). */
	leftSeconds: number;
	block: number;
	running: boolean;
	started: boolean;
	finished: boolean;
}

/** The timer's display at `now` for an agenda with these block lengths (minutes). */
export function timerView(state: TimerState, minutes: number[], now: number): TimerView {
	const elapsed = elapsedMs(state, now);
	const length = (minutes[state.block] ?? 0) * 60_000;
	return {
		elapsedSeconds: Math.floor(elapsed / 1000),
		// Rounded up, so elapsed + left always make the block's length (0:00 beside 10:00, not 9:59).
		leftSeconds: Math.ceil((length - (elapsed - state.blockStart)) / 1000),
		block: state.block,
		running: state.runningSince !== undefined,
		started: started(state),
		finished: state.block >= minutes.length,
	};
}

/**
 * A number of seconds as the timer words it, with its units ("12 min 5 s", 「12 分 5 秒」): whole
 * minutes like the agenda's start column, so a clock reading cannot be taken for hours and minutes.
 * No zero padding: that belongs to clock formats, not to a duration in words.
 */
export function duration(locale: WorkshopLocale, seconds: number): string {
	const whole = Math.max(0, Math.floor(seconds));
	return locale.t('timer.duration', {
		m: Math.floor(whole / 60),
		s: whole % 60,
	});
}

/** The stored timer; anything unreadable is an idle timer. */
export function loadTimer(storage: ProgressStorage | undefined, blocks: number): TimerState {
	try {
		const raw = storage?.getItem(TIMER_KEY);
		const x = raw ? (JSON.parse(raw) as Partial<TimerState>) : undefined;
		const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
		if (!x || !ok(x.banked) || !ok(x.block) || !ok(x.blockStart) || x.block > blocks)
			return idleTimer();
		return {
			banked: x.banked,
			block: Math.floor(x.block),
			blockStart: x.blockStart,
			...(ok(x.runningSince) ? { runningSince: x.runningSince } : {}),
		};
	} catch {
		return idleTimer();
	}
}

/** Stores the timer (an idle one is removed). */
export function saveTimer(storage: ProgressStorage | undefined, state: TimerState): void {
	try {
		if (!started(state)) storage?.removeItem(TIMER_KEY);
		else storage?.setItem(TIMER_KEY, JSON.stringify(state));
	} catch {
		// Storage blocked: the timer lives only in this page.
	}
}

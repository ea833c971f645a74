import type { Translate } from '../../../core/i18n/translator.ts';

// The live log: each poll's lines are appended, except that a poll whose lines say what the
// previous poll said (the extension's "Refreshing…" and "Nothing new" every few seconds) only
// counts up one summary line. Pure, so the folding is unit-tested.

/** Lines kept at most (the oldest go first). */
export const LIVE_LOG_MAX_LINES = 500;

/** The live log and what the folding needs to remember. */
export interface LiveLog {
	lines: string[];
	/** The previous poll's lines without their times. */
	previous: string;
	/** Polls since the last new content that said the same again (0: none). */
	repeats: number;
}

/** An empty live log. */
export const emptyLiveLog = (): LiveLog => ({ lines: [], previous: '', repeats: 0 });

/** A log line without its leading ISO time, for comparing polls. */
const untimed = (line: string) => line.replace(/^\d{4}-\d\d-\d\dT\S+\s+/, '');

/** The log after one poll's lines (a new object; `log` is not changed). */
export function appendLivePoll(log: LiveLog, lines: string[], time: string, t: Translate): LiveLog {
	const signature = lines.map(untimed).join('\n');
	if (lines.length && signature === log.previous) {
		const repeats = log.repeats + 1;
		const summary = t('kvcert.simulator.liveRepeated', { count: repeats, time });
		const kept = log.repeats ? log.lines.slice(0, -1) : log.lines;
		return { lines: [...kept, summary], previous: signature, repeats };
	}
	const all = [...log.lines, ...lines];
	return {
		lines: all.slice(Math.max(0, all.length - LIVE_LOG_MAX_LINES)),
		previous: signature,
		repeats: 0,
	};
}

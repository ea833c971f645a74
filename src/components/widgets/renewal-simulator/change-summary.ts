import type { Lang } from '../../../core/i18n/lang.ts';
import type { Translate } from '../../../core/i18n/translator.ts';
import type { PollResult } from '../../../core/simulate/types.ts';
import { statusView } from './store-view.ts';

// The one line beside the buttons that says what the last action changed ("Poll 2: installed
// E118…, linked the renewal"), so the result is on screen where the user clicked, before the
// tables below. Pure, so every case is unit-tested; simulator-app.ts shows it.

/** A thumbprint as the summary names it: its first four digits, enough to find its row. */
export const shortThumbprint = (thumbprint: string): string => `${thumbprint.slice(0, 4)}…`;

/** What one poll changed compared with the poll before it, as short phrases. */
export function pollChanges(
	before: PollResult | undefined,
	after: PollResult | undefined,
	t: Translate
): string[] {
	if (!after) return [];
	const was = new Map((before?.certificates ?? []).map((c) => [c.thumbprint, c]));
	const now = new Set(after.certificates.map((c) => c.thumbprint));
	const changes: string[] = [];
	for (const c of after.certificates)
		if (!was.has(c.thumbprint))
			changes.push(
				t('kvcert.simulator.change.installed', { thumbprint: shortThumbprint(c.thumbprint) })
			);
	if (after.certificates.some((c) => c.renewedBy && !was.get(c.thumbprint)?.renewedBy))
		changes.push(t('kvcert.simulator.change.linked'));
	for (const thumbprint of was.keys())
		if (!now.has(thumbprint))
			changes.push(
				t('kvcert.simulator.change.removed', { thumbprint: shortThumbprint(thumbprint) })
			);
	// A failure is said at every poll it lasts; a recovery once, when the status changes back.
	const status = statusView(after, t);
	const recovered = before !== undefined && statusView(before, t).text !== status.text;
	if (status.tone === 'error' || status.tone === 'busy' || recovered)
		changes.push(t('kvcert.simulator.change.status', { status: status.text }));
	return changes;
}

/** The summary after a poll: "Poll 2: installed E118…, linked the renewal" (or "no change"). */
export function pollSummary(
	pollNumber: number,
	before: PollResult | undefined,
	after: PollResult | undefined,
	t: Translate,
	lang: Lang
): string {
	const changes = pollChanges(before, after, t);
	return t('kvcert.simulator.change.poll', {
		poll: pollNumber,
		changes: changes.length
			? changes.join(lang === 'ja' ? '、' : ', ')
			: t('kvcert.simulator.change.none'),
	});
}

/**
 * The summary after a live poll with news. It stands while later polls change nothing and the poll
 * counter beside it goes on, so it says which poll it is from: "Last change (poll 6): status …"
 * rather than "Poll 6: …", which reads as the poll the counter is at.
 */
export function liveSummary(
	pollNumber: number,
	before: PollResult | undefined,
	after: PollResult,
	t: Translate,
	lang: Lang
): string {
	const changes = pollChanges(before, after, t);
	if (!changes.length) return t('kvcert.simulator.change.noneAsOf', { poll: pollNumber });
	return t('kvcert.simulator.change.lastChange', {
		poll: pollNumber,
		changes: changes.join(lang === 'ja' ? '、' : ', '),
	});
}

/**
 * Whether a live poll deserves a new summary: it changed the store or the status. Live polls come
 * every few seconds and mostly change nothing; a failure that goes on is said once, not every poll.
 */
export function liveNews(before: PollResult | undefined, after: PollResult, t: Translate): boolean {
	const store = (poll: PollResult | undefined) =>
		(poll?.certificates ?? []).map((c) => `${c.thumbprint}>${c.renewedBy ?? ''}`).join(',');
	return store(before) !== store(after) || statusView(before, t).text !== statusView(after, t).text;
}

/** The summary after a vault or VM event: it happened, and the VM sees it at the next poll. */
export function eventSummary(actionLabel: string, t: Translate): string {
	return t('kvcert.simulator.change.pending', { action: actionLabel });
}

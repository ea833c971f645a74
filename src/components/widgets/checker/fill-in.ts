// The "fill in" list: the placeholders a pasted documentation sample still holds (`<examplekv>`,
// `xxxxxx-…`, `...`), one entry per placeholder text with every place it stands, shown before the
// findings so that a reader sees what to replace first. Pure, so it is unit-tested.
import type { Lang, Severity } from '../../../core/check/index.ts';
import type { Translate } from '../../../core/i18n/translator.ts';
import type { FindingView, PlaceView } from './view-model.ts';

/** The rule that names a placeholder (KV054 in core/check). */
export const placeholderRuleId = 'KV054';

/** One entry of the list: a placeholder, what to put there and where it stands. */
export interface FillInEntry {
	/** The KV054 finding's index in the view's findings. */
	index: number;
	/** The placeholder as written (one line, shortened). */
	text: string;
	/** What to put in its place (the finding's message). */
	message: string;
	/** Every place it stands, in the order of the text. */
	places: PlaceView[];
	/** Other findings whose range lies in one of its places (kept out of the findings list). */
	alsoHere: number[];
}

/** The fill-in list of a view's findings, and which findings it takes out of the findings list. */
export interface FillIn {
	entries: FillInEntry[];
	/** Indices of the findings shown in the fill-in list rather than in the findings list. */
	taken: ReadonlySet<number>;
}

const within = (f: FindingView, p: PlaceView) => f.from >= p.from && f.to <= p.to;

/** Splits a view's findings into the placeholders to fill in and the findings that remain. */
export function fillInOf(findings: readonly FindingView[]): FillIn {
	const entries: FillInEntry[] = [];
	const taken = new Set<number>();
	findings.forEach((finding, index) => {
		if (finding.ruleId !== placeholderRuleId) return;
		const places = [
			{ from: finding.from, to: finding.to, line: finding.line, column: finding.column },
			...(finding.places ?? []),
		].sort((a, b) => a.from - b.from);
		entries.push({
			index,
			text: finding.placeholder ?? finding.message,
			message: finding.message,
			places,
			alsoHere: [],
		});
		taken.add(index);
	});
	findings.forEach((finding, index) => {
		if (taken.has(index)) return;
		const entry = entries.find((e) => e.places.some((p) => within(finding, p)));
		if (!entry) return;
		entry.alsoHere.push(index);
		taken.add(index);
	});
	return { entries, taken };
}

/** How many findings of each severity remain once the fill-in list has taken its own. */
export function remainingCounts(
	findings: readonly FindingView[],
	taken: ReadonlySet<number>
): Record<Severity, number> {
	const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
	findings.forEach((f, i) => {
		if (!taken.has(i)) counts[f.severity]++;
	});
	return counts;
}

/**
 * The summary when placeholders are left: "3 placeholders to fill in first, then 2 errors and
 * 1 warning." (counts through the language's plural rules, the list joined as the language joins).
 */
export function fillInSummary(
	placeholders: number,
	counts: Record<Severity, number>,
	lang: Lang,
	t: Translate
): string {
	const rest = (['error', 'warning', 'info'] as const)
		.filter((s) => counts[s] > 0)
		.map((s) => t(`kvcert.checker.fillIn.count.${s}`, { count: counts[s] }));
	if (rest.length === 0) return t('kvcert.checker.fillIn.summaryOnly', { count: placeholders });
	return t('kvcert.checker.fillIn.summary', {
		count: placeholders,
		rest: new Intl.ListFormat(lang, { type: 'conjunction' }).format(rest),
	});
}

/** Whether the findings list gets its own heading: when the fill-in list stands above it. */
export function findingsTitleShown(fillIn: FillIn, findings: readonly FindingView[]): boolean {
	return fillIn.entries.length > 0 && fillIn.taken.size < findings.length;
}

/** The editor's markers: every finding, and a placeholder's marker at each of its places. */
export function markersOf(findings: readonly FindingView[]): FindingView[] {
	return findings.flatMap((f) => [f, ...(f.places ?? []).map((p) => ({ ...f, ...p }))]);
}

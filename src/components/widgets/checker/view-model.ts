// What the findings panel shows for a check result: the state, the summary sentence and one entry per
// finding, with the ranges as editor offsets. Plain data, so the panel and the editor markers agree.
import { parseErrorSentence } from '../../../core/check/index.ts';
import type { CheckResult, Lang, Severity } from '../../../core/check/index.ts';
import type { Translate } from '../../../core/i18n/translator.ts';
import {
	fillInOf,
	fillInSummary,
	placeholderRuleId,
	remainingCounts,
	type FillIn,
} from './fill-in.ts';
import { inputPath } from './protocol.ts';
import { notRecognisedMessageId, unreadableCardMessage } from './unreadable-card.ts';

/** The largest text the checker reads (characters); larger input gets a message instead. */
export const maxInputChars = 20 * 1024 * 1024;

/** The panel's states; each has its own sentence. */
export type CheckerState =
	'empty' | 'tooLarge' | 'unreadable' | 'syntaxError' | 'noExtension' | 'clean' | 'findings';

/** One edit of a fix, in editor offsets. */
export interface EditView {
	from: number;
	to: number;
	insert: string;
}

/** A place in the editor's text. */
export interface PlaceView {
	from: number;
	to: number;
	line: number;
	column: number;
}

/** One row of the findings panel and one editor marker. */
export interface FindingView {
	/** Rule id such as KV015; absent for "not read" findings, which have no rule. */
	ruleId?: string;
	/** The rule's reference page, `/{lang}/rules/<slug>/`. */
	ruleUrl?: string;
	severity: Severity;
	message: string;
	line: number;
	column: number;
	from: number;
	to: number;
	fix?: { description: string; edits: EditView[] };
	/** A placeholder (KV054): as written, shortened to one line. */
	placeholder?: string;
	/** The other places of the same placeholder (KV054). */
	places?: PlaceView[];
}

/** Everything the panel shows. */
export interface CheckerView {
	state: CheckerState;
	/** One or two lines, for the sticky summary bar. */
	summary: string;
	/** What the summary leaves out (what the checker reads, what to do next), in the panel; or ''. */
	detail: string;
	/** Findings of each severity in the findings list (the fill-in list's are not counted). */
	counts: Record<Severity, number>;
	findings: FindingView[];
	/** The placeholders to fill in, and the findings they take out of the findings list. */
	fillIn: FillIn;
	/** How many findings have a fix. */
	fixable: number;
}

/** KV050, JSON syntax: its first error becomes the headline when no extension was found. */
const syntaxRuleId = 'KV050';
/** KV051, input not read: a text of no kind it reads gets the checker's own card. */
const unreadInputRuleId = 'KV051';

const emptyCounts = (): Record<Severity, number> => ({ error: 0, warning: 0, info: 0 });
const noFillIn = (): FillIn => ({ entries: [], taken: new Set() });

/**
 * The view of a text that is not checked: empty (nothing but white space, `blank`), or over the size
 * limit (`length` characters). Takes no text, so a large one is not copied to be looked at.
 */
export function uncheckedView(
	{ length, blank }: { length: number; blank: boolean },
	t: Translate
): CheckerView | undefined {
	if (blank)
		return {
			state: 'empty',
			summary: t('kvcert.checker.state.empty'),
			detail: t('kvcert.checker.state.emptyDetail'),
			counts: emptyCounts(),
			findings: [],
			fillIn: noFillIn(),
			fixable: 0,
		};
	if (length > maxInputChars)
		return {
			state: 'tooLarge',
			summary: t('kvcert.checker.state.tooLarge', {
				size: (length / 1024 / 1024).toFixed(1),
				limit: maxInputChars / 1024 / 1024,
			}),
			detail: t('kvcert.checker.state.tooLargeDetail'),
			counts: emptyCounts(),
			findings: [],
			fillIn: noFillIn(),
			fixable: 0,
		};
	return undefined;
}

/** The panel's view of an engine result, in the page's language. */
export function viewOf(result: CheckResult, lang: Lang, t: Translate): CheckerView {
	const findings: FindingView[] = result.diagnostics
		.filter((d) => d.file === inputPath)
		.map((d) => {
			const edits = d.fix?.edits ?? [];
			const own = edits.length > 0 && edits.every((e) => e.file === inputPath);
			return {
				ruleId: d.ruleId,
				ruleUrl: `/${lang}/rules/${d.ruleName}/`,
				severity: d.severity,
				message:
					d.ruleId === unreadInputRuleId && d.messageId === notRecognisedMessageId
						? unreadableCardMessage(d.data['recognised'], lang, t)
						: d.message,
				line: d.range.start.line,
				column: d.range.start.column,
				from: d.range.start.offset,
				to: d.range.end.offset,
				...(d.ruleId === placeholderRuleId
					? {
							placeholder: d.data['placeholder'] ?? d.message,
							places: d.related
								.filter((r) => r.file === inputPath)
								.map((r) => ({
									from: r.range.start.offset,
									to: r.range.end.offset,
									line: r.range.start.line,
									column: r.range.start.column,
								})),
						}
					: {}),
				...(d.fix && own
					? {
							fix: {
								description: d.fix.description,
								edits: edits.map((e) => ({ from: e.start, to: e.end, insert: e.newText })),
							},
						}
					: {}),
			};
		});

	const fillIn = fillInOf(findings);
	const counts = remainingCounts(findings, fillIn.taken);
	const fixable = findings.filter((f) => f.fix).length;
	const extensions = result.extensionCount;
	let state: CheckerState;
	let summary: string;
	let detail = '';
	const syntax = result.diagnostics.find(
		(d) => d.ruleId === syntaxRuleId && d.severity === 'error' && d.file === inputPath
	);
	if (extensions === 0 && syntax) {
		// Read as JSON up to a mistake: the mistake is the news, not the missing extension.
		state = 'syntaxError';
		summary = t('kvcert.checker.state.syntaxError', {
			line: syntax.range.start.line,
			column: syntax.range.start.column,
			problem: parseErrorSentence(syntax.data['code'] ?? '')[lang],
		});
		detail = t('kvcert.checker.state.syntaxErrorDetail');
	} else if (result.kind === undefined) {
		state = 'unreadable';
		summary = t('kvcert.checker.state.unreadable');
		detail = t('kvcert.checker.state.unreadableDetail');
	} else if (extensions === 0) {
		state = 'noExtension';
		summary = t('kvcert.checker.state.noExtension');
		detail = t('kvcert.checker.state.noExtensionDetail');
	} else if (findings.length === 0) {
		state = 'clean';
		summary =
			extensions === 1
				? t('kvcert.checker.state.cleanOne')
				: t('kvcert.checker.state.cleanMany', { count: extensions });
	} else if (syntax && findings.length > 0) {
		// Read up to a syntax error: the error is the headline (its card comes first), the counts follow.
		state = 'findings';
		summary = t('kvcert.checker.state.syntaxError', {
			line: syntax.range.start.line,
			column: syntax.range.start.column,
			problem: parseErrorSentence(syntax.data['code'] ?? '')[lang],
		});
		detail = t('kvcert.checker.state.findings', {
			extensions,
			errors: counts.error,
			warnings: counts.warning,
			infos: counts.info,
		});
	} else if (fillIn.entries.length > 0) {
		state = 'findings';
		summary = fillInSummary(fillIn.entries.length, counts, lang, t);
	} else {
		state = 'findings';
		summary = t('kvcert.checker.state.findings', {
			extensions,
			errors: counts.error,
			warnings: counts.warning,
			infos: counts.info,
		});
	}
	return { state, summary, detail, counts, findings, fillIn, fixable };
}

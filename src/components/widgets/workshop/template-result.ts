import type { CheckResult } from '../../../core/check/index.ts';
import { workshopText } from './strings.ts';

/** What exercise A shows for a check of the reader's template: a verdict line and the findings. */
export interface TemplateResult {
	/** No errors and at least one extension: the exercise is done. */
	complete: boolean;
	verdict: string;
	errors: string[];
	warnings: string[];
}

/**
 * Exercise A's result for a check, in the page's language. Used at build time for the starting
 * template (so the page shows it without loading the engine) and in the browser after each edit.
 */
export function templateResult(
	{ diagnostics, extensionCount }: Pick<CheckResult, 'diagnostics' | 'extensionCount'>,
	lang: 'ja' | 'en'
): TemplateResult {
	const line = (d: CheckResult['diagnostics'][number]) =>
		`${workshopText(lang, 'a.line', { line: d.range.start.line })}: ${d.ruleId} ${d.message}`;
	const errors = diagnostics.filter((d) => d.severity === 'error');
	const complete = errors.length === 0 && extensionCount > 0;
	return {
		complete,
		verdict: complete
			? `${workshopText(lang, 'a.noErrors')} ${workshopText(lang, 'exercise.done')}`
			: extensionCount === 0
				? workshopText(lang, 'a.noExtension')
				: workshopText(lang, 'a.errors', { count: errors.length }),
		errors: complete ? [] : errors.map(line),
		warnings: diagnostics.filter((d) => d.severity !== 'error').map(line),
	};
}

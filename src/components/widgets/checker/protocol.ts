import type { CheckResult } from '../../../core/check/check.ts';
import type { Lang } from '../../../core/check/types.ts';

/** The file name the checker gives the editor's text in diagnostics and fixes. */
export const inputPath = '<input>';

/** The error name the worker reports when a Bicep or Terraform grammar cannot be fetched. */
export const grammarLoadError = 'GrammarLoadError';

/** A request from the page to the checker's worker. */
export type CheckerRequest =
	| { id: number; type: 'check'; text: string; lang: Lang }
	| { id: number; type: 'fixAll'; text: string; lang: Lang };

/** The worker's answer to a {@link CheckerRequest} with the same id. */
export type CheckerResponse =
	| { id: number; type: 'result'; result: CheckResult }
	| { id: number; type: 'fixed'; text: string; fixed: number }
	| { id: number; type: 'error'; message: string };

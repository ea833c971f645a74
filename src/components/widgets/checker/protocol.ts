import type { CheckResult } from '../../../core/check/index.ts';
import type { Lang } from '../../../core/check/index.ts';
import type { ChangeJson } from './change-json.ts';
import type { EditView } from './view-model.ts';

/** The file name the checker gives the editor's text in diagnostics and fixes. */
export const inputPath = '<input>';

/** The error name the worker reports when a Bicep or Terraform grammar cannot be fetched. */
export const grammarLoadError = 'GrammarLoadError';

/**
 * A message from the page to the checker's worker. The worker keeps its own copy of the editor's
 * text (`reset`, then every `change`), so a check never copies the text on the page's main thread.
 */
export type CheckerRequest =
	| { type: 'reset'; text: string }
	| { type: 'change'; changes: ChangeJson }
	| { id: number; type: 'check'; lang: Lang }
	| { id: number; type: 'fixAll'; lang: Lang };

/** The worker's answer to a check or fixAll request with the same id. */
export type CheckerResponse =
	| { id: number; type: 'result'; result: CheckResult }
	| { id: number; type: 'fixed'; edits: EditView[]; fixed: number }
	| { id: number; type: 'error'; message: string };

import type { Translate } from '../i18n/index.ts';
import { extensionType } from './facts.ts';
import type { ScaffoldOptions } from './options.ts';

export type { Translate };

/** One file the builder writes. */
export interface GeneratedFile {
	/** File name, e.g. `azuredeploy.json`. */
	name: string;
	/** Language for highlighting and the checker: json, bicep, hcl, bash, powershell. */
	language: 'json' | 'bicep' | 'hcl' | 'bash' | 'powershell';
	text: string;
}

/**
 * The words the outputs' comments and descriptions use, in the reader's language. Keys live under
 * `kvcert.builder.out.*` in content/i18n.
 */
export function outputText(options: ScaffoldOptions, t: Translate) {
	const out = (key: string, values: Record<string, string | number> = {}) =>
		t(`kvcert.builder.out.${key}`, values);
	const target = out(`target.${options.target}`);
	return {
		out,
		target,
		summary: out(options.machine === 'new' ? 'summaryNew' : 'summaryExisting', {
			type: extensionType(options.os),
			version: options.version,
			target,
		}),
	};
}

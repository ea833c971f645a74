import type { CheckResult, Diagnostic } from '../../../core/check/index.ts';
import { sentences, type WorkshopLocale } from './locale.ts';

/**
 * The broken template of exercise A: four mistakes a beginner makes. Three are checker errors; the
 * fourth, a versioned URL, is a warning for the checker (for 1.0–3.0 no source says what the
 * extension does with it) but the exercise counts it as an error, because its objective is
 * versionless URLs.
 */
export const brokenTemplate = `{
  "type": "Microsoft.Compute/virtualMachines/extensions",
  "apiVersion": "2023-09-01",
  "name": "vm01/KeyVaultForWindows",
  "location": "japaneast",
  "properties": {
    "publisher": "Microsoft.Azure.KeyVault",
    "type": "KeyVaultForWindows",
    "typeHandlerVersion": "3.0",
    "autoUpgradeMinorVersion": true,
    "settings": {
      "secretsManagementSettings": {
        "pollingIntervalInS": 3600,
        "linkOnRenewal": true,
        "observedCertificates": [
          {
            "url": "https://contoso-kv.vault.azure.net/certificates/webcert",
            "certificateStoreName": "MY",
            "certificateStoreLocation": "localMachine"
          },
          {
            "url": "https://contoso-kv.vault.azure.net/secrets/apicert/5f0c2d9e8b7a4c3d9e1f2a3b4c5d6e7f",
            "certificateStoreName": "MY",
            "certificateStoreLocation": "LocalMachine"
          }
        ]
      }
    }
  }
}
`;

/** The same template with the four mistakes fixed (the facilitator's answer key). */
export const fixedTemplate = brokenTemplate
	.replace('"pollingIntervalInS": 3600,', '"pollingIntervalInS": "3600",')
	.replace('/certificates/webcert', '/secrets/webcert')
	.replace('"localMachine"', '"LocalMachine"')
	.replace('/secrets/apicert/5f0c2d9e8b7a4c3d9e1f2a3b4c5d6e7f', '/secrets/apicert');

/**
 * Rules that are warnings for the checker but block the exercise: a versioned URL (KV016 for the
 * extension's settings, KV043 for a secret URI elsewhere).
 */
const BLOCKING_WARNINGS = new Set(['KV016', 'KV043']);

/** Whether a finding keeps an exercise on templates (A and E) from being complete. */
export function blocksExercise(d: Pick<Diagnostic, 'severity' | 'ruleId'>): boolean {
	return d.severity === 'error' || BLOCKING_WARNINGS.has(d.ruleId);
}

/** One finding as the exercise lists it: the line to jump to and the text after it. */
export interface TemplateFinding {
	line: number;
	/** `KV010 …`, with the exercise's note for a warning it counts as an error. */
	text: string;
}

/** What an exercise on templates shows for a check: a verdict line and the findings. */
export interface TemplateResult {
	/** At least one extension and nothing that blocks: the exercise is done. */
	complete: boolean;
	verdict: string;
	errors: TemplateFinding[];
	warnings: TemplateFinding[];
}

/**
 * Exercise A's own requirement: both certificates stay observed (deleting the apicert entry would
 * silence its finding without fixing it; a wrong URL is the checker's to report). Returns the
 * certificates no URL names any more.
 */
export function missingCertificates(text: string): string[] {
	return ['webcert', 'apicert'].filter(
		(name) => !new RegExp(`\\.vault\\.azure\\.net/\\w+/${name}\\b`).test(text)
	);
}

/**
 * The result of a check of the participant's text, in the page's language. Exercise A renders the
 * starting template's result at build time (so the page shows it without loading the engine) and
 * every later one in the browser; exercise E uses it for the participant's own template.
 */
export function templateResult(
	{ diagnostics, extensionCount }: Pick<CheckResult, 'diagnostics' | 'extensionCount'>,
	locale: WorkshopLocale,
	/** Exercise A passes its text to require both of its certificates. */
	exerciseText?: string
): TemplateResult {
	const finding = (d: Diagnostic): TemplateFinding => {
		const counted = d.severity !== 'error' && blocksExercise(d);
		const note = counted ? ` ${locale.t('a.counted')}` : '';
		return {
			line: d.range.start.line,
			text: `${d.ruleId} ${d.message}${note}`,
		};
	};
	const missing =
		exerciseText === undefined || extensionCount === 0
			? []
			: missingCertificates(exerciseText).map((name): TemplateFinding => ({
					line: lineOf(exerciseText, 'observedCertificates'),
					text: locale.t('a.missing', { name }),
				}));
	const blocking = [...diagnostics.filter(blocksExercise).map(finding), ...missing];
	const complete = blocking.length === 0 && extensionCount > 0;
	return {
		complete,
		verdict: complete
			? sentences(locale.t('a.noErrors'), locale.t('exercise.done'))
			: extensionCount === 0
				? locale.t('a.noExtension')
				: locale.t('a.errors', { count: blocking.length }),
		errors: complete ? [] : blocking,
		warnings: diagnostics.filter((d) => !blocksExercise(d)).map(finding),
	};
}

/** The 1-based line where `needle` first occurs (1 when it does not). */
function lineOf(text: string, needle: string): number {
	const at = text.indexOf(needle);
	return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/** The lines of a text numbered for print: `13 │ "pollingIntervalInS": 3600,`. */
export function numberedLines(text: string): string {
	const lines = text.replace(/\n$/, '').split('\n');
	const width = String(lines.length).length;
	return lines.map((line, i) => `${String(i + 1).padStart(width)} │ ${line}`).join('\n');
}

/** The offsets of a line's start and end (1-based line) in a text, to select it in the editor. */
export function lineOffsets(text: string, line: number): { start: number; end: number } {
	let start = 0;
	for (let n = 1; n < line; n++) {
		const next = text.indexOf('\n', start);
		if (next < 0) return { start: text.length, end: text.length };
		start = next + 1;
	}
	const end = text.indexOf('\n', start);
	return { start, end: end < 0 ? text.length : end };
}

/**
 * A template line cut where a narrow table cell may wrap it: after `/`, `.`, `:` and `,` (a URL
 * between its parts, a property after its name), never inside a name such as `pollingIntervalInS`.
 */
export function wrapPoints(line: string): string[] {
	return line.split(/(?<=[/.:,])/);
}

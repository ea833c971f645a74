import type { CheckResult } from '../engine/check.ts';
import type { SuppressedDiagnostic } from '../suppressions.ts';
import type { Diagnostic, Lang } from '../types.ts';

/** Version of the JSON output schema (README, "kvcert check"). */
export const jsonSchemaVersion = 1;

/** The stable JSON output of `kvcert check --format json`. */
export interface JsonReport {
	version: typeof jsonSchemaVersion;
	tool: { name: 'kvcert'; version: string };
	lang: Lang;
	files: Array<{
		file: string;
		kind: string | null;
		extensions: number;
		/** Extensions whose settings could not be read (and were not checked). */
		unreadSettings: number;
		diagnostics: Diagnostic[];
		/** Findings set aside by a comment or a baseline, each with its `suppression`. */
		suppressed: SuppressedDiagnostic[];
	}>;
	summary: {
		errors: number;
		warnings: number;
		infos: number;
		fixable: number;
		unreadSettings: number;
		suppressed: number;
	};
}

/** Builds the JSON report (see the README for the schema). */
export function buildJsonReport(
	results: CheckResult[],
	lang: Lang,
	toolVersion: string
): JsonReport {
	const all = results.flatMap((r) => r.diagnostics);
	return {
		version: jsonSchemaVersion,
		tool: { name: 'kvcert', version: toolVersion },
		lang,
		files: results.map((r) => ({
			file: r.file,
			kind: r.kind ?? null,
			extensions: r.extensionCount,
			unreadSettings: r.unreadSettings,
			diagnostics: r.diagnostics,
			suppressed: r.suppressed ?? [],
		})),
		summary: {
			errors: all.filter((d) => d.severity === 'error').length,
			warnings: all.filter((d) => d.severity === 'warning').length,
			infos: all.filter((d) => d.severity === 'info').length,
			fixable: all.filter((d) => d.fix).length,
			unreadSettings: results.reduce((sum, r) => sum + r.unreadSettings, 0),
			suppressed: results.reduce((sum, r) => sum + (r.suppressed?.length ?? 0), 0),
		},
	};
}

/** Formats results as the JSON report, pretty-printed. */
export function formatJson(results: CheckResult[], lang: Lang, toolVersion: string): string {
	return `${JSON.stringify(buildJsonReport(results, lang, toolVersion), null, 2)}\n`;
}

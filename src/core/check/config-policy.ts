import type { CheckOptions, CheckResult } from './engine/check.ts';
import { applyRuleLevels } from './config.ts';
import type { ReadFile } from './input/command.ts';
import { applySuppressions, type SuppressionSource } from './suppressions.ts';
import { commentSyntaxOfPath, type CommentSyntax } from './suppressions-comments.ts';
import type { InputKind } from './types.ts';

/**
 * The one place where what the user decided is applied to a check's findings, after the rules ran:
 * rule levels from the config (off / info / warning / error), then inline suppressions. Shared by
 * the CLI and the browser checker through `check`. Baselines are the CLI's (baseline.ts), as they
 * span every checked file.
 */

function syntaxOfInput(kind: InputKind | undefined, path: string): CommentSyntax {
	if (kind === 'bicep' || kind === 'bicepparam') return 'bicep';
	if (kind === 'terraform') return /\.json$/i.test(path) ? 'json' : 'hcl';
	if (kind === 'command') {
		const byPath = commentSyntaxOfPath(path);
		if (byPath === 'powershell' || byPath === 'shell') return byPath;
		return 'powershell';
	}
	return 'json';
}

/**
 * Runs `check` (one input's check) and applies the config's rule levels and the inline suppressions
 * of every text it read: the input, its parameters file and the settings files its commands name.
 */
export function withCheckPolicy(
	text: string,
	options: CheckOptions,
	check: (options: CheckOptions) => CheckResult
): CheckResult {
	const read: SuppressionSource[] = [];
	const given = options.readFile;
	const readFile: ReadFile | undefined = given
		? (path) => {
				const found = given(path);
				if (found !== undefined) {
					const file = typeof found === 'string' ? { path, text: found } : found;
					read.push({ ...file, syntax: commentSyntaxOfPath(file.path) });
				}
				return found;
			}
		: undefined;
	const result = check(readFile ? { ...options, readFile } : options);
	const path = options.path ?? '<input>';
	const sources: SuppressionSource[] = [
		{ path, text, syntax: syntaxOfInput(result.kind, path) },
		...(options.parameters
			? [{ ...options.parameters, syntax: commentSyntaxOfPath(options.parameters.path) }]
			: []),
		...read,
	];
	const hasDirectives = sources.some((source) => source.text.includes('kvcert-disable'));
	if (!hasDirectives && !options.ruleLevels?.size) return result;
	const { diagnostics, suppressed } = applySuppressions(
		applyRuleLevels(result.diagnostics, options.ruleLevels),
		sources,
		options.lang ?? 'en'
	);
	const ordered = applyRuleLevels(diagnostics, options.ruleLevels).sort(
		(a, b) =>
			(a.file === path ? 0 : 1) - (b.file === path ? 0 : 1) ||
			(a.file === b.file ? 0 : a.file.localeCompare(b.file)) ||
			a.range.start.offset - b.range.start.offset
	);
	return { ...result, diagnostics: ordered, ...(suppressed.length > 0 ? { suppressed } : {}) };
}

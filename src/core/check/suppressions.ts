import { createDiagnostic } from './report.ts';
import { findRule } from './rules/index.ts';
import { suppressionCommentRule } from './rules/kv060-suppression-comment.ts';
import { createSource, positionAt, type SourceText } from './source.ts';
import { findComments, type CommentSyntax } from './suppressions-comments.ts';
import type { Diagnostic, Lang } from './types.ts';

/**
 * Inline suppressions: `kvcert-disable-next-line KV015 -- reason`, `kvcert-disable-line …` and the
 * file-wide `kvcert-disable …`, in any input's comment syntax. Pure post-processing over the
 * diagnostics of one check: suppressed findings move aside with their reason, and comments without
 * a reason, without rules, naming unknown rules or silencing nothing are reported (KV060).
 */

/** Why a finding is not counted: an inline comment, or a baseline of known findings. */
export interface Suppression {
	kind: 'inSource' | 'baseline';
	/** The reason written after `--` (empty when none was given), or the baseline file. */
	justification: string;
	/** Where the comment is (inSource only). */
	location?: { file: string; line: number };
}

/** A finding that a comment or a baseline set aside. */
export interface SuppressedDiagnostic extends Diagnostic {
	suppression: Suppression;
}

/** One text whose comments may suppress findings in it. */
export interface SuppressionSource {
	path: string;
	text: string;
	syntax: CommentSyntax;
}

type Scope = 'next-line' | 'line' | 'file';

interface Directive {
	scope: Scope;
	/** Rule ids named, after resolving names; each with whether it silenced anything. */
	rules: Map<string, boolean>;
	reason: string;
	/** The line the directive applies to (next-line, line). */
	target: number;
	line: number;
	at: { source: SourceText; start: number; end: number };
}

const directivePattern =
	/^\s*(?:\*\s*)?kvcert-(disable-next-line|disable-line|disable)(?=\s|$)([\s\S]*)$/;

/** The directives in one text, with KV060 findings for incomplete ones. */
function readDirectives(
	source: SuppressionSource,
	lang: Lang,
	problems: Diagnostic[]
): Directive[] {
	if (!source.text.includes('kvcert-disable')) return [];
	const sourceText = createSource(source.path, source.text);
	const comments = findComments(source.text, source.syntax).filter((c) =>
		c.body.includes('kvcert-disable')
	);
	const directives: Directive[] = [];
	const ownLines = new Set<number>();
	const parsed = comments.flatMap((comment) => {
		const match = directivePattern.exec(withoutClosingStar(comment.body));
		if (!match) return [];
		const line = positionAt(sourceText, comment.start).line;
		const lineStart = source.text.lastIndexOf('\n', comment.start - 1) + 1;
		if (source.text.slice(lineStart, comment.start).trim() === '') ownLines.add(line);
		return [
			{ comment, line, scope: match[1]!.slice('disable-'.length) || 'file', rest: match[2]! },
		];
	});
	for (const { comment, line, scope, rest } of parsed) {
		const at = { source: sourceText, start: comment.start, end: comment.end };
		const report = (messageId: string, data?: Record<string, string>) =>
			problems.push(
				createDiagnostic(suppressionCommentRule, { messageId, ...(data ? { data } : {}), at }, lang)
			);
		const separator = rest.indexOf('--');
		const names = (separator === -1 ? rest : rest.slice(0, separator))
			.split(/[\s,]+/)
			.filter((name) => name !== '');
		const reason = separator === -1 ? '' : rest.slice(separator + 2).trim();
		const rules = new Map<string, boolean>();
		for (const name of names) {
			const rule = findRule(name);
			if (rule) rules.set(rule.id, false);
			else report('unknownRule', { rule: name });
		}
		// A comment that names no rule silences nothing: that is its one problem, reason or not.
		if (names.length === 0) report('noRules');
		else if (reason === '') report('noReason');
		const endLine = positionAt(sourceText, comment.end).line;
		let target = line;
		if (scope === 'next-line') {
			// Stacked directives, each on its own line, all apply to the first line after them.
			target = endLine + 1;
			while (ownLines.has(target)) target++;
		}
		directives.push({
			scope: (scope === 'file' ? 'file' : scope) as Scope,
			rules,
			reason,
			target,
			line,
			at,
		});
	}
	return directives;
}

/** The outcome of applying suppressions to one check's diagnostics. */
export interface SuppressionOutcome {
	/** Findings still counted, with KV060 findings about the comments. */
	diagnostics: Diagnostic[];
	suppressed: SuppressedDiagnostic[];
}

/**
 * Sets aside the findings that a `kvcert-disable…` comment in their own file names. Findings about
 * comments themselves (KV060) are never suppressed. A comment that silenced nothing is reported.
 */
export function applySuppressions(
	diagnostics: Diagnostic[],
	sources: SuppressionSource[],
	lang: Lang
): SuppressionOutcome {
	const problems: Diagnostic[] = [];
	const byFile = new Map<string, Directive[]>();
	for (const source of sources)
		if (!byFile.has(source.path)) byFile.set(source.path, readDirectives(source, lang, problems));
	const kept: Diagnostic[] = [];
	const suppressed: SuppressedDiagnostic[] = [];
	for (const diagnostic of diagnostics) {
		const directive = (byFile.get(diagnostic.file) ?? []).find(
			(d) =>
				d.rules.has(diagnostic.ruleId) &&
				diagnostic.ruleId !== suppressionCommentRule.id &&
				(d.scope === 'file' || d.target === diagnostic.range.start.line)
		);
		if (!directive) {
			kept.push(diagnostic);
			continue;
		}
		directive.rules.set(diagnostic.ruleId, true);
		suppressed.push({
			...diagnostic,
			suppression: {
				kind: 'inSource',
				justification: directive.reason,
				location: { file: diagnostic.file, line: directive.line },
			},
		});
	}
	for (const directives of byFile.values())
		for (const directive of directives)
			for (const [rule, used] of directive.rules)
				if (!used)
					problems.push(
						createDiagnostic(
							suppressionCommentRule,
							{ messageId: 'unused', data: { rule }, at: directive.at },
							lang
						)
					);
	return { diagnostics: [...kept, ...problems], suppressed };
}

/**
 * A comment's body without its trailing white space and the star of a block comment's end
 * (string code: a trailing `/\s*$/` pattern is quadratic on a long run of spaces).
 */
function withoutClosingStar(body: string): string {
	const trimmed = body.trimEnd();
	return trimmed.endsWith('*') ? trimmed.slice(0, -1).trimEnd() : trimmed;
}

import { createRuleContext } from '../context.ts';
import type { FixPolicy, ReadResult } from '../input/reader.ts';
import { pastedFormNames } from '../input/pasted.ts';
import { limits } from '../limits.ts';
import { anchorOf } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { createDiagnostic } from '../report.ts';
import type { ReportDescriptor, Rule } from '../rule.ts';
import { expressionSyntaxRule } from '../rules/kv049-expression-syntax.ts';
import { unreadInputRule } from '../rules/kv051-unread-input.ts';
import type { EvaluationSession } from '../scope.ts';
import type { SourceText } from '../source.ts';
import type { Diagnostic, Fix, Lang } from '../types.ts';
import { syntaxDiagnostics } from './json-syntax.ts';

/** Whether a rule's fix stays right in an input read under the given policy (see `FixPolicy`). */
export function keepsFix(policy: FixPolicy, fix: Fix, inputPath: string): boolean {
	if (policy === 'quoted-shell')
		return !fix.edits.some((e) => e.file === inputPath && /["'\\$`]/.test(e.newText));
	if (policy === 'plain-text') return !fix.edits.some((e) => /["'\\$`[\]{}]/.test(e.newText));
	return true;
}

/** Orders findings: the input's own file first, then by file, place and rule. */
export function compareDiagnostics(inputPath: string) {
	return (a: Diagnostic, b: Diagnostic) =>
		(a.file === inputPath ? 0 : 1) - (b.file === inputPath ? 0 : 1) ||
		(a.file === b.file ? 0 : a.file.localeCompare(b.file)) ||
		a.range.start.offset - b.range.start.offset ||
		(a.ruleId === b.ruleId ? 0 : a.ruleId.localeCompare(b.ruleId));
}

/** What the rule loop needs besides what the reader made. */
export interface RuleRun {
	source: SourceText;
	read: ReadResult;
	fixPolicy: FixPolicy;
	budget: EvaluationSession;
	/** Findings the reader reported itself (syntax, parts not read). */
	readerFindings: Diagnostic[];
	rules: Rule[];
	lang: Lang;
}

/**
 * Runs the rules over every extension the reader found, merges findings at the same place (their
 * related locations joined), and adds what the engine reports itself: syntax, settings not read,
 * limits reached, broken expressions. Sorted for output.
 */
export function runRules(run: RuleRun): Diagnostic[] {
	const { source, read, lang } = run;
	const diagnostics: Diagnostic[] = read.jsonDocuments.flatMap((doc) =>
		syntaxDiagnostics(doc, lang)
	);
	diagnostics.push(...run.readerFindings);
	const engine = (descriptor: ReportDescriptor) =>
		diagnostics.push(createDiagnostic(unreadInputRule, descriptor, lang));
	if (read.pasted)
		engine({
			messageId: 'readAs',
			data: { form: pastedFormNames[read.pasted.form][lang] },
			at: read.pasted.at,
		});
	const byKey = new Map<string, Diagnostic>();
	const active = run.rules.filter((rule) => rule.check);
	let current: Rule = active[0] ?? expressionSyntaxRule;
	const report = (descriptor: ReportDescriptor) => {
		const diagnostic = createDiagnostic(current, descriptor, lang);
		if (diagnostic.fix && !keepsFix(run.fixPolicy, diagnostic.fix, source.path))
			delete diagnostic.fix;
		const key = `${current.id}|${diagnostic.file}|${diagnostic.range.start.offset}|${diagnostic.range.end.offset}|${diagnostic.message}`;
		const existing = byKey.get(key);
		if (existing) {
			for (const related of diagnostic.related)
				if (
					!existing.related.some(
						(r) => r.file === related.file && r.range.start.offset === related.range.start.offset
					)
				)
					existing.related.push(related);
			return;
		}
		byKey.set(key, diagnostic);
		diagnostics.push(diagnostic);
	};
	const extensions = read.document?.extensions ?? [];
	for (const extension of extensions) {
		const context = createRuleContext(extension, report);
		for (const rule of active) {
			current = rule;
			rule.check!(context);
		}
	}
	for (const extension of extensions) {
		const unread = extension.unread;
		if (!unread) continue;
		engine({
			messageId: unread.messageId,
			severity:
				unread.messageId === 'settingStringPath' || unread.messageId === 'settingAsString'
					? 'error'
					: 'info',
			data: unread.data,
			at: unread.anchor,
		});
	}
	for (const event of run.budget.limited)
		engine({
			messageId:
				event.limit === 'depth' ? 'limitDepth' : event.limit === 'size' ? 'limitSize' : 'limitWork',
			data: {
				limit: (event.limit === 'depth' ? limits.evaluationDepth : limits.valueSize).toLocaleString(
					'en'
				),
			},
			at: anchorOf(event.at),
		});
	for (const problem of run.budget.problems.values()) {
		const at = anchorOf({ doc: problem.doc, node: problem.node, scope: undefined });
		diagnostics.push(
			createDiagnostic(
				expressionSyntaxRule,
				{
					messageId: 'broken',
					data: { detail: problem.message },
					at: {
						source: at.source,
						start: problem.offset,
						end: Math.max(problem.offset + 1, at.end - 2),
					},
					related: [{ at, message: relatedMessages.wholeExpression }],
				},
				lang
			)
		);
	}
	return diagnostics.sort(compareDiagnostics(source.path));
}

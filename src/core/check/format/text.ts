import { checkMessages } from '../messages.ts';
import { format } from '../../i18n/format.ts';
import { pluralKey } from '../../i18n/translator.ts';
import { findRule } from '../rules/index.ts';
import { placeholderRule } from '../rules/kv054-placeholder.ts';
import { ruleDocsUrl } from '../docs.ts';
import { createSource, lineText, type SourceText } from '../source.ts';
import type { CheckResult } from '../engine/check.ts';
import type { SuppressedDiagnostic } from '../suppressions.ts';
import type { Diagnostic, Lang, Localized } from '../types.ts';
import { escapeControlCharacters } from '../../terminal-text.ts';

/** Options of the text formatter. */
export interface TextFormatOptions {
	lang: Lang;
	/** File texts by path, to show the source line under each finding. */
	sources: Map<string, string>;
	/** Base URL of the docs site; without it each finding names `kvcert explain <id>`. */
	docsBase?: string;
	/** Show suppressed and baselined findings and list skipped files. */
	verbose?: boolean;
	/** Files not checked: ignored by the config, or holding nothing kvcert reads. */
	skipped?: Array<{ file: string; reason: 'ignored' | 'nothing' }>;
}

/** A counted message: `<key>_one` or `<key>_other` of the table by the language's plural rules. */
function plural(key: string, lang: Lang, count: number): string {
	const table: Readonly<Record<string, Localized>> = checkMessages;
	return format(table[pluralKey(table, key, count, lang)]![lang], { count });
}

/** Text from the input (messages quote it, file names, source lines) made safe for a terminal. */
const safe = (text: string) => escapeControlCharacters(text);

function caretLine(line: string, start: number, end: number): string {
	const prefix = line.slice(0, start - 1).replace(/[^\t]/g, ' ');
	const width = Math.max(1, Math.min(end, line.length + 1) - start);
	return `${prefix}${'^'.repeat(width)}`;
}

/** The places shown of a placeholder's other places; the rest are counted, and listed in SARIF. */
const placesShown = 5;

/** "and 3 more places: 12:5, 30:7, 41:9" for one info naming every place of a placeholder. */
function morePlaces(diagnostic: Diagnostic, lang: Lang): string {
	const places = diagnostic.related.map((r) => `${r.range.start.line}:${r.range.start.column}`);
	const listed = places.slice(0, placesShown).join(lang === 'ja' ? '、' : ', ');
	const table: Readonly<Record<string, Localized>> = checkMessages;
	return format(table[pluralKey(table, 'morePlaces', places.length, lang)]![lang], {
		count: places.length,
		places: places.length > placesShown ? `${listed} …` : listed,
	});
}

function formatDiagnostic(
	diagnostic: Diagnostic,
	options: TextFormatOptions,
	cache: Map<string, SourceText>
): string {
	const { lang } = options;
	const { start, end } = diagnostic.range;
	const lines = [
		`${checkMessages[diagnostic.severity][lang]}[${diagnostic.ruleId}]: ${safe(diagnostic.message)}`,
	];
	lines.push(`  --> ${safe(diagnostic.file)}:${start.line}:${start.column}`);
	const raw = options.sources.get(diagnostic.file);
	if (raw !== undefined) {
		let source = cache.get(diagnostic.file);
		if (!source) {
			source = createSource(diagnostic.file, raw);
			cache.set(diagnostic.file, source);
		}
		const text = lineText(source, start.line);
		const gutter = String(start.line).length;
		const endColumn = end.line === start.line ? end.column : text.length + 1;
		const shown = safe(text.length > 200 ? text.slice(0, 200) : text);
		lines.push(`${' '.repeat(gutter + 1)}|`);
		lines.push(`${start.line} | ${shown}`);
		lines.push(
			`${' '.repeat(gutter + 1)}| ${caretLine(shown, start.column, Math.min(endColumn, shown.length + 1))}`
		);
	}
	if (diagnostic.fix)
		lines.push(`   = ${checkMessages.fix[lang]}: ${safe(diagnostic.fix.description)}`);
	if (diagnostic.ruleId === placeholderRule.id && diagnostic.related.length > 0)
		lines.push(`   = ${checkMessages.note[lang]}: ${morePlaces(diagnostic, lang)}`);
	else
		for (const related of diagnostic.related)
			lines.push(
				`   = ${checkMessages.note[lang]}: ${safe(related.file)}:${related.range.start.line}:${related.range.start.column}: ${safe(related.message)}`
			);
	if ('suppression' in diagnostic) {
		const { suppression } = diagnostic as SuppressedDiagnostic;
		lines.push(
			`   = ${checkMessages[suppression.kind === 'baseline' ? 'knownIn' : 'suppressedBy'][lang]}: ${safe(suppression.justification) || checkMessages.noReason[lang]}`
		);
	}
	const rule = findRule(diagnostic.ruleId);
	if (rule)
		lines.push(
			`   = ${checkMessages.docs[lang]}: ${options.docsBase ? ruleDocsUrl(rule, lang, options.docsBase) : `kvcert explain ${rule.id}`}`
		);
	return lines.join('\n');
}

/**
 * Formats results as human-readable text: each finding with its source line and a caret, then a
 * summary. Control characters from the input (file names, source lines, values in messages) are
 * shown as visible stand-ins, never sent to the terminal.
 */
export function formatText(results: CheckResult[], options: TextFormatOptions): string {
	const { lang } = options;
	const cache = new Map<string, SourceText>();
	const blocks: string[] = [];
	const all = results.flatMap((r) => r.diagnostics);
	const suppressed = results.flatMap((r) => r.suppressed ?? []);
	for (const result of results) {
		for (const diagnostic of result.diagnostics)
			blocks.push(formatDiagnostic(diagnostic, options, cache));
		if (options.verbose)
			for (const diagnostic of result.suppressed ?? [])
				blocks.push(formatDiagnostic(diagnostic, options, cache));
		if (result.kind === 'parameters' && result.extensionCount === 0)
			blocks.push(format(checkMessages.parametersOnly[lang], { file: safe(result.file) }));
		else if (result.extensionCount === 0 && result.diagnostics.length === 0)
			blocks.push(format(checkMessages.noExtension[lang], { file: safe(result.file) }));
		else if (result.diagnostics.length === 0)
			blocks.push(
				format(checkMessages.clean[lang], {
					file: safe(result.file),
					count: result.extensionCount,
				})
			);
		if (result.unreadSettings > 0)
			blocks.push(
				format(checkMessages.unreadSettings[lang], {
					file: safe(result.file),
					count: result.unreadSettings,
				})
			);
	}
	if (all.length > 0)
		blocks.push(
			format(checkMessages.summary[lang], {
				total: all.length,
				errors: all.filter((d) => d.severity === 'error').length,
				warnings: all.filter((d) => d.severity === 'warning').length,
				infos: all.filter((d) => d.severity === 'info').length,
				fixable: all.filter((d) => d.fix).length,
			})
		);
	const inline = suppressed.filter((d) => d.suppression.kind === 'inSource').length;
	const known = suppressed.length - inline;
	const skipped = options.skipped ?? [];
	const notes = [
		...(inline > 0 ? [plural('suppressedCount', lang, inline)] : []),
		...(known > 0 ? [plural('knownCount', lang, known)] : []),
		...(skipped.length > 0 ? [plural('skippedCount', lang, skipped.length)] : []),
	];
	if (notes.length > 0)
		blocks.push(
			[
				...notes,
				...(options.verbose
					? skipped.map(
							(s) =>
								`  ${safe(s.file)}: ${checkMessages[s.reason === 'ignored' ? 'skippedIgnored' : 'skippedNothing'][lang]}`
						)
					: [checkMessages.verboseHint[lang]]),
			].join('\n')
		);
	return `${blocks.join('\n\n')}\n`;
}

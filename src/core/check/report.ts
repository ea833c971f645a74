import type { ReportDescriptor, Rule } from './rule.ts';
import { rangeAt } from './source.ts';
import { format } from '../i18n/format.ts';
import type { Diagnostic, Lang, Localized } from './types.ts';

/** The text of a rule message in a language. */
export function ruleMessage(
	rule: Rule,
	messageId: string,
	lang: Lang,
	data?: Record<string, string | number>
): string {
	const message: Localized | undefined = rule.meta.messages[messageId];
	return format(message ? message[lang] : messageId, data);
}

/** Most characters of one value quoted in a message; a longer one is cut and ends with `…`. */
export const maxQuotedLength = 200;

/** A value as quoted in a message: at most `maxQuotedLength` characters. */
function quoted(value: string | number): string {
	const text = String(value);
	return text.length <= maxQuotedLength ? text : `${text.slice(0, maxQuotedLength - 1)}…`;
}

/** Turns what a rule reported into a positioned, rendered diagnostic. */
export function createDiagnostic(rule: Rule, descriptor: ReportDescriptor, lang: Lang): Diagnostic {
	const data: Record<string, string> = {};
	for (const [key, value] of Object.entries(descriptor.data ?? {})) data[key] = quoted(value);
	const { at } = descriptor;
	const diagnostic: Diagnostic = {
		ruleId: rule.id,
		ruleName: rule.name,
		severity: descriptor.severity ?? rule.severity,
		messageId: descriptor.messageId,
		data,
		message: ruleMessage(rule, descriptor.messageId, lang, {
			...data,
			...Object.fromEntries(Object.entries(descriptor.phrases ?? {}).map(([k, v]) => [k, v[lang]])),
		}),
		file: at.source.path,
		range: rangeAt(at.source, at.start, at.end),
		related: (descriptor.related ?? []).map((r) => ({
			file: r.at.source.path,
			range: rangeAt(r.at.source, r.at.start, r.at.end),
			message: r.message[lang],
		})),
	};
	if (descriptor.fix)
		diagnostic.fix = {
			description: ruleMessage(
				rule,
				descriptor.fix.messageId,
				lang,
				Object.fromEntries(
					Object.entries(descriptor.fix.data ?? {}).map(([k, v]) => [k, quoted(v)])
				)
			),
			edits: descriptor.fix.edits.map((e) => ({
				file: e.at.source.path,
				start: e.at.start,
				end: e.at.end,
				newText: e.text,
			})),
		};
	return diagnostic;
}

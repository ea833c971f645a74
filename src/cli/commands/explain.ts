import {
	checkMessages,
	exampleIn,
	findRule,
	fixMessageIds,
	ruleDocsUrl,
	ruleSources,
	rules,
	type Lang,
	type Localized,
} from '../../core/check/index.ts';
import { displayWidth, escapeControlCharacters, padToColumns } from '../../core/terminal-text.ts';
import { format as fillMessage, placeholdersOf } from '../../core/i18n/format.ts';
import { cliLanguage, langOption } from '../cli-language.ts';
import { docsUrlEnv, resolveDocsBase } from '../docs-base.ts';
import { kvcertHomepage } from '../version.ts';

/** Words around a rule's docs, in ja and en. */
export const explainMessages = {
	usage: {
		ja: `使い方: kvcert explain <ルール ID または名前> [--lang ja|en]

ルールの説明 (確認する内容とその理由、誤りの例と正しい例、出典) を表示します。
例: kvcert explain KV015 または kvcert explain certificates-path`,
		en: `Usage: kvcert explain <rule id or name> [--lang ja|en]

Prints a rule's docs: what it checks and why, a wrong and a right example, and its sources.
Example: kvcert explain KV015 or kvcert explain certificates-path`,
	},
	unknown: {
		ja: 'kvcert explain: "{{rule}}" というルールはありません。ルールの一覧は kvcert rules で確認できます。',
		en: 'kvcert explain: there is no rule "{{rule}}"; kvcert rules lists them.',
	},
	severity: { ja: '既定の重大度', en: 'default severity' },
	wrong: { ja: '誤りの例', en: 'Wrong' },
	right: { ja: '正しい例', en: 'Right' },
	fixes: { ja: '自動修正 (kvcert check --fix)', en: 'Fixed by kvcert check --fix' },
	sources: { ja: '出典', en: 'Sources' },
	page: { ja: '説明ページ', en: 'Docs page' },
} satisfies Record<string, Localized>;

function indent(text: string): string {
	return text
		.trimEnd()
		.split('\n')
		.map((line) => `    ${line}`)
		.join('\n');
}

/** A message template with each `{{name}}` shown as `<name>` (the value depends on the checked text). */
const namedPlaceholders = (template: string) =>
	fillMessage(
		template,
		Object.fromEntries(placeholdersOf(template).map((name) => [name, `<${name}>`]))
	);

/** A rule's docs as text for a terminal. */
export function explainRule(idOrName: string, lang: Lang, docsBase?: string): string | undefined {
	const rule = findRule(idOrName);
	if (!rule) return undefined;
	const m = explainMessages;
	const lines = [
		`${rule.id} ${rule.name}: ${rule.meta.title[lang]}`,
		`${m.severity[lang]}: ${checkMessages[rule.severity][lang]}`,
		'',
		rule.meta.docs[lang],
	];
	if (rule.meta.examples)
		lines.push(
			'',
			`${m.wrong[lang]}:`,
			indent(exampleIn(rule.meta.examples.bad, lang)),
			'',
			`${m.right[lang]}:`,
			indent(exampleIn(rule.meta.examples.good, lang))
		);
	const fixes = fixMessageIds(rule);
	if (fixes.length > 0)
		lines.push(
			'',
			`${m.fixes[lang]}:`,
			// A placeholder is named, as the rule page does: "Replace /<actual>/ with /secrets/".
			...fixes.map((id) => `  - ${namedPlaceholders(rule.meta.messages[id]![lang])}`)
		);
	const sources = ruleSources(rule, lang);
	if (sources.length > 0)
		lines.push('', `${m.sources[lang]}:`, ...sources.map((s) => `  - ${s.title}: ${s.url}`));
	if (docsBase) lines.push('', `${m.page[lang]}: ${ruleDocsUrl(rule, lang, docsBase)}`);
	return `${lines.join('\n')}\n`;
}

/** `kvcert explain <id|name>`: prints a rule's docs; exit 2 for an unknown rule. */
export async function run(args: string[]): Promise<number> {
	const lang = cliLanguage(langOption(args));
	const positionals = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '--lang');
	if (args.includes('--help') || args.includes('-h')) {
		console.log(explainMessages.usage[lang]);
		return 0;
	}
	if (positionals.length !== 1) {
		console.error(explainMessages.usage[lang]);
		return 2;
	}
	const base = resolveDocsBase(undefined, process.env[docsUrlEnv], undefined, kvcertHomepage);
	const text = explainRule(positionals[0]!, lang, base);
	if (!text) {
		console.error(
			escapeControlCharacters(fillMessage(explainMessages.unknown[lang], { rule: positionals[0]! }))
		);
		return 2;
	}
	process.stdout.write(text);
	return 0;
}

/** The rule list for `kvcert rules`: id, name, default severity and title. */
export function listRules(lang: Lang): string {
	const width = Math.max(...rules.map((r) => r.name.length));
	const severityWidth = Math.max(
		...rules.map((r) => displayWidth(checkMessages[r.severity][lang]))
	);
	return `${rules
		.map(
			(r) =>
				`${r.id}  ${r.name.padEnd(width)}  ${padToColumns(checkMessages[r.severity][lang], severityWidth)}  ${r.meta.title[lang]}`
		)
		.join('\n')}\n`;
}

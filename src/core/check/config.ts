import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { format } from '../i18n/format.ts';
import { parseErrorSentence } from './json-parse-errors.ts';
import { findRule } from './rules/index.ts';
import { createSource, positionAt } from './source.ts';
import type { Diagnostic, Lang, Localized, Severity } from './types.ts';

/**
 * `kvcert.config.json`: per-rule levels, ignored paths, and defaults for the CLI's options. Read
 * and validated here (pure); the CLI finds the file (upward from each checked file, or --config).
 * The JSON schema shipped in the package (schemas/kvcert.config.schema.json) describes the same
 * keys, and a test holds the two together.
 */

/** The name kvcert looks for. */
export const configFileName = 'kvcert.config.json';

/** A rule's level in the config: `off` removes its findings, the others set their severity. */
export type RuleLevel = 'off' | Severity;

/** A validated config. */
export interface KvcertConfig {
	/** Levels by rule id (names are resolved to ids). */
	rules: Map<string, RuleLevel>;
	/** Globs of paths not to check, relative to the config file's folder. */
	ignores: string[];
	lang?: Lang;
	failOn?: Severity;
	maxWarnings?: number;
	/** Base address of the rule reference (`{docsUrl}/{lang}/rules/{slug}/`). */
	docsUrl?: string;
}

/** A mistake in a config file, with its place. */
export interface ConfigError {
	line: number;
	column: number;
	message: string;
}

const levels = ['off', 'info', 'warning', 'error'] as const;
const severities = ['info', 'warning', 'error'] as const;
const langs = ['ja', 'en'] as const;
const keys = ['$schema', 'rules', 'ignores', 'lang', 'failOn', 'maxWarnings', 'docsUrl'] as const;

const messages = {
	syntax: { ja: 'JSON の構文エラー: {{problem}}', en: 'not valid JSON: {{problem}}' },
	notObject: {
		ja: '設定ファイルの最上位は JSON オブジェクト ({ … }) にしてください。',
		en: 'the config must be an object ({ … }).',
	},
	unknownKey: {
		ja: '"{{key}}" という設定項目はありません (使える項目: {{allowed}})。',
		en: 'unknown setting "{{key}}" (known: {{allowed}}).',
	},
	unknownRule: {
		ja: '"{{rule}}" というルールはありません。ルールの一覧は kvcert rules で確認できます。',
		en: 'there is no rule "{{rule}}" (kvcert rules lists them).',
	},
	badValue: {
		ja: '"{{key}}" の値が正しくありません。{{allowed}} のいずれかを指定してください。',
		en: 'invalid value for "{{key}}" (one of {{allowed}}).',
	},
	badType: {
		ja: '"{{key}}" の値が正しくありません。{{type}}を指定してください。',
		en: '"{{key}}" must be {{type}}.',
	},
} satisfies Record<string, Localized>;

const types = {
	object: { ja: 'オブジェクト', en: 'an object' },
	strings: { ja: '文字列の配列', en: 'an array of strings' },
	count: { ja: '0 以上の整数', en: 'a whole number, 0 or more' },
	url: { ja: 'http:// または https:// で始まるアドレス', en: 'an http:// or https:// address' },
	string: { ja: '文字列', en: 'a string' },
} satisfies Record<string, Localized>;

/** Parses and validates a config text; every mistake is reported, none is guessed around. */
export function parseConfig(
	text: string,
	lang: Lang
): { config: KvcertConfig; errors: ConfigError[] } {
	const source = createSource(configFileName, text);
	const errors: ConfigError[] = [];
	const config: KvcertConfig = { rules: new Map(), ignores: [] };
	const error = (offset: number, message: Localized, data: Record<string, string> = {}) => {
		const { line, column } = positionAt(source, offset);
		errors.push({ line, column, message: format(message[lang], data) });
	};
	const parseErrors: ParseError[] = [];
	const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
	for (const e of parseErrors)
		error(e.offset, messages.syntax, {
			problem: parseErrorSentence(printParseErrorCode(e.error))[lang],
		});
	if (parseErrors.length > 0) return { config, errors };
	if (root?.type !== 'object') {
		error(root?.offset ?? 0, messages.notObject);
		return { config, errors };
	}
	const oneOf = (node: Node, key: string, allowed: readonly string[]): string | undefined => {
		if (node.type === 'string' && allowed.includes(node.value as string))
			return node.value as string;
		error(node.offset, messages.badValue, { key, allowed: allowed.join(', ') });
		return undefined;
	};
	for (const property of root.children ?? []) {
		const [keyNode, value] = property.children ?? [];
		if (!keyNode || !value) continue;
		const key = keyNode.value as string;
		switch (key) {
			case '$schema':
				if (value.type !== 'string')
					error(value.offset, messages.badType, { key, type: types.string[lang] });
				break;
			case 'rules':
				if (value.type !== 'object') {
					error(value.offset, messages.badType, { key, type: types.object[lang] });
					break;
				}
				for (const entry of value.children ?? []) {
					const [ruleNode, levelNode] = entry.children ?? [];
					if (!ruleNode || !levelNode) continue;
					const rule = findRule(String(ruleNode.value));
					if (!rule) error(ruleNode.offset, messages.unknownRule, { rule: String(ruleNode.value) });
					const level = oneOf(levelNode, `rules.${String(ruleNode.value)}`, levels);
					if (rule && level) config.rules.set(rule.id, level as RuleLevel);
				}
				break;
			case 'ignores':
				if (value.type !== 'array' || value.children?.some((c) => c.type !== 'string')) {
					error(value.offset, messages.badType, { key, type: types.strings[lang] });
					break;
				}
				config.ignores = (value.children ?? []).map((c) => String(c.value));
				break;
			case 'lang': {
				const found = oneOf(value, key, langs);
				if (found) config.lang = found as Lang;
				break;
			}
			case 'failOn': {
				const found = oneOf(value, key, severities);
				if (found) config.failOn = found as Severity;
				break;
			}
			case 'maxWarnings':
				if (value.type !== 'number' || !Number.isSafeInteger(value.value) || value.value < 0)
					error(value.offset, messages.badType, { key, type: types.count[lang] });
				else config.maxWarnings = value.value as number;
				break;
			case 'docsUrl':
				if (value.type !== 'string' || !/^https?:\/\/[^\s/]+/.test(value.value as string))
					error(value.offset, messages.badType, { key, type: types.url[lang] });
				else config.docsUrl = value.value as string;
				break;
			default:
				error(keyNode.offset, messages.unknownKey, { key, allowed: keys.join(', ') });
		}
	}
	return { config, errors };
}

/**
 * Applies rule levels: findings of rules set to `off` are dropped, the others take the level as
 * their severity.
 */
export function applyRuleLevels(
	diagnostics: Diagnostic[],
	rules: ReadonlyMap<string, RuleLevel> | undefined
): Diagnostic[] {
	if (!rules || rules.size === 0) return diagnostics;
	const out: Diagnostic[] = [];
	for (const diagnostic of diagnostics) {
		const level = rules.get(diagnostic.ruleId);
		if (level === 'off') continue;
		out.push(
			level && level !== diagnostic.severity ? { ...diagnostic, severity: level } : diagnostic
		);
	}
	return out;
}

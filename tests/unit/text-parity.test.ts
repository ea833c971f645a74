import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { placeholdersOf } from '../../src/core/i18n/index.ts';
import { checkMessages } from '../../src/core/check/messages.ts';
import { relatedMessages } from '../../src/core/check/related.ts';
import { rules } from '../../src/core/check/rules/index.ts';
import { selectMessages } from '../../src/core/select/messages.ts';
import { noteMessages } from '../../src/core/simulate/messages.ts';

// Where ja and en must say the same thing, they must carry the same facts: the same placeholders,
// the same links, the same code (identifiers, values, error texts in backticks) and the same numbers
// and versions. The shared-paragraph and page-parity tests hold the pages to this; this test holds
// the rule texts (title, docs, messages and fix labels), the simulator, chooser and checker message tables and
// the UI strings (content/i18n) to it.

const read = (path: string) =>
	JSON.parse(
		readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8')
	) as Record<string, string>;

/**
 * The facts of a text that do not depend on its language. Translated parts are left out: the words
 * inside `<…>` placeholders of a path or URL, a month (2025 年 4 月 / April 2025), a base (16 進 /
 * hex), and small counts (2 つ / two), which English spells as words.
 */
function factsOf(text: string) {
	const angles = (s: string) => s.replace(/<[^<>\n]*>/g, '<>');
	const urls = [...text.matchAll(/https?:\/\/(?:<[^<>\n]*>|[^\s)"'`」、。<])+/g)].map((m) =>
		angles(m[0])
			.replace(/\/(?:ja-jp|en-us)\//, '/')
			.replace(/[.,]$/, '')
	);
	// A URL in backticks counts as a URL; a suppression comment's reason (after ` -- `) is prose.
	const code = [...text.matchAll(/`([^`\n]+)`/g)]
		.map((m) => angles(m[1]!).replace(/ -- .*$/, ' --'))
		.filter((span) => !/^https?:\/\//.test(span));
	const prose = text
		.replace(/`[^`\n]+`/g, ' ')
		.replace(/https?:\/\/\S+/g, ' ')
		.replace(/\{\{\w+\}\}/g, ' ')
		.replace(/\d+ 月|16 進/g, ' ')
		.replace(/(\d),(?=\d{3}\b)/g, '$1');
	const numbers = [...prose.matchAll(/(?<![\w.#-])\d+(?:\.\d+)*\b/g)]
		.map((m) => m[0])
		.filter((n) => n.includes('.') || Number(n) >= 10);
	const unique = (list: string[]) => [...new Set(list)].sort();
	return {
		placeholders: placeholdersOf(text),
		urls: unique(urls),
		code: unique(code),
		numbers: unique(numbers),
	};
}

/** Every ja/en pair of a rule's texts: title, docs, each message (fix labels are messages too). */
function ruleTexts() {
	return rules.flatMap((rule): [string, { ja: string; en: string }][] => [
		[`${rule.id} title`, rule.meta.title],
		[`${rule.id} docs`, rule.meta.docs],
		...Object.entries(rule.meta.messages).map(
			([id, message]): [string, { ja: string; en: string }] => [`${rule.id} ${id}`, message]
		),
	]);
}

describe('ja and en texts carry the same facts', () => {
	const texts = ruleTexts();

	test('every rule text is read', () => {
		expect(rules.length).toBeGreaterThan(40);
		expect(texts.length).toBeGreaterThan(rules.length * 3);
	});

	test.each(texts)('rule text %s', (_, { ja, en }) => {
		expect(factsOf(ja)).toEqual(factsOf(en));
	});

	const widgetTables: [string, Record<string, { ja: string; en: string }>][] = [
		['simulator notes', noteMessages],
		['select strategies', selectMessages.strategy],
		['select reasons', selectMessages.reason],
		['select warnings', selectMessages.warning],
		['check summaries', checkMessages as unknown as Record<string, { ja: string; en: string }>],
		['related locations', relatedMessages as unknown as Record<string, { ja: string; en: string }>],
	];
	const widgetTexts = widgetTables.flatMap(([table, messages]) =>
		Object.entries(messages).map(([id, message]): [string, { ja: string; en: string }] => [
			`${table}: ${id}`,
			message,
		])
	);

	test.each(widgetTexts)('%s', (_, { ja, en }) => {
		expect(factsOf(ja)).toEqual(factsOf(en));
	});

	const ja = read('content/i18n/ja.json');
	const en = read('content/i18n/en.json');
	const keys = Object.keys(ja).filter((key) => typeof en[key] === 'string');

	test('the UI strings are read', () => {
		expect(keys.length).toBeGreaterThan(500);
	});

	test('UI strings: the same links, code, numbers and versions in ja and en', () => {
		const differ = keys
			.map((key) => ({ key, ja: factsOf(ja[key]!), en: factsOf(en[key]!) }))
			.filter(({ ja, en }) => JSON.stringify(ja) !== JSON.stringify(en))
			.map(({ key, ja, en }) => `${key}: ja ${JSON.stringify(ja)} en ${JSON.stringify(en)}`);
		expect(differ).toEqual([]);
	});
});

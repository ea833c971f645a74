import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { placeholdersOf, type Localized } from '../../../src/core/i18n/index.ts';
import { cliMessages } from '../../../src/cli/commands/check-messages.ts';
import { explainMessages } from '../../../src/cli/commands/explain.ts';
import { checkMessages } from '../../../src/core/check/messages.ts';
import { rules } from '../../../src/core/check/rules/index.ts';
import { selectMessages } from '../../../src/core/select/messages.ts';
import { noteMessages } from '../../../src/core/simulate/messages.ts';
import { liveMessages } from '../../../src/server/simulator/live-messages.ts';

// The message tables kept in code (rule messages, the simulator's notes, the chooser's texts, the
// live simulator's and the checker's summaries): both languages, the one {{name}} syntax, the same
// placeholders in each. A {name} left from the old syntax would show braces to the reader (a
// template literal's ${x} is code, not a placeholder).
const SINGLE = /(?<![{$])\{[A-Z]\w*\}(?!\})/i;

const tables: [string, Record<string, Localized>][] = [
	...rules.map((rule): [string, Record<string, Localized>] => [
		`rule ${rule.id}`,
		rule.meta.messages,
	]),
	['simulator notes', noteMessages],
	['select strategies', selectMessages.strategy],
	['select reasons', selectMessages.reason],
	['select warnings', selectMessages.warning],
	['check summaries', checkMessages as unknown as Record<string, Localized>],
	['kvcert check', cliMessages],
	['kvcert explain', explainMessages],
	[
		'live simulator',
		Object.fromEntries(
			Object.keys(liveMessages.en).map((code) => [
				code,
				{
					ja: liveMessages.ja[code as keyof typeof liveMessages.ja],
					en: liveMessages.en[code as keyof typeof liveMessages.en],
				},
			])
		),
	],
];

describe('message tables in code', () => {
	test('are all read', () => {
		expect(tables.length).toBeGreaterThan(50);
	});

	for (const [name, table] of tables)
		test(`${name}: {{name}} placeholders only, the same in ja and en`, () => {
			for (const [id, message] of Object.entries(table)) {
				expect(message.ja, `${id} (ja)`).not.toMatch(SINGLE);
				expect(message.en, `${id} (en)`).not.toMatch(SINGLE);
				expect(placeholdersOf(message.ja), id).toEqual(placeholdersOf(message.en));
			}
		});

	// Tables a module keeps to itself (the Action's failure reasons, config and baseline errors)
	// cannot be imported: their `ja:` / `en:` lines are read from the sources instead.
	test('no ja: or en: line in src uses the old {name} syntax', () => {
		const root = fileURLToPath(new URL('../../../src/', import.meta.url));
		const sources = (dir: string): string[] =>
			readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
				entry.isDirectory()
					? sources(join(dir, entry.name))
					: /\.(?:ts|astro)$/.test(entry.name)
						? [join(dir, entry.name)]
						: []
			);
		const files = sources('.');
		expect(files.length).toBeGreaterThan(200);
		const old = files.flatMap((file) =>
			readFileSync(join(root, file), 'utf8')
				.split('\n')
				.filter((line) => /^\s*(?:ja|en):\s*['"`]/.test(line) && SINGLE.test(line))
				.map((line) => `${file}: ${line.trim()}`)
		);
		expect(old).toEqual([]);
	});
});

import { describe, expect, test } from 'vitest';
import { placeholdersOf, type Localized } from '../../../src/core/i18n/index.ts';
import { checkMessages } from '../../../src/core/check/messages.ts';
import { rules } from '../../../src/core/check/rules/index.ts';
import { selectMessages } from '../../../src/core/select/messages.ts';
import { noteMessages } from '../../../src/core/simulate/messages.ts';
import { liveMessages } from '../../../src/server/simulator/live-messages.ts';

// The message tables kept in code (rule messages, the simulator's notes, the chooser's texts, the
// live simulator's and the checker's summaries): both languages, the one {{name}} syntax, the same
// placeholders in each. A {name} left from the old syntax would show braces to the reader.
const SINGLE = /(?<!\{)\{[A-Za-z]\w*\}(?!\})/;

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
});

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkInput } from '../../../src/components/widgets/checker/engine.ts';
import {
	fillInOf,
	fillInSummary,
	findingsTitleShown,
	markersOf,
} from '../../../src/components/widgets/checker/fill-in.ts';
import {
	withoutTaken,
	groupFindings,
} from '../../../src/components/widgets/checker/findings-list.ts';
import { viewOf, type FindingView } from '../../../src/components/widgets/checker/view-model.ts';
import { translatorFor } from '../../../src/core/i18n/index.ts';

const table = (lang: string): Record<string, string> =>
	JSON.parse(readFileSync(new URL(`../../../content/i18n/${lang}.json`, import.meta.url), 'utf8'));
const learn = (name: string) =>
	readFileSync(new URL(`../../fixtures/check/learn-samples/${name}`, import.meta.url), 'utf8');

const place = (line: number, from: number, to: number) => ({ line, column: 1, from, to });
const placeholder = (text: string, at: ReturnType<typeof place>, others: (typeof at)[] = []) =>
	({
		ruleId: 'KV054',
		severity: 'info',
		message: `Replace ${text}`,
		placeholder: text,
		places: others,
		...at,
	}) as FindingView;
const finding = (ruleId: string, severity: FindingView['severity'], at: ReturnType<typeof place>) =>
	({ ruleId, severity, message: ruleId, ...at }) as FindingView;

describe('fill-in list (logic)', () => {
	// `<vm>` at lines 2 and 9, `...` at line 5; an error at line 7 and an info inside `<vm>` on line 9.
	const findings = [
		placeholder('<vm>', place(2, 20, 24), [place(9, 90, 94)]),
		placeholder('...', place(5, 50, 53)),
		finding('KV005', 'error', place(7, 70, 75)),
		finding('KV050', 'info', place(9, 91, 93)),
	];

	test('one entry per placeholder with every place in text order; findings at a place go with it', () => {
		const fillIn = fillInOf(findings);
		expect(fillIn.entries.map((e) => [e.text, e.places.map((p) => p.line), e.alsoHere])).toEqual([
			['<vm>', [2, 9], [3]],
			['...', [5], []],
		]);
		expect([...fillIn.taken].sort()).toEqual([0, 1, 3]);
		// The findings list keeps only the error.
		expect(withoutTaken(groupFindings(findings), fillIn.taken)).toEqual([
			{ kind: 'finding', index: 2 },
		]);
		expect(findingsTitleShown(fillIn, findings)).toBe(true);
		expect(findingsTitleShown(fillInOf(findings.slice(0, 2)), findings.slice(0, 2))).toBe(false);
	});

	test('the editor marks every place of a placeholder', () => {
		expect(markersOf(findings).map((m) => [m.ruleId, m.from])).toEqual([
			['KV054', 20],
			['KV054', 90],
			['KV054', 50],
			['KV005', 70],
			['KV050', 91],
		]);
	});

	test('a group of identical findings loses the members the fill-in list took', () => {
		const twins = [
			finding('KV050', 'info', place(1, 0, 3)),
			finding('KV050', 'info', place(2, 10, 13)),
			finding('KV050', 'info', place(3, 20, 23)),
		];
		const entries = groupFindings(twins);
		expect(withoutTaken(entries, new Set([0]))).toEqual([
			{ kind: 'group', severity: 'info', indices: [1, 2] },
		]);
		expect(withoutTaken(entries, new Set([0, 1]))).toEqual([{ kind: 'finding', index: 2 }]);
	});

	test('the summary counts through plural rules and joins the rest as each language does', () => {
		const en = translatorFor(table('en'), 'en');
		const ja = translatorFor(table('ja'), 'ja');
		const counts = { error: 2, warning: 1, info: 0 };
		expect(fillInSummary(3, counts, 'en', en)).toBe(
			'3 placeholders to fill in first, then 2 errors and 1 warning.'
		);
		expect(fillInSummary(1, { error: 1, warning: 0, info: 3 }, 'en', en)).toBe(
			'1 placeholder to fill in first, then 1 error and 3 info.'
		);
		expect(fillInSummary(1, { error: 0, warning: 0, info: 0 }, 'en', en)).toBe(
			'1 placeholder to fill in; nothing else found.'
		);
		// The Japanese sentence is read from its source; what is pinned is the counts and the join.
		const jaSummary = fillInSummary(3, counts, 'ja', ja);
		expect(jaSummary).toBe(
			ja('kvcert.checker.fillIn.summary', { count: 3, rest: 'エラー 2 件、警告 1 件' })
		);
		expect(jaSummary).toMatch(/3 個.*エラー 2 件、警告 1 件.*。$/);
		expect(fillInSummary(2, { error: 0, warning: 0, info: 0 }, 'ja', ja)).toBe(
			'まずプレースホルダー 2 個を置き換えてください。そのほかの指摘はありません。'
		);
	});
});

for (const lang of ['ja', 'en'] as const)
	describe(`fill-in list of a Learn sample (${lang})`, () => {
		const t = translatorFor(table(lang), lang);

		test('the template sample: six placeholders to fill in, then its one real error', async () => {
			const text = learn('linux-3.0-template.json');
			const view = viewOf(await checkInput(text, lang), lang, t);
			expect(view.fillIn.entries.map((e) => e.text)).toEqual([
				'<location>',
				'<vmName>',
				'<polling interval in seconds, e.g. "3600">',
				expect.stringMatching(/^<An array of KeyVault URIs/),
				expect.stringMatching(/^<Required when msiClientId is provided/),
				expect.stringMatching(/^<Required when VM has any user assigned/),
			]);
			// Each place selects the placeholder as written.
			const [location] = view.fillIn.entries;
			expect(text.slice(location!.places[0]!.from, location!.places[0]!.to)).toBe('<location>');
			// The real defect stays in the findings list, counted in the summary.
			expect(view.counts).toEqual({ error: 1, warning: 0, info: 0 });
			expect(view.summary).toBe(
				lang === 'en'
					? '6 placeholders to fill in first, then 1 error.'
					: t('kvcert.checker.fillIn.summary', { count: 6, rest: 'エラー 1 件' })
			);
		});

		test('filled in, the list empties and the summary is the usual one', async () => {
			const text = learn('windows-4.0-settings.json')
				.replace('<examplekv>', 'kvprod')
				.replace('00001111-aaaa-2222-bbbb-3333cccc4444', '6d2f7a51-3b8e-4c1a-9f0e-2a7b5c8d9e10');
			const view = viewOf(await checkInput(text, lang), lang, t);
			expect(view.fillIn.entries).toEqual([]);
			expect(view.state).toBe('clean');
		});
	});

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { agenda } from '../../../src/components/widgets/workshop/agenda.ts';
import {
	exerciseIds,
	loadProgress,
	progressKey,
	resetProgress,
	setExerciseDone,
	templateKey,
} from '../../../src/components/widgets/workshop/progress.ts';
import {
	workshopLocale,
	workshopStrings,
} from '../../../src/components/widgets/workshop/locale.ts';
import { uiStrings } from '../../../src/core/i18n/ui-strings.ts';
import {
	applyAction,
	initialTimeline,
	runTimeline,
} from '../../../src/components/widgets/renewal-simulator/timeline.ts';
import { scriptedVersion } from '../../../src/core/simulate/index.ts';
import { selectMessages } from '../../../src/core/select/messages.ts';
import { memory } from './memory.ts';

const page = (lang: 'ja' | 'en') =>
	readFileSync(new URL(`../../../content/docs/${lang}/workshop.mdx`, import.meta.url), 'utf8');

describe('agenda', () => {
	test('fills exactly 90 minutes and has one block per exercise, in order', () => {
		expect(agenda.reduce((sum, b) => sum + b.minutes, 0)).toBe(90);
		expect(agenda.flatMap((b) => (b.exercise ? [b.exercise] : []))).toEqual(exerciseIds);
	});

	test.each(['ja', 'en'] as const)(
		'the %s workshop page and facilitator script split each exercise block as the agenda does',
		(lang) => {
			const facilitator = readFileSync(
				new URL(`../../../content/docs/${lang}/workshop/facilitator.mdx`, import.meta.url),
				'utf8'
			);
			const participant = page(lang);
			// The facilitator script's headings and timer run through the same blocks, in order.
			const scriptHeadings = [
				...facilitator.matchAll(/^### (\d+)\. (.+) \((\d+) (?:分|min)[:)]/gm),
			];
			expect(scriptHeadings.map((m) => [Number(m[1]), Number(m[3])])).toEqual(
				agenda.map((b, i) => [i + 1, b.minutes])
			);
			for (const block of agenda.filter((b) => b.exercise)) {
				const work = block.work!;
				const debrief = block.minutes - work;
				expect(work, block.id).toBeGreaterThan(0);
				expect(debrief, block.id).toBeGreaterThan(0);
				const heading =
					lang === 'ja'
						? `${block.title.ja} (${block.minutes} 分: 作業 ${work} 分、振り返り ${debrief} 分)`
						: `${block.title.en} (${block.minutes} min: ${work} of work, ${debrief} of debrief)`;
				expect(facilitator, block.id).toMatch(new RegExp(`^### \\d+\\. ${escape(heading)}$`, 'm'));
				// The participant page: the line right under the exercise's heading.
				const split =
					lang === 'ja'
						? `作業は ${work} 分ほど、その後 ${debrief} 分ほど話し合います。`
						: `About ${work} minutes of work, then ${debrief} minutes of discussion.`;
				expect(participant, block.id).toContain(`### ${block.title[lang]}\n\n${split}\n`);
			}
		}
	);

	test.each(['ja', 'en'] as const)(
		'every exercise block is titled as its heading on the %s workshop page',
		(lang) => {
			const headings = [...page(lang).matchAll(/^### (.+)$/gm)].map((m) => m[1]);
			for (const block of agenda.filter((b) => b.exercise))
				expect(headings, block.id).toContain(block.title[lang]);
		}
	);
});

describe('the facilitator script', () => {
	test.each(['ja', 'en'] as const)(
		'%s: quotes the chooser’s warning for a pinned old thumbprint as the chooser shows it',
		(lang) => {
			const facilitator = readFileSync(
				new URL(`../../../content/docs/${lang}/workshop/facilitator.mdx`, import.meta.url),
				'utf8'
			);
			const quoted = lang === 'ja' ? /「([^」]+)」という警告/ : /the warning "([^"]+)"/;
			// A Japanese quotation drops the closing 。 before 」 (docs/style-ja.md).
			expect(quoted.exec(facilitator)?.[1]).toBe(
				selectMessages.warning.notNewest[lang].replace(/。$/, '')
			);
		}
	);
});

describe('the pre-work page', () => {
	test.each(['ja', 'en'] as const)(
		'%s: npm 11’s allowScripts notice has a troubleshooting row and its source',
		(lang) => {
			const prework = readFileSync(
				new URL(`../../../content/docs/${lang}/workshop/prework.mdx`, import.meta.url),
				'utf8'
			);
			const row = prework
				.split('\n')
				.find((line) => line.includes('not yet covered by allowScripts'));
			// A table row: the symptom as npm prints it, then what to do (leave package.json alone).
			expect(row).toMatch(
				/^\| .*`npm warn install-scripts .*` .* \| .*`npm install-scripts approve`.* \|$/
			);
			expect(prework).toContain('(https://docs.npmjs.com/cli/v11/commands/npm-approve-scripts)');
		}
	);
});

describe('the workshop pages', () => {
	/**
	 * Bold text that names no button: labels of the page's own and names of things outside the site.
	 * A bold label before a colon (`**When**: …`) is a list item's label, never a button.
	 */
	const notWidgetLabels = new Set([
		'Stretch',
		'発展課題',
		'One server for the room',
		'Each participant runs the site',
		'会場に 1 台のサーバーを用意する場合',
		'各参加者がサイトを動かす場合',
		'Key Vault Secrets User',
		'Key Vault シークレット ユーザー',
		'private networks',
		'プライベート ネットワーク',
	]);

	test.each(['ja', 'en'] as const)(
		'every button the %s pages tell to press exists with that label',
		(lang) => {
			const labels = new Set<string>([
				...Object.values(uiStrings(lang)), // the workshop's, the simulator's, the chooser's…
				...Object.values(selectMessages.strategy).map((label) => label[lang]),
			]);
			const facilitator = readFileSync(
				new URL(`../../../content/docs/${lang}/workshop/facilitator.mdx`, import.meta.url),
				'utf8'
			);
			const bold = [...`${page(lang)}\n${facilitator}`.matchAll(/\*\*([^*]+)\*\*(:?)/g)]
				.filter((m) => !m[2])
				.map((m) => m[1]!)
				.filter((text) => !text.endsWith(':') && !notWidgetLabels.has(text));
			expect(bold.length).toBeGreaterThan(10);
			for (const text of bold) expect(labels, text).toContain(text);
		}
	);
});

describe('progress', () => {
	test('is kept per language: done in ja is not done in en; reset clears one language', () => {
		const storage = memory();
		setExerciseDone(storage, 'ja', 'quiz', true);
		setExerciseDone(storage, 'ja', 'template', true);
		expect([...loadProgress(storage, 'ja')].sort()).toEqual(['quiz', 'template']);
		expect(loadProgress(storage, 'en').size).toBe(0);
		setExerciseDone(storage, 'en', 'versions', true);
		storage.setItem(templateKey('ja'), 'x');
		resetProgress(storage, 'ja');
		expect(loadProgress(storage, 'ja').size).toBe(0);
		expect(storage.map.has(templateKey('ja'))).toBe(false);
		expect([...loadProgress(storage, 'en')]).toEqual(['versions']);
	});

	test('completion can be taken back (A follows its text); corrupt storage counts as none', () => {
		const storage = memory();
		setExerciseDone(storage, 'en', 'template', true);
		setExerciseDone(storage, 'en', 'template', false);
		expect(loadProgress(storage, 'en').has('template')).toBe(false);
		storage.setItem(progressKey('en'), '{not json');
		expect(loadProgress(storage, 'en').size).toBe(0);
		storage.setItem(progressKey('en'), '["quiz","bogus",3]');
		expect([...loadProgress(storage, 'en')]).toEqual(['quiz']);
		expect(loadProgress(undefined, 'en').size).toBe(0);
	});
});

describe('strings', () => {
	test('workshop strings come from content/i18n; English plurals by Intl.PluralRules, Japanese one form', () => {
		const en = workshopLocale(uiStrings('en'), 'en');
		const ja = workshopLocale(uiStrings('ja'), 'ja');
		expect(en.t('a.errors', { count: 1 })).toBe('1 error left:');
		expect(en.t('a.errors', { count: 3 })).toBe('3 errors left:');
		expect(en.t('d.wrong', { count: 1, list: '4' })).toMatch(/^Scenario 4 is not/);
		expect(en.t('d.wrong', { count: 2, list: en.list([2, 5]) })).toMatch(
			/^Scenarios 2 and 5 are not/
		);
		expect(ja.t('a.errors', { count: 1 })).toBe('残りのエラーは 1 件です:');
		expect(ja.list([2, 5])).toBe('2、5');
		expect(en.t('a.goToLine', { line: 13 })).toBe('Go to line 13');
		// A widget gets only its groups of strings.
		expect(Object.keys(workshopStrings(uiStrings('en'), ['timer.'])).sort()).toEqual(
			Object.keys(uiStrings('en'))
				.filter((key) => key.startsWith('kvcert.workshop.timer.'))
				.sort()
		);
		expect(workshopStrings(uiStrings('en'), ['timer.'])).not.toHaveProperty(
			'kvcert.workshop.a.label'
		);
	});
});

describe('scripted timeline', () => {
	test('renew then poll: the renewed certificate is installed beside the first', () => {
		let state = initialTimeline('windows', '3.0');
		state = applyAction(state, 'renew');
		expect(runTimeline(state).polls.at(-1)!.certificates).toHaveLength(1);
		state = applyAction(state, 'poll');
		const certificates = runTimeline(state).polls.at(-1)!.certificates;
		expect(certificates.map((c) => c.thumbprint)).toEqual([
			scriptedVersion('webcert', 1, 0).thumbprint,
			scriptedVersion('webcert', 2, 0).thumbprint,
		]);
		// One way to write the subject on the whole workshop page (L8).
		expect(certificates.map((c) => c.subject)).toEqual([
			'CN=www.contoso.test, O=Contoso',
			'CN=www.contoso.test, O=Contoso',
		]);
	});

	test('disable targets the newest version; revoke and grant toggle access', () => {
		let state = applyAction(applyAction(initialTimeline('linux', '3.0'), 'renew'), 'disable');
		const last = state.events.at(-1)!;
		expect(last).toMatchObject({
			kind: 'disable-version',
			version: scriptedVersion('webcert', 2, 0).version,
		});
		state = applyAction(state, 'revoke');
		expect(state.access).toBe(false);
		state = applyAction(applyAction(state, 'grant'), 'poll');
		expect(state.access).toBe(true);
		expect(runTimeline(state).polls).toHaveLength(2);
	});

	test('polls are bounded', () => {
		let state = initialTimeline('windows', '4.0');
		for (let i = 0; i < 150; i++) state = applyAction(state, 'poll');
		expect(runTimeline(state).polls).toHaveLength(100);
	});
});

/** A string as a literal in a regular expression. */
function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

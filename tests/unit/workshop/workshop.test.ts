import { describe, expect, test } from 'vitest';
import { agenda } from '../../../src/components/widgets/workshop/agenda.ts';
import {
	PROGRESS_KEY,
	TEMPLATE_KEY,
	completeExercise,
	loadProgress,
	resetProgress,
	type ProgressStorage,
} from '../../../src/components/widgets/workshop/progress.ts';
import {
	brokenTemplate,
	quiz,
	workshopStrings,
} from '../../../src/components/widgets/workshop/strings.ts';
import {
	applyAction,
	initialTimeline,
	runTimeline,
} from '../../../src/components/widgets/renewal-simulator/timeline.ts';
import { checkSync } from '../../../src/core/check/index.ts';
import { scriptedVersion } from '../../../src/core/simulate/index.ts';

const memory = (): ProgressStorage & { map: Map<string, string> } => {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (k) => map.get(k) ?? null,
		setItem: (k, v) => void map.set(k, v),
		removeItem: (k) => void map.delete(k),
	};
};

describe('workshop', () => {
	test('the agenda fills exactly 90 minutes and has one block per exercise', () => {
		expect(agenda.reduce((sum, b) => sum + b.minutes, 0)).toBe(90);
		expect(agenda.flatMap((b) => (b.exercise ? [b.exercise] : []))).toEqual([
			'template',
			'versions',
			'predict',
			'quiz',
		]);
	});

	test('progress: complete, reload, reset; corrupt storage counts as none', () => {
		const storage = memory();
		expect(loadProgress(storage).size).toBe(0);
		completeExercise(storage, 'quiz');
		completeExercise(storage, 'template');
		expect([...loadProgress(storage)].sort()).toEqual(['quiz', 'template']);
		storage.setItem(TEMPLATE_KEY, 'x');
		resetProgress(storage);
		expect(loadProgress(storage).size).toBe(0);
		expect(storage.map.has(TEMPLATE_KEY)).toBe(false);
		storage.setItem(PROGRESS_KEY, '{not json');
		expect(loadProgress(storage).size).toBe(0);
		storage.setItem(PROGRESS_KEY, '["quiz","bogus",3]');
		expect([...loadProgress(storage)]).toEqual(['quiz']);
		expect(loadProgress(undefined).size).toBe(0);
	});

	test('exercise A: the broken template has exactly three errors, and fixing them leaves none', () => {
		const errors = checkSync(brokenTemplate).diagnostics.filter((d) => d.severity === 'error');
		expect(errors.map((d) => d.ruleId)).toEqual(['KV010', 'KV015', 'KV020']);
		const fixed = brokenTemplate
			.replace('3600,', '"3600",')
			.replace('/certificates/', '/secrets/')
			.replace('localMachine', 'LocalMachine');
		expect(checkSync(fixed).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	});

	test('quiz: both languages ask the same questions with the same answers', () => {
		expect(quiz.ja.questions.map((q) => q.answer)).toEqual(quiz.en.questions.map((q) => q.answer));
		expect(quiz.ja.options).toHaveLength(quiz.en.options.length);
	});

	test.each([['workshop', workshopStrings]] as const)(
		'%s strings: same keys and placeholders in ja and en, ja written in Japanese',
		(_, table) => {
			expect(Object.keys(table.ja).sort()).toEqual(Object.keys(table.en).sort());
			const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
			const same = new Set(['col.notBefore', 'col.notAfter', 'notApplicable', 'none']);
			for (const [key, en] of Object.entries(table.en)) {
				const ja = (table.ja as Record<string, string>)[key]!;
				expect(holes(ja), key).toEqual(holes(en));
				if (!same.has(key)) expect(ja, key).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			}
		}
	);
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

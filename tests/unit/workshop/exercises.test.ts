import { describe, expect, test } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';
import { formatLogLine, scriptedVersion, SCRIPT_START } from '../../../src/core/simulate/index.ts';
import { LiveTimeline } from '../../../src/server/simulator/live-timeline.ts';
import {
	applyAction,
	initialTimeline,
	runTimeline,
	type TimelineAction,
} from '../../../src/components/widgets/renewal-simulator/timeline.ts';
import {
	brokenTemplate,
	fixedTemplate,
	lineOffsets,
	numberedLines,
	templateResult,
	wrapPoints,
} from '../../../src/components/widgets/workshop/template-exercise.ts';
import {
	gradeVersions,
	scriptedVersions,
	versionsAnswerIds,
	vmOutput,
	vmVersions,
} from '../../../src/components/widgets/workshop/versions-exercise.ts';
import {
	demoWeekDates,
	fetchDemoVersions,
} from '../../../src/components/widgets/workshop/versions-source.ts';
import { NO_ANSWER_RETRY_MS } from '../../../src/components/widgets/api-refusal.ts';
import { demoWeekId, demoWeekStart } from '../../../src/emulator/demo-week.ts';
import {
	gradePredict,
	pendingResultKey,
	picks,
	pollOfUpdate,
	predictAnswerIds,
	readyForQuestions,
} from '../../../src/components/widgets/workshop/predict-exercise.ts';
import { quiz } from '../../../src/components/widgets/workshop/quiz.ts';
import {
	quizAnswerIds,
	wrongScenarios,
} from '../../../src/components/widgets/workshop/quiz-grade.ts';
import { workshopLocale } from '../../../src/components/widgets/workshop/locale.ts';
import { uiStrings } from '../../../src/core/i18n/ui-strings.ts';

const langs = ['ja', 'en'] as const;
const locale = (lang: 'ja' | 'en') => workshopLocale(uiStrings(lang), lang);
const check = (text: string, lang: 'ja' | 'en' = 'en') =>
	templateResult(checkSync(text, { lang, path: 'template.json' }), locale(lang));

describe('exercise A', () => {
	test('the broken template has four mistakes; fixing them completes it', () => {
		const start = checkSync(brokenTemplate).diagnostics;
		expect(start.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual([
			'KV010',
			'KV015',
			'KV020',
		]);
		expect(check(brokenTemplate).errors.map((f) => f.text.slice(0, 5))).toEqual([
			'KV010',
			'KV015',
			'KV020',
			'KV016',
		]);
		expect(check(brokenTemplate).verdict).toBe('4 errors left:');
		expect(checkSync(fixedTemplate).diagnostics).toEqual([]);
		expect(check(fixedTemplate).complete).toBe(true);
	});

	test('a versioned /secrets/ URL is not done: the exercise counts it and says why', () => {
		const pinned = fixedTemplate.replace(
			'/secrets/webcert',
			'/secrets/webcert/0123456789abcdef0123456789abcdef'
		);
		for (const lang of langs) {
			const result = check(pinned, lang);
			expect(result.complete).toBe(false);
			expect(result.errors).toHaveLength(1);
			expect(result.errors[0]!.text).toContain('KV016');
			expect(result.errors[0]!.text).toContain(locale(lang).t('a.counted'));
		}
		expect(check(pinned).verdict).toBe('1 error left:');
	});

	test('no extension is not done; findings carry the line the editor selects', () => {
		expect(check('{}').complete).toBe(false);
		expect(check('{}').verdict).toBe(locale('en').t('a.noExtension'));
		const polling = check(brokenTemplate).errors[0]!;
		const { start, end } = lineOffsets(brokenTemplate, polling.line);
		expect(brokenTemplate.slice(start, end).trim()).toBe('"pollingIntervalInS": 3600,');
		expect(lineOffsets('a\nb', 9)).toEqual({ start: 3, end: 3 });
	});

	test('the printed template is numbered like the editor', () => {
		const lines = numberedLines(brokenTemplate).split('\n');
		expect(lines).toHaveLength(brokenTemplate.trimEnd().split('\n').length);
		expect(lines[12]).toBe('13 │         "pollingIntervalInS": 3600,');
	});
});

describe('exercise B', () => {
	const versions = scriptedVersions();

	test('the VM shows the two newest versions, newest first, subject written as Key Vault does', () => {
		expect(vmVersions(versions).map((v) => v.ordinal)).toEqual([2, 3]);
		const output = vmOutput(versions);
		expect(output.indexOf(versions[2]!.thumbprint)).toBeLessThan(
			output.indexOf(versions[1]!.thumbprint)
		);
		expect(output).not.toContain(versions[0]!.thumbprint);
		expect(output).toContain('Subject      : CN=www.contoso.test, O=Contoso');
	});

	test('each question says why: wrong versions named, right answers explained', () => {
		const wrong = gradeVersions(locale('en'), versions, {
			installed: [1, 3],
			current: 2,
			why: 'both',
		});
		expect(wrong.ok).toBe(false);
		const [q1, q2, q3] = wrong.feedback;
		expect(q1!.lines).toEqual([
			expect.stringMatching(/^Version 1: .* appears nowhere in the VM output/),
			expect.stringMatching(/^Version 2: .* is in the VM output, so the VM has it/),
		]);
		expect(q2!.ok).toBe(false);
		expect(q3!.ok).toBe(false);
		const right = gradeVersions(locale('en'), versions, {
			installed: [3, 2],
			current: 3,
			why: 'beside',
		});
		expect(right.ok).toBe(true);
		expect(right.feedback[0]!.lines[0]).toMatch(
			/versions 2 and 3\. When this VM was deployed, version 1 was no longer the current version\./
		);
		expect(right.feedback[1]!.lines[0]).toMatch(/version 3 is the current version/);
		expect(right.feedback[2]!.lines[0]).toMatch(/installed version 2 .* version 3 beside it/);
		expect(gradeVersions(locale('ja'), versions, { installed: [2, 3] }).feedback[1]!.lines).toEqual(
			[locale('ja').t('b.unanswered')]
		);
		expect(versionsAnswerIds({ installed: [3, 2], current: 3, why: 'beside' })).toEqual({
			installed: '2,3',
			current: '3',
			why: 'beside',
		});
	});

	const response = (status: number, body: unknown, headers: Record<string, string> = {}) =>
		new Response(JSON.stringify(body), {
			status,
			headers: { 'content-type': 'application/json', ...headers },
		});
	const thumbprints = {
		vaultUrl: 'https://kvcert-demo.vault.azure.net',
		name: 'webcert',
		truncated: false,
		versions: [3, 2, 1].map((ordinal) => ({
			version: `v${ordinal}`,
			ordinal,
			enabled: true,
			created: '2026-01-01T00:00:00Z',
			notBefore: '2026-01-01T00:00:00Z',
			expires: '2027-01-01T00:00:00Z',
			subject: 'CN=www.contoso.test, O=Contoso',
			sans: [],
			sha1: `${ordinal}`.repeat(40),
			sha256: '',
			x5t: '',
			current: ordinal === 3,
		})),
	};
	const modeBody = { mode: 'demo', demoVaultUrl: 'https://kvcert-demo.vault.azure.net' };

	test('the server answers: live versions, oldest first, with the current one marked', async () => {
		const outcome = await fetchDemoVersions(locale('en'), {
			fetch: async (url) =>
				url.startsWith('/api/vault-mode') ? response(200, modeBody) : response(200, thumbprints),
			sleep: async () => undefined,
		});
		expect(outcome.kind).toBe('live');
		if (outcome.kind === 'live') {
			expect(outcome.versions.map((v) => v.ordinal)).toEqual([1, 2, 3]);
			expect(outcome.versions.find((v) => v.current)?.ordinal).toBe(3);
		}
	});

	test("says which week the demo vault's thumbprints are for, in both languages", async () => {
		const monday = demoWeekId(demoWeekStart(Date.now()));
		const sunday = new Date(Date.parse(monday) + 6 * 86_400_000).toISOString().slice(0, 10);
		const outcome = await fetchDemoVersions(locale('en'), {
			fetch: async (url) =>
				url.startsWith('/api/vault-mode')
					? response(200, { ...modeBody, demoWeek: monday })
					: response(200, thumbprints),
			sleep: async () => undefined,
		});
		expect(outcome).toMatchObject({ kind: 'live', week: monday });
		expect(demoWeekDates(monday)).toEqual({ from: monday, to: sunday });
		for (const lang of langs) {
			const text = locale(lang).t('b.week', demoWeekDates(monday));
			expect(text).toContain(monday);
			expect(text).toContain(sunday);
			expect(text).not.toMatch(/\{\{/);
		}
	});

	test('no answer is a slow room, not a static copy: asks again, says so, and only a 404 means static', async () => {
		const waits: number[] = [];
		const told: string[] = [];
		let silent = 2;
		const slow = await fetchDemoVersions(locale('en'), {
			fetch: async (url) => {
				if (url.startsWith('/api/vault-mode') && silent-- > 0)
					throw new DOMException('The operation timed out.', 'TimeoutError');
				return url.startsWith('/api/vault-mode')
					? response(200, modeBody)
					: response(200, thumbprints);
			},
			sleep: async (ms) => void waits.push(ms),
			onWait: (text) => void told.push(text),
		});
		expect(slow.kind).toBe('live');
		expect(waits).toEqual(NO_ANSWER_RETRY_MS.slice(0, 2));
		expect(told).toEqual(
			NO_ANSWER_RETRY_MS.slice(0, 2).map((ms) =>
				locale('en').t('b.noAnswerRetry', { seconds: ms / 1000 })
			)
		);
		const never = await fetchDemoVersions(locale('ja'), {
			fetch: async () => {
				throw new TypeError('Failed to fetch');
			},
			sleep: async () => undefined,
		});
		expect(never).toEqual({ kind: 'failed', message: locale('ja').t('b.error.noAnswer') });
		const staticHost = await fetchDemoVersions(locale('en'), {
			fetch: async () => new Response('<!doctype html>', { status: 404 }),
			sleep: async () => undefined,
		});
		expect(staticHost).toEqual({ kind: 'static' });
	});

	test('an answer that breaks off while its body is read (a starved browser) is asked again, never "no server"', async () => {
		const waits: number[] = [];
		let broken = 1;
		const cut = () =>
			new Response(
				new ReadableStream({
					start(controller) {
						controller.enqueue(new TextEncoder().encode('{"mode":'));
						controller.error(new DOMException('The operation timed out.', 'TimeoutError'));
					},
				}),
				{ status: 200, headers: { 'content-type': 'application/json' } }
			);
		const outcome = await fetchDemoVersions(locale('en'), {
			fetch: async (url) => {
				if (url.startsWith('/api/vault-mode'))
					return broken-- > 0 ? cut() : response(200, modeBody);
				return response(200, thumbprints);
			},
			sleep: async (ms) => void waits.push(ms),
		});
		expect(outcome.kind).toBe('live');
		expect(waits).toEqual(NO_ANSWER_RETRY_MS.slice(0, 1));
		// Every answer breaks off, the look-up too: "no answer" with Fetch again, not a static site.
		for (const where of ['/api/vault-mode', '/api/thumbprints'])
			expect(
				await fetchDemoVersions(locale('ja'), {
					fetch: async (url) =>
						url.startsWith(where)
							? cut()
							: url.startsWith('/api/vault-mode')
								? response(200, modeBody)
								: response(200, thumbprints),
					sleep: async () => undefined,
				}),
				where
			).toEqual({ kind: 'failed', message: locale('ja').t('b.error.noAnswer') });
		// A server error is a failure to show (with Fetch again), a 405 like a 404 a static host.
		expect(
			(
				await fetchDemoVersions(locale('en'), {
					fetch: async () => response(500, {}),
					sleep: async () => undefined,
				})
			).kind
		).toBe('failed');
		expect(
			await fetchDemoVersions(locale('en'), {
				fetch: async () => new Response('Method Not Allowed', { status: 405 }),
				sleep: async () => undefined,
			})
		).toEqual({ kind: 'static' });
	});

	test('busy: waits as Retry-After says, tells the page, then gets the versions', async () => {
		const waits: number[] = [];
		const told: string[] = [];
		let busy = 2;
		const outcome = await fetchDemoVersions(locale('en'), {
			fetch: async (url) =>
				url.startsWith('/api/vault-mode')
					? response(200, modeBody)
					: busy-- > 0
						? response(
								503,
								{ error: { code: 'busy', message: 'Busy.', retry: 'Again in {{seconds}} s.' } },
								{ 'Retry-After': '3' }
							)
						: response(200, thumbprints),
			sleep: async (ms) => void waits.push(ms),
			onWait: (text) => void told.push(text),
		});
		expect(outcome.kind).toBe('live');
		expect(waits).toEqual([3000, 3000]);
		expect(told).toEqual(['Busy. Again in 3 s.', 'Busy. Again in 3 s.']);
	});

	test('the demo vault did not answer (502, 504 with Retry-After): says so, asks again, gets the versions', async () => {
		const told: string[] = [];
		const failures = [502, 504];
		const outcome = await fetchDemoVersions(locale('en'), {
			fetch: async (url) => {
				if (url.startsWith('/api/vault-mode')) return response(200, modeBody);
				const status = failures.shift();
				return status
					? response(
							status,
							{
								error: {
									code: status === 502 ? 'unreachable' : 'timeout',
									message: 'The local demo vault did not answer.',
									retryAfter: 2,
									retry: 'Trying again in {{seconds}} s.',
								},
							},
							{ 'Retry-After': '2' }
						)
					: response(200, thumbprints);
			},
			sleep: async () => undefined,
			onWait: (text) => void told.push(text),
		});
		expect(outcome.kind).toBe('live');
		expect(told).toEqual([
			'The local demo vault did not answer. Trying again in 2 s.',
			'The local demo vault did not answer. Trying again in 2 s.',
		]);
		// An Azure vault's 502 says nothing about when to retry: the page shows it at once.
		let calls = 0;
		const azure = await fetchDemoVersions(locale('en'), {
			fetch: async (url) =>
				url.startsWith('/api/vault-mode')
					? response(200, modeBody)
					: (calls++, response(502, { error: { code: 'unreachable', message: 'Check DNS.' } })),
			sleep: async () => undefined,
		});
		expect(azure).toEqual({ kind: 'failed', message: 'Check DNS.' });
		expect(calls).toBe(1);
	});

	test('a refused host, no server, a static 404 and a failure each say what happened', async () => {
		const refused = await fetchDemoVersions(locale('en'), {
			fetch: async () =>
				response(403, { error: { code: 'hostNotAllowed', message: 'Host not allowed.' } }),
			sleep: async () => undefined,
		});
		expect(refused).toEqual({ kind: 'refused', message: 'Host not allowed.' });
		const none = await fetchDemoVersions(locale('en'), {
			fetch: async () => {
				throw new TypeError('Failed to fetch');
			},
			sleep: async () => undefined,
		});
		expect(none).toEqual({ kind: 'failed', message: locale('en').t('b.error.noAnswer') });
		const notFound = await fetchDemoVersions(locale('en'), {
			fetch: async () => new Response('<html>', { status: 404 }),
			sleep: async () => undefined,
		});
		expect(notFound.kind).toBe('static');
		let calls = 0;
		const stillBusy = await fetchDemoVersions(locale('en'), {
			fetch: async (url) =>
				url.startsWith('/api/vault-mode')
					? response(200, modeBody)
					: (calls++,
						response(503, { error: { code: 'busy', message: 'Busy.' } }, { 'Retry-After': '1' })),
			sleep: async () => undefined,
			maxRetries: 2,
		});
		expect(stillBusy).toEqual({ kind: 'failed', message: 'Busy.' });
		expect(calls).toBe(3);
	});

	test.each(['ja', 'en'] as const)(
		'failures the server did not word are sentences in the page language (%s)',
		async (lang) => {
			const run = (thumbprintsAnswer: () => Promise<Response>) =>
				fetchDemoVersions(locale(lang), {
					fetch: async (url) =>
						url.startsWith('/api/vault-mode') ? response(200, modeBody) : thumbprintsAnswer(),
					sleep: async () => undefined,
					maxRetries: 0,
				});
			const noAnswer = await run(async () => {
				throw new TypeError('Failed to fetch');
			});
			const bareStatus = await run(async () => new Response('Bad Gateway', { status: 502 }));
			const oneVersion = await run(async () =>
				response(200, { ...thumbprints, versions: thumbprints.versions.slice(0, 1) })
			);
			const messages = [noAnswer, bareStatus, oneVersion].map((outcome) =>
				outcome.kind === 'failed' ? outcome.message : outcome.kind
			);
			expect(messages).toEqual([
				locale(lang).t('b.error.noAnswer'),
				locale(lang).t('b.error.status', { status: 502 }),
				locale(lang).t('b.error.tooFew', { count: 1 }),
			]);
			expect(messages[1]).toContain('HTTP 502');
			expect(messages[2]).toContain(lang === 'en' ? '1 version ' : '1 個');
			for (const message of messages) {
				expect(message).not.toMatch(/^kvcert\.|no answer/);
				expect(message).toMatch(lang === 'ja' ? /。$/ : /\.$/);
				if (lang === 'ja') expect(message).toMatch(/[\u3040-\u30ff]/);
			}
		}
	);
});

describe('exercise C', () => {
	const scripted = (os: 'windows' | 'linux', version: string, actions: TimelineAction[]) => {
		let state = initialTimeline(os, version);
		for (const action of actions) state = applyAction(state, action);
		return pollOfUpdate({ poll: runTimeline(state).polls.at(-1) ?? null });
	};
	const OLD = scriptedVersion('webcert', 1, 0).thumbprint;
	const NEW = scriptedVersion('webcert', 2, 0).thumbprint;

	test('before the renewal arrives there is nothing to ask; after it, the new one and the old one', () => {
		expect(readyForQuestions(scripted('windows', '3.0', []))).toBe(false);
		expect(readyForQuestions(scripted('windows', '3.0', ['renew']))).toBe(false);
		for (const [os, version] of [
			['windows', '3.0'],
			['windows', '4.0'],
			['linux', '3.0'],
		] as const) {
			const poll = scripted(os, version, ['renew', 'poll']);
			expect(readyForQuestions(poll), `${os} ${version}`).toBe(true);
			expect(picks(poll!)).toEqual({ recommended: NEW, first: OLD });
		}
	});

	test('grading explains each step; the prediction is graded before the renewal too', () => {
		const labels = { poll: '“Next poll”' };
		const early = gradePredict(
			locale('en'),
			scripted('windows', '3.0', []),
			{ prediction: 'replace' },
			labels
		);
		expect(early.ok).toBe(false);
		expect(early.stepsRight).toBe(false);
		expect(early.feedback).toEqual([
			{ question: 'predict', ok: false, text: expect.stringContaining('“Next poll”') },
		]);
		// The right prediction checked before the simulator step: not done, but not a wrong check
		// for the room either (it would raise ⚠ early).
		const firstStep = gradePredict(
			locale('en'),
			scripted('windows', '3.0', []),
			{ prediction: 'beside' },
			labels
		);
		expect(firstStep).toMatchObject({ ok: false, stepsRight: true });
		// Each wrong prediction gets its own reason before the renewal, in both languages.
		for (const lang of langs) {
			const reasons = (['replace', 'restart'] as const).map(
				(prediction) => gradePredict(locale(lang), null, { prediction }, labels).feedback[0]!.text
			);
			expect(reasons[0]).toBe(locale(lang).t('c.predict.wrong.replace', labels));
			expect(reasons[1]).toBe(locale(lang).t('c.predict.wrong.restart', labels));
			expect(reasons[0]).not.toBe(reasons[1]);
		}
		expect(early.feedback[0]!.text).toMatch(/never deletes/);
		expect(
			gradePredict(locale('en'), null, { prediction: 'restart' }, labels).feedback[0]!.text
		).toMatch(/next poll, with no restart/);
		// Under the button: step 2 next, pointing at step 1's feedback once step 1 is answered.
		expect(pendingResultKey(null, {})).toBe('c.step2First');
		expect(pendingResultKey(scripted('windows', '3.0', ['renew']), { prediction: 'beside' })).toBe(
			'c.step1Checked'
		);
		const poll = scripted('windows', '3.0', ['renew', 'poll']);
		const wrong = gradePredict(
			locale('en'),
			poll,
			{ prediction: 'beside', use: OLD, first: NEW },
			labels
		);
		expect(pendingResultKey(poll, { prediction: 'beside' })).toBe('exercise.notYet');
		expect(wrong.feedback.map((f) => [f.question, f.ok])).toEqual([
			['predict', true],
			['use', false],
			['first', false],
		]);
		const right = gradePredict(
			locale('ja'),
			poll,
			{ prediction: 'beside', use: NEW, first: OLD },
			labels
		);
		expect(right.ok).toBe(true);
		// The old certificate's expiry, as the store shows it, is part of the explanation.
		expect(right.feedback[2]!.text).toContain(
			new Date(scriptedVersion('webcert', 1, SCRIPT_START - 300 * 86_400).notAfter * 1000)
				.toISOString()
				.slice(0, 10)
		);
		expect(predictAnswerIds(poll, { prediction: 'beside', use: NEW, first: OLD })).toEqual({
			prediction: 'beside',
			use: 'new',
			first: 'old',
		});
	});

	test('live mode: a poll in the live wire format after a renewal is graded the same way', () => {
		const start = SCRIPT_START;
		const day = 86_400;
		const v = (i: number, notBefore: number) =>
			scriptedVersion('webcert', i, notBefore, { subject: 'CN=www.contoso.test, O=Contoso' });
		const before = {
			access: true,
			versions: [v(1, start - 700 * day), v(2, start - 345 * day), v(3, start - 5 * day)],
		};
		const timeline = new LiveTimeline('windows', '3.0', 2, start);
		timeline.add(before);
		const renewed = { ...before, versions: [...before.versions, v(4, start)] };
		const { poll } = timeline.add(renewed);
		// What the live stream sends (src/server/simulator/live-session.ts): no sans, no keyExportable.
		const wire = {
			index: 1,
			at: poll!.at,
			status: poll!.status,
			certificates: poll!.certificates.map(
				({ store, version, subject, thumbprint, notBefore, notAfter, hasPrivateKey }) => ({
					store,
					version,
					subject,
					thumbprint,
					notBefore,
					notAfter,
					hasPrivateKey,
				})
			),
		};
		const parsed = pollOfUpdate({ poll: wire });
		expect(readyForQuestions(parsed)).toBe(true);
		expect(picks(parsed!)).toEqual({
			recommended: v(4, start).thumbprint,
			first: v(3, 0).thumbprint,
		});
	});

	test('events that are not polls are ignored', () => {
		expect(pollOfUpdate(null)).toBeNull();
		expect(pollOfUpdate({ poll: { at: 'x', certificates: [] } })).toBeNull();
		expect(pollOfUpdate({ poll: { at: 1, certificates: [{ thumbprint: 1 }] } })).toEqual({
			at: 1,
			certificates: [],
		});
	});
});

describe('exercise D', () => {
	test('both languages ask the same scenarios with the same answers, each with a hint and a why', () => {
		expect(quiz.ja.map((q) => [q.id, q.answer])).toEqual(quiz.en.map((q) => [q.id, q.answer]));
		for (const lang of langs)
			for (const q of quiz[lang]) {
				expect(q.hint.length, q.id).toBeGreaterThan(20);
				expect(q.why.length, q.id).toBeGreaterThan(20);
			}
		// Every option is the best answer somewhere, and the stored-credential scenario says what to check first.
		expect(new Set(quiz.en.map((q) => q.answer))).toEqual(new Set([0, 1, 2]));
		expect(quiz.en.find((q) => q.id === 'agent')!.why).toMatch(/workload identity federation/);
		expect(quiz.ja.find((q) => q.id === 'agent')!.why).toMatch(/ワークロード ID フェデレーション/);
	});

	test('wrong scenarios are named; answers go to the room as ids', () => {
		const right = quiz.en.map((q) => q.answer);
		expect(wrongScenarios(right, right)).toEqual([]);
		const chosen: (number | undefined)[] = [...right];
		chosen[1] = 1;
		chosen[4] = undefined;
		expect(wrongScenarios(right, chosen)).toEqual([1, 4]);
		const ids = quizAnswerIds(
			quiz.en.map((q) => q.id),
			chosen
		);
		expect(ids).toMatchObject({ iis: 'extension', agent: 'managed-identity' });
		// An unanswered scenario is not reported (the room accepts ids only).
		expect(ids).not.toHaveProperty('arc');
	});
});

describe('stretch tasks: what the pages claim holds in the simulator and the checker', () => {
	const store = (os: 'windows' | 'linux', version: string, actions: TimelineAction[]) => {
		let state = initialTimeline(os, version);
		for (const action of actions) state = applyAction(state, action);
		return runTimeline(state).polls.at(-1)!;
	};
	const v = (i: number) => scriptedVersion('webcert', i, 0);

	test('two renewals before one poll: 3.0 never installs version 2, 4.0 installs the two newest', () => {
		expect(
			store('windows', '3.0', ['renew', 'renew', 'poll']).certificates.map((c) => c.thumbprint)
		).toEqual([v(1).thumbprint, v(3).thumbprint]);
		expect(
			store('windows', '4.0', ['renew', 'renew', 'poll'])
				.certificates.map((c) => c.thumbprint)
				.sort()
		).toEqual([v(1).thumbprint, v(2).thumbprint, v(3).thumbprint].sort());
	});

	test('live mode on the demo vault: a new 4.0 VM gets the two newest versions, a 3.0 VM the newest', () => {
		const day = 86_400;
		const demo = [1, 2, 3].map((i) =>
			scriptedVersion('webcert', i, SCRIPT_START - [700, 345, 5][i - 1]! * day)
		);
		const first = (version: string) =>
			new LiveTimeline('windows', version, 2, SCRIPT_START)
				.add({ access: true, versions: demo })
				.poll!.certificates.map((c) => c.thumbprint)
				.sort();
		expect(first('3.0')).toEqual([demo[2]!.thumbprint]);
		expect(first('4.0')).toEqual([demo[1]!.thumbprint, demo[2]!.thumbprint].sort());
	});

	test('Linux 3.0: the symbolic link moves to the renewed version, the old file stays', () => {
		const files = store('linux', '3.0', ['renew', 'poll']).files;
		const link = files.find((f) => f.kind === 'symlink')!;
		expect(link.target).toMatch(new RegExp(`${v(2).version}$`));
		expect(files.some((f) => f.kind === 'file' && f.path.endsWith(v(1).version))).toBe(true);
	});

	test('disabling the renewed version: 403 in the log, the store unchanged', () => {
		const before = store('windows', '3.0', ['renew', 'poll']).certificates;
		const after = store('windows', '3.0', ['renew', 'poll', 'disable', 'poll']);
		expect(after.log.map((l) => formatLogLine(l, 'en')).join('\n')).toContain(
			'403 Forbidden (SecretDisabled)'
		);
		expect(after.certificates.map((c) => c.thumbprint)).toEqual(before.map((c) => c.thumbprint));
	});

	test('exercise A on 4.0: linkOnRenewal is flagged, and a versioned URL is the checker’s own error', () => {
		const on4 = fixedTemplate.replace('"typeHandlerVersion": "3.0"', '"typeHandlerVersion": "4.0"');
		expect(checkSync(on4).diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual([
			'KV023 warning',
		]);
		const pinned = on4.replace(
			'/secrets/apicert',
			'/secrets/apicert/5f0c2d9e8b7a4c3d9e1f2a3b4c5d6e7f'
		);
		expect(checkSync(pinned).diagnostics.find((d) => d.ruleId === 'KV016')?.severity).toBe('error');
	});
});

describe('exercise A requires both certificates', () => {
	test('removing the apicert entry does not complete it; the finding points at observedCertificates', () => {
		const withoutApicert = fixedTemplate.replace(/,\n\s*\{\n\s*"url": "[^"]*apicert"[^}]*\}/, '');
		expect(withoutApicert).not.toContain('apicert');
		expect(checkSync(withoutApicert).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		const result = templateResult(checkSync(withoutApicert), locale('en'), withoutApicert);
		expect(result.complete).toBe(false);
		expect(result.errors).toEqual([
			{ line: 15, text: expect.stringContaining('no longer observes apicert') },
		]);
		expect(templateResult(checkSync(fixedTemplate), locale('en'), fixedTemplate).complete).toBe(
			true
		);
		// The answer key's Fix column wraps between a URL's parts, never inside a property name.
		expect(wrapPoints('"pollingIntervalInS": "3600",')).toEqual([
			'"pollingIntervalInS":',
			' "3600",',
		]);
		expect(wrapPoints('"url": "https://contoso-kv.vault.azure.net/secrets/apicert"').join('')).toBe(
			'"url": "https://contoso-kv.vault.azure.net/secrets/apicert"'
		);
		expect(wrapPoints('"https://contoso-kv.vault.azure.net/secrets/apicert"')).toContain(
			'secrets/'
		);
		// Sentences join as each language writes them: no space after 。 in Japanese.
		expect(templateResult(checkSync(fixedTemplate), locale('ja'), fixedTemplate).verdict).toMatch(
			/です。この演習は完了です。$/
		);
		expect(templateResult(checkSync(fixedTemplate), locale('en'), fixedTemplate).verdict).toMatch(
			/\. This exercise is complete\.$/
		);
		expect(
			templateResult(checkSync(brokenTemplate), locale('en'), brokenTemplate).errors
		).toHaveLength(4);
	});
});

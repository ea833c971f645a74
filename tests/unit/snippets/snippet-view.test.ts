import { describe, expect, test } from 'vitest';
import { translatorFor } from '../../../src/core/i18n/index.ts';
import { uiStrings } from '../../../src/core/i18n/ui-strings.ts';
import type { SnippetTraceEntry, SnippetTranscript } from '../../../src/core/snippets/catalog.ts';
import {
	endedView,
	failedRunMessage,
	isChallenge,
	outputLines,
	traceView,
} from '../../../src/components/widgets/live-snippet/snippet-view.ts';
import { runSnippet } from '../../../src/components/widgets/live-snippet/run-snippet.ts';

const t = { ja: translatorFor(uiStrings('ja'), 'ja'), en: translatorFor(uiStrings('en'), 'en') };
const vault = 'kvcert-demo.vault.azure.net:41234';
const entry = (e: Partial<SnippetTraceEntry>): SnippetTraceEntry => ({
	service: 'vault',
	method: 'GET',
	host: vault,
	path: '/certificates/webcert/?api-version=2025-07-01',
	status: 200,
	ms: 12,
	...e,
});
// What get-certificate.ts logs: the challenge, the token from IMDS, the same request again.
const sdkTrace = [
	entry({ status: 401, ms: 8 }),
	entry({
		service: 'imds',
		host: '127.0.0.1:37469',
		path: '/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net',
		ms: 30,
	}),
	entry({}),
];
const transcript = (over: Partial<SnippetTranscript>): SnippetTranscript => ({
	sample: 'get-certificate',
	outcome: 'ok',
	summary: 'Finished.',
	exitCode: 0,
	durationMs: 1000,
	output: [],
	trace: [],
	truncated: false,
	...over,
});

describe('live snippet trace', () => {
	test("the SDK's first 401 is the challenge: marked and explained", () => {
		const view = traceView(sdkTrace, t.en);
		expect(view.rows.map((r) => r.cells.status)).toEqual([
			{ kind: 'text', text: '401 (challenge)' },
			{ kind: 'text', text: '200' },
			{ kind: 'text', text: '200' },
		]);
		expect(view.rows[0]!.data).toEqual({ service: 'vault', challenge: 'true' });
		expect(view.challengeNote).toMatch(/^This 401 is not an error\./);
		expect(traceView(sdkTrace, t.ja).challengeNote).toMatch(/^この 401 はエラーではありません。/);
		expect(traceView(sdkTrace, t.ja).rows[0]!.cells.status).toEqual({
			kind: 'text',
			text: '401 (認証チャレンジ)',
		});
	});

	test('a 401 that is never answered by a success is not called a challenge', () => {
		const refused = [
			entry({ status: 401 }),
			entry({ service: 'imds', host: 'x', path: '/t' }),
			entry({ status: 403 }),
		];
		expect(isChallenge(refused, 0)).toBe(false);
		expect(traceView(refused, t.en).challengeNote).toBeUndefined();
		expect(
			isChallenge([entry({ status: 401, service: 'imds' }), entry({ service: 'imds' })], 0)
		).toBe(false);
	});

	test('cells: endpoint names, the path that wraps at separators, times; no response', () => {
		const view = traceView([entry({ status: null, ms: null })], t.ja);
		expect(view.rows[0]!.cells).toEqual({
			service: { kind: 'text', text: 'Key Vault (デモ)' },
			method: { kind: 'text', text: 'GET' },
			path: { kind: 'path', value: `${vault}/certificates/webcert/?api-version=2025-07-01` },
			status: { kind: 'text', text: t.ja('kvcert.snippet.noResponse') },
			time: { kind: 'text', text: '' },
		});
		expect(traceView(sdkTrace, t.en).rows[1]!.cells.time).toEqual({ kind: 'text', text: '30 ms' });
	});
});

describe('live snippet output', () => {
	test('stdout as printed, errors and notes tagged in words', () => {
		const lines = outputLines(
			transcript({
				output: [
					{ stream: 'stdout', text: 'thumbprint: ABC' },
					{ stream: 'stderr', text: 'boom' },
					{ stream: 'note', text: 'Renewed.' },
				],
			}),
			t.en
		);
		expect(lines).toEqual([
			{ stream: 'stdout', text: 'thumbprint: ABC' },
			{ stream: 'stderr', tag: '[error output] ', text: 'boom' },
			{ stream: 'note', tag: '[note] ', text: 'Renewed.' },
		]);
	});

	test('the IMDS answer body, or a sentence when nothing was printed', () => {
		expect(outputLines(transcript({ responseBody: '{"a":1}' }), t.en)).toEqual([
			{ stream: 'stdout', text: '{"a":1}' },
		]);
		expect(outputLines(transcript({}), t.ja)).toEqual([{ stream: 'stdout', text: '(出力なし)' }]);
	});
});

describe('running a snippet', () => {
	const json = (body: unknown, status = 200) =>
		new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
	test('a transcript, the server\'s refusal, or "needs the server"', async () => {
		const body = transcript({ output: [{ stream: 'stdout', text: 'x' }] });
		expect(
			await runSnippet({ sample: 'get-certificate', lang: 'en' }, async () => json(body))
		).toEqual({
			kind: 'transcript',
			transcript: body,
		});
		expect(
			await runSnippet({ sample: 'get-certificate', lang: 'en' }, async () =>
				json({ error: { code: 'busy', message: '3 samples are already running.' } }, 503)
			)
		).toEqual({ kind: 'error', message: '3 samples are already running.' });
		expect(
			await runSnippet(
				{ sample: 'get-certificate', lang: 'en' },
				async () => new Response('<html>', { status: 404 })
			)
		).toEqual({ kind: 'needsServer' });
		expect(
			await runSnippet(
				{ sample: 'get-certificate', lang: 'en' },
				async () => new Response('<html>', { status: 405 })
			)
		).toEqual({ kind: 'needsServer' });
	});

	test('no answer or a 5xx is said as such, never as "this is a static build"', async () => {
		const network = await runSnippet({ sample: 'get-certificate', lang: 'en' }, async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(network).toEqual({ kind: 'unreachable' });
		const html500 = await runSnippet(
			{ sample: 'get-certificate', lang: 'en' },
			async () => new Response('<html>', { status: 500 })
		);
		expect(html500).toEqual({ kind: 'serverError', status: 500 });
		expect(
			await runSnippet({ sample: 'get-certificate', lang: 'en' }, async () => json({}, 502))
		).toEqual({ kind: 'serverError', status: 502 });
		for (const lang of ['ja', 'en'] as const) {
			const said = [network, html500].map((r) => failedRunMessage(r as never, t[lang]));
			for (const message of said) expect(message).not.toMatch(/npm start|static|静的/);
			expect(said[0]).toBe(t[lang]('kvcert.snippet.unreachable'));
			expect(said[1]).toContain('HTTP 500');
			expect(failedRunMessage({ kind: 'needsServer' }, t[lang])).toContain('npm start');
			// The IMDS block's button is "Try it" and it sends a request: its retries say so (rv18e #6).
			const imds = [
				...[network, html500].map((r) => failedRunMessage(r as never, t[lang], true)),
				endedView(transcript({ outcome: 'timeout', output: [], trace: [] }), t[lang], true)
					.nextStep!,
			];
			for (const message of imds) {
				expect(message).toContain(lang === 'ja' ? 'もう一度試してください' : 'ry it again');
				expect(message).not.toMatch(/サンプル|sample|もう一度実行|run it again/i);
			}
			expect(imds[1]).toContain('HTTP 500');
		}
	});

	test('intros and the static-host answer hold on a room server and a static copy: no "npm start" as the reader\'s step', () => {
		for (const lang of ['ja', 'en'] as const) {
			// One sentence before the button, quoting its name (rv18d #7); the rest on demand.
			for (const [key, button] of [
				['kvcert.snippet.introShort', 'kvcert.snippet.run'],
				['kvcert.snippet.introImdsShort', 'kvcert.snippet.tryIt'],
			] as const) {
				const lead = t[lang](key);
				expect(
					lead.startsWith(lang === 'ja' ? `「${t[lang](button)}」` : `“${t[lang](button)}”`)
				).toBe(true);
				expect(lead.length).toBeLessThanOrEqual(lang === 'ja' ? 70 : 110);
			}
			for (const key of ['kvcert.snippet.intro', 'kvcert.snippet.introImds']) {
				const intro = t[lang](key);
				// Nobody reading a room server's page ran npm start: the intro names the server behind the site.
				expect(intro).not.toContain('npm start');
				expect(intro).toContain(
					lang === 'ja'
						? 'このサイトを配信している kvcert のサーバー'
						: 'kvcert server behind this site'
				);
				expect(intro).toContain(
					lang === 'ja' ? '静的なファイルだけで配信しているサイト' : 'served only as static files'
				);
			}
			const noServer = failedRunMessage({ kind: 'needsServer' }, t[lang]);
			// What happened (no server behind a static copy), what the reader can still do, where it runs.
			expect(noServer).toMatch(lang === 'ja' ? /静的なファイル/ : /static files/);
			expect(noServer).toMatch(lang === 'ja' ? /自分の Key Vault/ : /your own vault/);
			expect(noServer).toMatch(lang === 'ja' ? /ワークショップのサーバー/ : /workshop's server/);
			// The IMDS curl runs on an Azure VM, not against one's own vault (rv18d #8).
			const noServerImds = failedRunMessage({ kind: 'needsServer' }, t[lang], true);
			expect(noServerImds).toMatch(
				lang === 'ja' ? /Azure の VM の中で実行/ : /runs on an Azure VM/
			);
			expect(noServerImds).not.toMatch(/自分の Key Vault|your own vault/);
			expect(noServerImds).toContain('npm start');
		}
	});

	test('a run stopped at the time limit says what to do next and shows no empty boxes', () => {
		for (const lang of ['ja', 'en'] as const) {
			const stopped = endedView(transcript({ outcome: 'timeout', output: [], trace: [] }), t[lang]);
			expect(stopped).toEqual({
				nextStep: t[lang]('kvcert.snippet.timeoutNext'),
				showOutput: false,
				showTrace: false,
			});
			const ok = endedView(transcript({ output: [], trace: [] }), t[lang]);
			expect(ok).toEqual({ showOutput: true, showTrace: true });
			const failed = endedView(
				transcript({ outcome: 'failed', output: [{ stream: 'stderr', text: 'x' }], trace: [] }),
				t[lang]
			);
			expect(failed).toEqual({ showOutput: true, showTrace: false });
		}
	});
});

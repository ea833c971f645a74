import { describe, expect, it } from 'vitest';
import {
	apiFetch,
	ApiRefusedError,
	liveRefusal,
	readRefusal,
	refusalMessage,
	refusalText,
} from '../../../src/components/widgets/api-refusal.ts';
import { runSnippet } from '../../../src/components/widgets/live-snippet/run-snippet.ts';
import { refusalResponse } from '../../../src/server/api-refusal.ts';
import { uiTranslator } from '../../../src/core/i18n/ui-strings.ts';

const html404 = () =>
	new Response('<!doctype html><title>Not found</title>', {
		status: 404,
		headers: { 'Content-Type': 'text/html' },
	});

describe('reading the server’s refusals', () => {
	it('reads a busy refusal with when to retry, in the server’s words and the page’s language', async () => {
		const refusal = await readRefusal(refusalResponse(503, 'ja', 'busy', '混み合っています。', 5));
		expect(refusal).toEqual({
			status: 503,
			code: 'busy',
			message: '混み合っています。',
			retryAfter: 5,
			retry: '{{seconds}} 秒後に自動で再試行します。',
		});
		expect(refusalText(refusal!)).toBe('混み合っています。5 秒後に自動で再試行します。');
		expect(refusalText(refusal!, 3)).toContain('3 秒後');
	});

	it('reads a refused host as a refusal for good, with no retry', async () => {
		const response = new Response(
			JSON.stringify({ error: { code: 'hostNotAllowed', message: 'Not for 10.0.0.5.' } }),
			{ status: 403, headers: { 'Content-Type': 'application/json' } }
		);
		const refusal = await readRefusal(response);
		expect(refusal).toEqual({ status: 403, code: 'hostNotAllowed', message: 'Not for 10.0.0.5.' });
		expect(refusalText(refusal!)).toBe('Not for 10.0.0.5.');
	});

	it('is no refusal: a success, a static host’s 404 page, a 403 from Key Vault, a 400', async () => {
		expect(await readRefusal(new Response('{}', { status: 200 }))).toBeUndefined();
		expect(await readRefusal(html404())).toBeUndefined();
		const keyVault403 = new Response(
			JSON.stringify({ error: { code: 'forbidden', message: 'Key Vault refused access.' } }),
			{ status: 403, headers: { 'Content-Type': 'application/json' } }
		);
		expect(await readRefusal(keyVault403)).toBeUndefined();
		expect(
			await readRefusal(refusalResponse(400, 'en', 'nameInvalid', 'Bad name.'))
		).toBeUndefined();
	});

	it('reads a 502/504 as worth waiting for only when the server says when (its demo vault did not answer)', async () => {
		for (const status of [502, 504]) {
			const demo = await readRefusal(
				refusalResponse(status, 'en', 'unreachable', 'The local demo vault did not answer.', 2)
			);
			expect(demo).toMatchObject({ status, retryAfter: 2 });
			expect(refusalText(demo!)).toBe(
				'The local demo vault did not answer. Trying again automatically in 2 s.'
			);
			// An Azure vault's failure (DNS, firewall) carries no Retry-After: the widget explains it.
			expect(
				await readRefusal(refusalResponse(status, 'en', 'unreachable', 'Check DNS.'))
			).toBeUndefined();
		}
	});

	it('takes Retry-After from the header when the body has none', async () => {
		const response = new Response(JSON.stringify({ error: { code: 'busy', message: 'Busy.' } }), {
			status: 503,
			headers: { 'Content-Type': 'application/json', 'Retry-After': '7' },
		});
		expect((await readRefusal(response))?.retryAfter).toBe(7);
	});
});

describe('apiFetch', () => {
	it('waits for Retry-After after a busy refusal, says so, and returns the answer that follows', async () => {
		const answers = [
			refusalResponse(503, 'en', 'busy', 'This server is busy.', 5),
			refusalResponse(429, 'en', 'tooManyForClient', 'This device has too many.', 10),
			new Response('{"ok":true}', { status: 200 }),
		];
		const waits: number[] = [];
		const told: string[] = [];
		const response = await apiFetch(
			'/api/thumbprints',
			{},
			{
				fetchImpl: async () => answers.shift()!,
				sleep: async (ms) => void waits.push(ms),
				onWait: (text) => told.push(text),
			}
		);
		expect(response.status).toBe(200);
		expect(waits).toEqual([5000, 10_000]);
		expect(told).toEqual([
			'This server is busy. Trying again automatically in 5 s.',
			'This device has too many. Trying again automatically in 10 s.',
		]);
	});

	it('throws the server’s reason for a refused host at once, and after the last try for busy', async () => {
		const host = new Response(
			JSON.stringify({ error: { code: 'hostNotAllowed', message: 'Open the printed address.' } }),
			{ status: 403, headers: { 'Content-Type': 'application/json' } }
		);
		let calls = 0;
		const error = await apiFetch(
			'/api/vault-mode',
			{},
			{
				fetchImpl: async () => (calls++, host),
			}
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ApiRefusedError);
		expect(refusalMessage(error, 'static site')).toBe('Open the printed address.');
		expect(calls).toBe(1);
		let busyCalls = 0;
		await expect(
			apiFetch(
				'/api/vault-mode',
				{},
				{
					attempts: 3,
					fetchImpl: async () => (busyCalls++, refusalResponse(503, 'en', 'busy', 'Busy.', 1)),
					sleep: async () => {},
				}
			)
		).rejects.toThrow('Busy.');
		expect(busyCalls).toBe(3);
	});

	it('returns anything else untouched: a static host’s 404, a Key Vault error', async () => {
		expect((await apiFetch('/api/x', {}, { fetchImpl: async () => html404() })).status).toBe(404);
		expect(refusalMessage(new TypeError('Failed to fetch'), 'static site')).toBe('static site');
	});
});

describe('a live stream’s refused event', () => {
	it('reads the event data, and a damaged event as unreadable', () => {
		const event = new MessageEvent('refused', {
			data: JSON.stringify({
				status: 503,
				code: 'busy',
				message: 'Busy.',
				retrying: true,
				retryAfter: 5,
				retry: 'In {{seconds}} s.',
			}),
		});
		const refusal = liveRefusal(event);
		expect(refusal.retrying).toBe(true);
		expect(refusalText(refusal)).toBe('Busy. In 5 s.');
		expect(liveRefusal(new MessageEvent('refused', { data: '{' })).code).toBe('unreadable');
	});
});

describe('a live snippet refused by the site', () => {
	it('names the page’s language in the request, so the refusal is worded in it', async () => {
		// As the site handler does: a refused host answers in the language the query names.
		const fetchImpl = (async (input: RequestInfo | URL) => {
			const lang = new URL(String(input), 'http://kvcert-lan.test').searchParams.get('lang');
			const translate = uiTranslator(lang === 'ja' ? 'ja' : 'en');
			return refusalResponse(
				403,
				lang === 'ja' ? 'ja' : 'en',
				'hostNotAllowed',
				translate('kvcert.api.hostNotAllowed', { host: 'kvcert-lan.test:4321' })
			);
		}) as typeof fetch;
		const result = await runSnippet({ sample: 'imds-token', lang: 'ja' }, fetchImpl);
		expect(result).toEqual({
			kind: 'error',
			message: uiTranslator('ja')('kvcert.api.hostNotAllowed', { host: 'kvcert-lan.test:4321' }),
		});
		expect(result.kind === 'error' && result.message).toContain('kvcert-lan.test:4321');
	});
});

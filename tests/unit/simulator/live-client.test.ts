import { describe, expect, test } from 'vitest';
import {
	isLiveAction,
	liveInterval,
	liveModeAvailable,
	liveStreamUrl,
	openLiveStream,
	sendControl,
	type EventStream,
} from '../../../src/components/widgets/renewal-simulator/live-client.ts';

/** A stand-in EventSource: the test fires named events at it. */
function fakeStream() {
	const listeners = new Map<string, ((event: Event) => void)[]>();
	let closed = 0;
	const stream: EventStream = {
		addEventListener: (type, listener) =>
			listeners.set(type, [...(listeners.get(type) ?? []), listener]),
		close: () => void closed++,
	};
	const fire = (type: string, data?: unknown) =>
		listeners.get(type)?.forEach((l) =>
			l(
				Object.assign(new Event(type), {
					data: typeof data === 'string' ? data : JSON.stringify(data),
				})
			)
		);
	return { stream, fire, closed: () => closed };
}

const json = (body: unknown, status = 200, type = 'application/json') =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('live mode availability', () => {
	const available = async (fetchImpl: typeof fetch) =>
		(await liveModeAvailable('en', fetchImpl)).available;

	test('offered by a kvcert server on the demo vault only', async () => {
		expect(await available(async () => json({ mode: 'demo' }))).toBe(true);
		expect(await available(async () => json({ mode: 'both' }))).toBe(true);
		expect(await available(async () => json({ mode: 'azure' }))).toBe(false);
	});

	test('not offered by a static host, a refusing server or no server', async () => {
		expect(await available(async () => new Response('<!doctype html>', { status: 404 }))).toBe(
			false
		);
		expect(await available(async () => json({ mode: 'demo' }, 200, 'text/html'))).toBe(false);
		expect(
			await available(async () => {
				throw new TypeError('Failed to fetch');
			})
		).toBe(false);
	});

	test('no answer (timeout, network) is not "no server": the page is told to ask again', async () => {
		const timeout = async () => {
			throw new DOMException('The operation timed out.', 'TimeoutError');
		};
		expect(await liveModeAvailable('en', timeout)).toEqual({ available: false, unanswered: true });
		expect(
			await liveModeAvailable('en', async () => new Response('<!doctype html>', { status: 404 }))
		).toEqual({ available: false });
	});

	test('a server that refuses this address says why (never "static site")', async () => {
		expect(
			await liveModeAvailable('en', async () =>
				json({ error: { code: 'hostNotAllowed', message: 'Not this address.' } }, 403)
			)
		).toEqual({ available: false, refusal: 'Not this address.' });
	});
});

describe('live stream', () => {
	test('asks for the OS, version, interval and language', () => {
		expect(liveStreamUrl({ os: 'linux', version: '3.0', interval: '2', lang: 'ja' })).toBe(
			'/api/simulator/live?os=linux&version=3.0&interval=2&lang=ja'
		);
	});

	test('hands each event to its handler, and ends once', () => {
		const fake = fakeStream();
		const seen: string[] = [];
		let url = '';
		openLiveStream(
			{ os: 'windows', version: '3.0', interval: '1', lang: 'en' },
			{
				session: (e) => seen.push(`session ${e.id}`),
				poll: (e) => seen.push(`poll ${e.index}`),
				end: (e) => seen.push(`end ${e.reason}`),
				lost: () => seen.push('lost'),
				refused: (text, retrying) => seen.push(`refused ${text} ${retrying}`),
			},
			(u) => ((url = u), fake.stream)
		);
		expect(url).toContain('/api/simulator/live?');
		fake.fire('session', { id: 's1', interval: 1 });
		fake.fire('poll', { index: 0 });
		fake.fire('poll', 'not json');
		fake.fire('poll', { index: 1 });
		fake.fire('end', { reason: 'time', message: 'done' });
		fake.fire('error');
		fake.fire('poll', { index: 2 });
		expect(seen).toEqual(['session s1', 'poll 0', 'poll 1', 'end time']);
		expect(fake.closed()).toBe(1);
	});

	test('a refused or dropped connection is reported once; close() silences the stream', () => {
		const fake = fakeStream();
		const seen: string[] = [];
		const handlers = {
			session: () => seen.push('session'),
			poll: () => seen.push('poll'),
			end: () => seen.push('end'),
			lost: () => seen.push('lost'),
			refused: (text: string, retrying: boolean) => seen.push(`refused ${text} ${retrying}`),
		};
		openLiveStream(
			{ os: 'windows', version: '3.0', interval: '1', lang: 'en' },
			handlers,
			() => fake.stream
		);
		fake.fire('error');
		fake.fire('error');
		expect(seen).toEqual(['lost']);
		const other = fakeStream();
		const live = openLiveStream(
			{ os: 'windows', version: '3.0', interval: '1', lang: 'en' },
			handlers,
			() => other.stream
		);
		live.close();
		other.fire('poll', { index: 0 });
		other.fire('error');
		expect(seen).toEqual(['lost']);
	});
});

describe('control requests', () => {
	test('send the session and action as JSON, in the page language', async () => {
		let sent: { url: string; body: string } | undefined;
		const result = await sendControl('s1', 'renew', 'ja', async (url, init) => {
			sent = { url: String(url), body: String(init?.body) };
			return json({ action: 'renew' });
		});
		expect(result).toEqual({ ok: true });
		expect(sent).toEqual({
			url: '/api/simulator/control?lang=ja',
			body: '{"session":"s1","action":"renew"}',
		});
	});

	test("a refusal carries the server's message, or the status", async () => {
		expect(
			await sendControl('s1', 'disable', 'en', async () =>
				json({ error: { message: 'No version to disable was found.' } }, 400)
			)
		).toEqual({ ok: false, message: 'No version to disable was found.' });
		expect(
			await sendControl('s1', 'grant', 'en', async () => new Response('x', { status: 502 }))
		).toEqual({
			ok: false,
			message: '502',
		});
	});

	test('only vault actions go live', () => {
		expect(
			['renew', 'disable', 'revoke', 'grant', 'poll', 'delete', 'remove-identity'].filter(
				isLiveAction
			)
		).toEqual(['renew', 'disable', 'revoke', 'grant']);
	});

	test('a refusal being retried keeps the stream; a final one closes it once', () => {
		const fake = fakeStream();
		const seen: string[] = [];
		openLiveStream(
			{ os: 'windows', version: '3.0', interval: '1', lang: 'en' },
			{
				session: (e) => seen.push(`session ${e.id}`),
				poll: () => seen.push('poll'),
				end: () => seen.push('end'),
				lost: () => seen.push('lost'),
				refused: (text, retrying) => seen.push(`refused ${text} ${retrying}`),
			},
			() => fake.stream
		);
		fake.fire('refused', {
			status: 503,
			code: 'busy',
			message: 'Busy.',
			retrying: true,
			retryAfter: 5,
			retry: 'Trying again in {{seconds}} s.',
		});
		fake.fire('session', { id: 's1', interval: 1 });
		fake.fire('refused', {
			status: 429,
			code: 'tooManyForClient',
			message: 'Too many.',
			retrying: false,
		});
		fake.fire('poll', { index: 0 });
		expect(seen).toEqual([
			'refused Busy. Trying again in 5 s. true',
			'session s1',
			'refused Too many. false',
		]);
		expect(fake.closed()).toBe(1);
	});
});

describe('live polling interval', () => {
	test('whole seconds from 1 to 30 are taken; anything else is refused, not clamped', () => {
		expect(liveInterval('1')).toBe(1);
		expect(liveInterval(' 30 ')).toBe(30);
		for (const bad of ['0', '31', '-1', '2.5', '', 'abc', '1e1'])
			expect(liveInterval(bad), bad).toBeUndefined();
	});
});

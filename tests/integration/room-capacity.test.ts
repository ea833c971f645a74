import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIContext } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as liveRoute from '../../pages/api/simulator/live.ts';
import * as thumbprintsRoute from '../../pages/api/thumbprints.ts';
import * as vaultModeRoute from '../../pages/api/vault-mode.ts';
import * as roomIndex from '../../pages/api/room/index.ts';
import * as roomJoin from '../../pages/api/room/join.ts';
import * as roomProgress from '../../pages/api/room/progress.ts';
import * as roomFacilitator from '../../pages/api/room/facilitator.ts';
import * as roomEvents from '../../pages/api/room/events.ts';
import type { RoomSnapshot } from '../../src/core/workshop/room-protocol.ts';
import { openRoom } from '../../src/server/room/room-dependencies.ts';
import { createSiteHandler } from '../../src/server/site-handler.ts';
import { getDemoEmulator } from '../../src/vault/demo-emulator.ts';
import { roomRequest } from '../support/room-http.ts';

// A room of 30 through the real site handler (host allow-list, per-client addresses) and the real
// API routes and wiring (the process's demo vault, shared look-ups, shared live pollers, the room),
// reached at 127.0.0.2, an address other than localhost, each participant from an address of its
// own as on a LAN. Astro's adapter is replaced by a small router over the same route modules; the
// built pages themselves are covered by tests/e2e/room.spec.ts and `npm run load`.

type Route = (context: APIContext) => Response | Promise<Response>;
const routes: Record<string, Route> = {
	'/api/thumbprints': thumbprintsRoute.GET,
	'/api/vault-mode': vaultModeRoute.GET,
	'/api/simulator/live': liveRoute.GET,
	'/api/room': roomIndex.GET,
	'/api/room/join': roomJoin.ALL,
	'/api/room/progress': roomProgress.ALL,
	'/api/room/facilitator': roomFacilitator.ALL,
	'/api/room/events': roomEvents.GET,
};

/** What Astro's node adapter does for these routes: Node request → Request → Node response. */
async function adapter(req: IncomingMessage, res: ServerResponse) {
	const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
	const route = routes[url.pathname];
	if (!route) {
		res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>page</title>');
		return;
	}
	const controller = new AbortController();
	res.on('close', () => controller.abort());
	const chunks: Buffer[] = [];
	if (req.method === 'POST') for await (const chunk of req) chunks.push(chunk as Buffer);
	const headers = new Headers();
	for (const [name, value] of Object.entries(req.headers))
		if (typeof value === 'string') headers.set(name, value);
	const request = new Request(url, {
		method: req.method ?? 'GET',
		headers,
		signal: controller.signal,
		...(req.method === 'POST' ? { body: Buffer.concat(chunks) } : {}),
	});
	const response = await route({ request } as APIContext);
	res.writeHead(response.status, Object.fromEntries(response.headers));
	if (!response.body) return void res.end();
	const reader = response.body.getReader();
	res.on('close', () => void reader.cancel().catch(() => {}));
	for (;;) {
		const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
		if (done) return void res.end();
		res.write(value);
	}
}

const KEY = 'room-capacity-test-key';
let server: Server;
let port: number;
let clientDirectory: string;

beforeAll(async () => {
	openRoom(KEY);
	clientDirectory = mkdtempSync(join(tmpdir(), 'kvcert-room-'));
	writeFileSync(join(clientDirectory, 'index.html'), '<!doctype html><title>x</title>');
	// No HOST or PUBLIC_ORIGIN: 127.0.0.2 is allowed only because the connections arrive on it.
	const site = createSiteHandler((req, res) => void adapter(req, res), {
		clientDirectory,
		env: {},
	});
	server = createServer(site);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
	port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
	rmSync(clientDirectory, { recursive: true, force: true });
});

/** One request from `from` (a source address of its own) to 127.0.0.2. */
const send = (
	from: string,
	path: string,
	options: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}
) =>
	roomRequest({
		port,
		from,
		path,
		...options,
		headers: { ...(options.host ? { Host: options.host } : {}), ...options.headers },
	});

/** Opens a Server-Sent Events stream from `from` and reads it up to the first `until` event. */
const events = (from: string, path: string, until: string, headers: Record<string, string> = {}) =>
	roomRequest({ port, from, path, until, headers });

const participant = (i: number) => `127.0.0.${10 + i}`;
const json = { 'Content-Type': 'application/json' };

describe('a room of 30 at 127.0.0.2', () => {
	it('serves every participant a look-up with its versions, a live stream with a first poll and a place in the room: none refused', async () => {
		const results = await Promise.all(
			Array.from({ length: 30 }, async (_, i) => {
				const from = participant(i);
				const lang = i % 2 ? 'en' : 'ja';
				const mode = await send(from, `/api/vault-mode?lang=${lang}`);
				const demo = (JSON.parse(mode.text) as { demoVaultUrl: string }).demoVaultUrl;
				const [lookup, live, joined] = await Promise.all([
					send(
						from,
						`/api/thumbprints?${new URLSearchParams({ vault: demo, name: 'webcert', lang })}`
					),
					events(
						from,
						`/api/simulator/live?os=windows&version=4.0&interval=2&lang=${lang}`,
						'poll'
					),
					send(from, '/api/room/join', {
						method: 'POST',
						headers: json,
						body: JSON.stringify({ name: `P${i}`, lang }),
					}),
				]);
				const { token } = JSON.parse(joined.text) as { token: string };
				const progress = await send(from, '/api/room/progress', {
					method: 'POST',
					headers: json,
					body: JSON.stringify({
						token,
						exercises: { template: { done: true, attempts: 2, failed: 1 } },
						answers: { '0': '1' },
					}),
				});
				return { mode, lookup, live, joined, progress };
			})
		);
		for (const { mode, lookup, live, joined, progress } of results) {
			expect(mode.status).toBe(200);
			expect(lookup.status).toBe(200);
			expect((JSON.parse(lookup.text) as { versions: unknown[] }).versions).toHaveLength(3);
			expect(live.status).toBe(200);
			expect(live.events.map((e) => e.event)).toEqual(['session', 'poll']);
			const poll = live.events[1]!.data as { certificates: unknown[] };
			expect(poll.certificates.length).toBeGreaterThan(0);
			expect(joined.status).toBe(200);
			expect(progress.status).toBe(204);
		}

		// The facilitator, on the server's own machine with the key, sees all 30.
		const session = await send('127.0.0.1', '/api/room/facilitator', {
			method: 'POST',
			headers: json,
			body: JSON.stringify({ key: KEY }),
		});
		expect(session.status).toBe(204);
		const cookie = String(session.headers['set-cookie']).split(';')[0]!;
		expect(String(session.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
		const room = await events('127.0.0.1', '/api/room/events', 'room', { Cookie: cookie });
		const snapshot = room.events[0]!.data as RoomSnapshot;
		expect(snapshot.participants).toHaveLength(30);
		expect(snapshot.quiz).toEqual({ '0': { '1': 30 } });
		expect(snapshot.participants.every((p) => p.exercises['template']?.done)).toBe(true);
	}, 120_000);

	it('a demo vault that breaks a read off while 30 look up at once: everyone gets the versions, nobody a 502', async () => {
		// Another certificate than above, so no shared answer is still fresh: a read must happen.
		(await getDemoEmulator()).interruptNext(1);
		const lookups = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				send(
					participant(i),
					`/api/thumbprints?${new URLSearchParams({ vault: 'demo', name: 'apicert', lang: i % 2 ? 'en' : 'ja' })}`
				)
			)
		);
		expect(lookups.map((l) => l.status)).toEqual(Array.from({ length: 30 }, () => 200));
		for (const lookup of lookups)
			expect((JSON.parse(lookup.text) as { versions: unknown[] }).versions).toHaveLength(2);
	}, 60_000);

	it('says exactly why it refuses a host name it was not started for, to fetch and to EventSource', async () => {
		const refused = await send(
			participant(40),
			'/api/thumbprints?vault=demo&name=webcert&lang=en',
			{
				host: `evil.example:${port}`,
			}
		);
		expect(refused.status).toBe(403);
		const body = JSON.parse(refused.text) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('hostNotAllowed');
		expect(body.error.message).toContain(`evil.example:${port}`);
		expect(body.error.message).not.toMatch(/static/i);
		const live = await events(participant(40), '/api/simulator/live?lang=ja', 'session', {
			Host: `evil.example:${port}`,
		});
		expect(live.status).toBe(200);
		expect(live.text).toMatch(/^event: refused\ndata: .*"code":"hostNotAllowed".*"retrying":false/);
		expect(live.text).toContain('この kvcert サーバーは');
	});

	it('refuses the room to anyone without the facilitator key', async () => {
		const wrong = await send(participant(41), '/api/room/facilitator', {
			method: 'POST',
			headers: json,
			body: JSON.stringify({ key: 'guess' }),
		});
		expect(wrong.status).toBe(403);
		expect(wrong.headers['set-cookie']).toBeUndefined();
		const view = await send(participant(41), '/api/room/events', {
			headers: { Cookie: 'kvcert-room=forged' },
		});
		expect(view.status).toBe(403);
		expect(view.text).not.toContain('P1');
	});

	it('after 10 wrong keys from one address, says in the page’s language that everyone on that address counts', async () => {
		const guess = (lang: string) =>
			send(participant(42), `/api/room/facilitator?lang=${lang}`, {
				method: 'POST',
				headers: json,
				body: JSON.stringify({ key: 'guess' }),
			});
		for (let i = 0; i < 10; i++) expect((await guess('en')).status).toBe(403);
		const [en, ja] = [await guess('en'), await guess('ja')];
		expect([en.status, ja.status]).toEqual([429, 429]);
		expect(JSON.parse(en.text).error.message).toContain(
			'everyone connecting through the same network address'
		);
		expect(JSON.parse(ja.text).error.message).toContain('この端末のアドレスから');
		expect(JSON.parse(ja.text).error.message).toContain('同じアドレスから接続している人');
	});
});

import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteHandler } from '../../../src/server/site-handler.ts';

// The site handler in front of a stub that answers 200: which methods reach it, and where.
let server: Server;
let base = '';
beforeAll(async () => {
	const site = createSiteHandler((_request, response) => response.end('reached'), {
		clientDirectory: mkdtempSync(join(tmpdir(), 'kvcert-site-')),
		env: {},
	});
	server = createServer(site);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('POST through the site handler', () => {
	const json = { 'Content-Type': 'application/json' };

	it.each(['/api/simulator/control', '/api/snippets/run'])('reaches %s', async (path) => {
		const response = await fetch(`${base}${path}`, { method: 'POST', body: '{}', headers: json });
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('reached');
		const charset = await fetch(`${base}${path}`, {
			method: 'POST',
			body: '{}',
			headers: { 'Content-Type': 'application/json; charset="UTF-8"' },
		});
		expect(charset.status).toBe(200);
	});

	it.each([
		['text/plain', 'ja', '要求の本文は JSON (Content-Type: application/json) で送ってください。'],
		// Astro's origin check reads the second media type and answered with a text 403 (rv24c item 5).
		['application/json;text/plain', 'ja', '要求の本文は JSON'],
		['application/json; text/plain', 'en', 'Send the body as JSON'],
		['application/jsonx', 'en', 'Send the body as JSON'],
		['application/json; charset=utf-8; x=1', 'en', 'Send the body as JSON'],
		['application/x-www-form-urlencoded', 'en', 'Send the body as JSON'],
		['multipart/form-data; boundary=x', 'en', 'Send the body as JSON'],
	])(
		'answers a %s POST with the API refusal in JSON, in the caller language (%s), before Astro',
		async (type, lang, message) => {
			const response = await fetch(`${base}/api/snippets/run`, {
				method: 'POST',
				body: 'sample=get-certificate',
				headers: { 'Content-Type': type, 'Accept-Language': lang },
			});
			expect(response.status).toBe(415);
			expect(response.headers.get('content-type')).toMatch(/^application\/json/);
			const body = (await response.json()) as { error: { code: string; message: string } };
			expect(body.error.code).toBe('notJson');
			expect(body.error.message).toContain(message);
		}
	);

	it('is still refused elsewhere with 405 and Allow', async () => {
		const response = await fetch(`${base}/api/thumbprints`, {
			method: 'POST',
			body: '{}',
			headers: json,
		});
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET, HEAD');
		const put = await fetch(`${base}/api/simulator/control`, {
			method: 'PUT',
			body: '{}',
			headers: json,
		});
		expect(put.status).toBe(405);
		expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
	});

	it('keeps the host check for POST', async () => {
		const response = await fetch(`${base}/api/simulator/control`, {
			method: 'POST',
			body: '{}',
			headers: { ...json, Origin: 'https://evil.example' },
		});
		expect(response.status).toBe(403);
	});
});

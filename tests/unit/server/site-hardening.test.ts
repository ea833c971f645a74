import { describe, expect, it } from 'vitest';
import {
	allowedHosts,
	isAllowedRequestHost,
	publicOrigins,
} from '../../../src/server/allowed-hosts.ts';
import {
	contentSecurityPolicy,
	inlineScriptHashes,
} from '../../../src/server/content-security-policy.ts';
import { cacheControlFor } from '../../../src/server/site-handler.ts';

describe('allowed host names for the API', () => {
	it('allows loopback names, HOST and PUBLIC_ORIGIN, with any port', () => {
		const env = { HOST: 'kv.internal', PUBLIC_ORIGIN: 'https://kvcert.example.com' };
		const hosts = allowedHosts(env);
		for (const host of [
			'localhost:4321',
			'127.0.0.1',
			'[::1]:4321',
			'kv.internal:8080',
			'KVCERT.example.com',
		])
			expect(isAllowedRequestHost({ host }, hosts), host).toBe(true);
		expect(
			isAllowedRequestHost(
				{ host: 'kvcert.example.com', origin: 'https://kvcert.example.com' },
				hosts,
				publicOrigins(env)
			)
		).toBe(true);
	});

	it('refuses other names, a missing Host, and a foreign or opaque Origin', () => {
		const hosts = allowedHosts({ HOST: '0.0.0.0' });
		expect(hosts.has('0.0.0.0')).toBe(false);
		for (const headers of [
			{ host: 'rebound.example:4321' },
			{ host: 'localhost.rebound.example' },
			{ host: '127.0.0.1.nip.io' },
			{},
			{ host: 'localhost', origin: 'http://rebound.example' },
			{ host: 'localhost', origin: 'null' },
		])
			expect(isAllowedRequestHost(headers, hosts), JSON.stringify(headers)).toBe(false);
	});
});

describe('room mode: the address a connection arrived on', () => {
	const hosts = allowedHosts({ HOST: '0.0.0.0' });

	it('allows an IP-literal Host that is the very address the connection arrived on', () => {
		for (const [host, localAddress] of [
			['127.0.0.2:4311', '127.0.0.2'],
			['192.168.1.20:4321', '::ffff:192.168.1.20'],
			['[fd00::20]:4321', 'fd00::20'],
		])
			expect(isAllowedRequestHost({ host, localAddress }, hosts), host).toBe(true);
		expect(
			isAllowedRequestHost(
				{ host: '127.0.0.2:4311', localAddress: '127.0.0.2', origin: 'http://127.0.0.2:4311' },
				hosts
			)
		).toBe(true);
	});

	it('refuses an IP literal the connection did not arrive on, and any name that is not allowed', () => {
		for (const [host, localAddress] of [
			['127.0.0.2:4311', '127.0.0.1'],
			['192.168.1.21', '192.168.1.20'],
			['rebound.example', '192.168.1.20'],
			['192.168.1.20.nip.io', '192.168.1.20'],
		])
			expect(isAllowedRequestHost({ host, localAddress }, hosts), host).toBe(false);
	});

	it('allows extra names (the machine name in room mode)', () => {
		const room = allowedHosts({ HOST: '0.0.0.0' }, ['Trainer-Laptop']);
		expect(isAllowedRequestHost({ host: 'trainer-laptop:4321' }, room)).toBe(true);
	});
});

describe('the Origin is the server’s own (security review N14)', () => {
	const hosts = allowedHosts({ PUBLIC_ORIGIN: 'https://kvcert.example.com' });

	it('refuses another port or scheme on an allowed host', () => {
		for (const origin of [
			'http://localhost:3000',
			'http://127.0.0.1:4499',
			'https://localhost:4321',
		])
			expect(isAllowedRequestHost({ host: 'localhost:4321', origin }, hosts), origin).toBe(false);
	});

	it('allows the same origin, and PUBLIC_ORIGIN behind a proxy that rewrites Host', () => {
		expect(
			isAllowedRequestHost({ host: 'localhost:4321', origin: 'http://localhost:4321' }, hosts)
		).toBe(true);
		expect(
			isAllowedRequestHost(
				{ host: '127.0.0.1:4321', origin: 'https://kvcert.example.com' },
				hosts,
				['https://kvcert.example.com']
			)
		).toBe(true);
	});
});

describe('the Content-Security-Policy', () => {
	it('hashes inline scripts as browsers do, and skips external scripts and JSON data', () => {
		const html =
			'<script>a()</script><script type="module">b()</script><script src="/x.js"></script>' +
			'<script type="application/ld+json">{}</script>';
		// printf 'a()' | openssl dgst -sha256 -binary | base64, likewise 'b()'
		expect(inlineScriptHashes(html)).toEqual([
			"'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='",
			"'sha256-cf242PFc/kb7xD0Qzhsmd9vvRkc+cWFmbi+k+YvtdKc='",
		]);
	});

	it('allows same-origin scripts, workers and WebAssembly, and no framing', () => {
		const policy = contentSecurityPolicy(["'sha256-abc'"]);
		expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc'");
		expect(policy).toContain("worker-src 'self'");
		expect(policy).toContain("frame-ancestors 'none'");
		expect(policy).toContain("object-src 'none'");
		expect(policy).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
	});
});

describe('Cache-Control per route', () => {
	it('keeps hashed assets a year, pages a minute, the API never', () => {
		expect(cacheControlFor('/_astro/index.B1a2c3.js')).toBe('public, max-age=31536000, immutable');
		expect(cacheControlFor('/ja/')).toBe('public, max-age=60');
		expect(cacheControlFor('/en/verify')).toBe('public, max-age=60');
		expect(cacheControlFor('/404.html')).toBe('public, max-age=60');
		expect(cacheControlFor('/api/thumbprints')).toBe('no-store');
		// Server-Sent Events: no-transform, or the compression middleware holds them back.
		expect(cacheControlFor('/api/simulator/live')).toBe('no-store, no-transform');
		expect(cacheControlFor('/pagefind/pagefind.js')).toBe('public, max-age=3600');
	});
});

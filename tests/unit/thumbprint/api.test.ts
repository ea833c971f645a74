import { describe, expect, test } from 'vitest';
import {
	fetchVersions,
	loadVaultMode,
	vaultUrlFor,
} from '../../../src/components/widgets/thumbprint/api.ts';

const json = (body: unknown, status = 200, type = 'application/json') =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const offline = async (): Promise<Response> => {
	throw new TypeError('Failed to fetch');
};

describe('thumbprint tool requests', () => {
	test('vault mode: a kvcert server, or a static host', async () => {
		expect(
			await loadVaultMode('en', undefined, async () =>
				json({ mode: 'demo', demoCertificates: ['webcert'] })
			)
		).toEqual({
			kind: 'live',
			mode: { mode: 'demo', demoCertificates: ['webcert'] },
		});
		expect(
			await loadVaultMode(
				'en',
				undefined,
				async () => new Response('<!doctype html>', { status: 404 })
			)
		).toEqual({
			kind: 'static',
		});
		expect(await loadVaultMode('en', undefined, offline)).toEqual({ kind: 'static' });
		// A server that refuses this address says why: never "static site".
		expect(
			await loadVaultMode('en', undefined, async () =>
				json({ error: { code: 'hostNotAllowed', message: 'Not this address.' } }, 403)
			)
		).toEqual({ kind: 'refused', message: 'Not this address.' });
	});

	test("versions: the body, the server's advice, or no answer", async () => {
		let asked = '';
		const body = {
			vaultUrl: 'https://x.vault.azure.net',
			name: 'webcert',
			versions: [],
			truncated: false,
		};
		expect(
			await fetchVersions(
				{ vault: 'https://x.vault.azure.net', name: 'webcert', lang: 'ja' },
				undefined,
				async (url) => {
					asked = String(url);
					return json(body);
				}
			)
		).toEqual({ kind: 'versions', body });
		expect(asked).toBe(
			'/api/thumbprints?vault=https%3A%2F%2Fx.vault.azure.net&name=webcert&lang=ja'
		);
		expect(
			await fetchVersions({ vault: 'v', name: 'n', lang: 'en' }, undefined, async () =>
				json({ error: { code: 'vaultInvalid', message: 'This URL is not allowed.' } }, 400)
			)
		).toEqual({ kind: 'refused', message: 'This URL is not allowed.' });
		expect(await fetchVersions({ vault: 'v', name: 'n', lang: 'en' }, undefined, offline)).toEqual({
			kind: 'unreachable',
		});
		expect(
			await fetchVersions(
				{ vault: 'v', name: 'n', lang: 'en' },
				undefined,
				async () => new Response('<html>', { status: 502 })
			)
		).toEqual({ kind: 'unreachable' });
	});

	test('vault field: empty is the demo vault, a bare name is that vault in Azure, the rest as typed', () => {
		expect(vaultUrlFor('  ', 'https://127.0.0.1:1234')).toBe('https://127.0.0.1:1234');
		expect(vaultUrlFor('contoso-kv', '')).toBe('https://contoso-kv.vault.azure.net');
		expect(vaultUrlFor('https://contoso-kv.vault.azure.cn/', '')).toBe(
			'https://contoso-kv.vault.azure.cn/'
		);
		expect(vaultUrlFor('a', '')).toBe('a');
		expect(vaultUrlFor('169.254.169.254', '')).toBe('169.254.169.254');
	});
});

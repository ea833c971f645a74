import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.ts';
import { DEMO_SERVICE_PRINCIPAL, ENTRA_HOST } from '../../src/emulator/entra-routes.ts';

// The emulator's port also answers as login.microsoftonline.com (its TLS certificate names it), for
// the service-principal live snippet, which reaches it through the snippet tunnel.
let emulator: RunningEmulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(() => emulator?.close());

/** POSTs a form to the emulator as Entra ID, verifying its certificate for login.microsoftonline.com. */
function postForm(path: string, form: Record<string, string>) {
	const { port } = new URL(emulator.vaultUrl);
	const body = new URLSearchParams(form).toString();
	return new Promise<{ status: number; json: Record<string, unknown> }>((resolve, reject) => {
		const req = request(
			{
				host: '127.0.0.1',
				port,
				path,
				method: 'POST',
				servername: ENTRA_HOST,
				ca: emulator.caPem,
				headers: {
					Host: ENTRA_HOST,
					'Content-Type': 'application/x-www-form-urlencoded',
					'Content-Length': Buffer.byteLength(body),
				},
			},
			(res) => {
				let text = '';
				res.on('data', (chunk: Buffer) => (text += chunk.toString()));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						json: JSON.parse(text) as Record<string, unknown>,
					})
				);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

const grant = (overrides: Record<string, string> = {}) => ({
	grant_type: 'client_credentials',
	client_id: DEMO_SERVICE_PRINCIPAL.clientId,
	client_secret: DEMO_SERVICE_PRINCIPAL.clientSecret,
	scope: 'https://vault.azure.net/.default',
	...overrides,
});

describe('emulator as Microsoft Entra ID (client credentials)', () => {
	const tokenPath = () => `/${emulator.tenantId}/oauth2/v2.0/token`;

	it('issues a vault token for the demo service principal’s secret', async () => {
		const { status, json } = await postForm(tokenPath(), grant());
		expect(status).toBe(200);
		expect(json['token_type']).toBe('Bearer');
		expect(emulator.issuedTokens()).toContain(json['access_token']);
	});

	it('answers as Entra ID does for a wrong secret, an unknown app, another tenant and a wrong grant', async () => {
		const wrong = await postForm(tokenPath(), grant({ client_secret: 'guess' }));
		expect(wrong.status).toBe(401);
		expect(wrong.json['error']).toBe('invalid_client');
		expect(String(wrong.json['error_description'])).toMatch(/^AADSTS7000215:/);
		const unknown = await postForm(tokenPath(), grant({ client_id: crypto.randomUUID() }));
		expect(unknown.json['error']).toBe('unauthorized_client');
		const tenant = await postForm(`/${crypto.randomUUID()}/oauth2/v2.0/token`, grant());
		expect(tenant.json['error']).toBe('invalid_tenant');
		const code = await postForm(tokenPath(), grant({ grant_type: 'authorization_code' }));
		expect(code.json['error']).toBe('unsupported_grant_type');
		expect(emulator.issuedTokens()).toHaveLength(1);
	});
});

import type { APIRoute } from 'astro';
import type { VaultModeResponse } from '../../src/core/thumbprint/types.ts';
import { getDemoEmulator } from '../../src/vault/demo-emulator.ts';
import { vaultModeFromEnv } from '../../src/vault/vault-mode.ts';

export const prerender = false;

/** What the live parts talk to: the mode, and the demo vault's URL and certificate names. */
export const GET: APIRoute = async () => {
	const mode = vaultModeFromEnv();
	const body: VaultModeResponse = { mode };
	if (mode !== 'azure') {
		const demo = await getDemoEmulator();
		body.demoVaultUrl = demo.vaultUrl;
		body.demoCertificates = demo.store.list().map((c) => c.name);
		if (demo.demoWeek) body.demoWeek = demo.demoWeek;
	}
	return new Response(JSON.stringify(body), {
		headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
	});
};

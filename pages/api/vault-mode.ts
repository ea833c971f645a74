import type { APIRoute } from 'astro';
import type { VaultModeResponse } from '../../src/core/thumbprint/types.ts';
import { getDemoEmulator } from '../../src/vault/demo-emulator.ts';
import { vaultModeFromEnv } from '../../src/vault/vault-mode.ts';
import { visitorIdOf, visitorViewsOf } from '../../src/server/visitor-views.ts';

export const prerender = false;

/**
 * What the live parts talk to: the mode, and the demo vault's URL and certificate names (in the
 * visitor's own view of it when its snippet runs made one, see src/server/visitor-views.ts).
 */
export const GET: APIRoute = async ({ request }) => {
	const mode = vaultModeFromEnv();
	const body: VaultModeResponse = { mode };
	if (mode !== 'azure') {
		const demo = await getDemoEmulator();
		body.demoVaultUrl = demo.vaultUrl;
		const own = visitorViewsOf(demo).find(visitorIdOf(request));
		body.demoCertificates = (own?.view.store ?? demo.store).list().map((c) => c.name);
		if (demo.demoWeek) body.demoWeek = demo.demoWeek;
	}
	return new Response(JSON.stringify(body), {
		headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
	});
};

import { fileURLToPath } from 'node:url';
import { CertificateClient } from '@azure/keyvault-certificates';
import type { APIContext } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as vaultModeRoute from '../../pages/api/vault-mode.ts';
import type { SnippetTranscript } from '../../src/core/snippets/catalog.ts';
import type { ThumbprintsResponse, VaultModeResponse } from '../../src/core/thumbprint/types.ts';
import { DEMO_VAULT_HOST, type RunningEmulator } from '../../src/emulator/emulator.ts';
import { CLIENT_HEADER } from '../../src/server/client-limits.ts';
import { liveThumbprintsDependencies } from '../../src/server/live-dependencies.ts';
import { SharedLookups } from '../../src/server/shared-lookups.ts';
import { liveSnippetRegistry } from '../../src/server/snippets/registry.ts';
import { handleSnippetRunRequest } from '../../src/server/snippets/snippets-handler.ts';
import { handleThumbprintsRequest } from '../../src/server/thumbprints-handler.ts';
import {
	VISITOR_COOKIE,
	VISITOR_VIEW_DEFAULTS,
	VisitorViews,
	visitorViewsOf,
} from '../../src/server/visitor-views.ts';
import { EmulatorImdsCredential } from '../../src/vault/emulator-credential.ts';
import { getDemoEmulator, stopDemoEmulator } from '../../src/vault/demo-emulator.ts';

// N13 without breaking Start here: one visitor's snippet runs and look-ups share one view of the
// demo vault (named by an HttpOnly cookie), which no other visitor sees or can use up. The real
// wiring: the site's demo vault, the snippet API running the real samples with the Azure SDK, the
// thumbprint and vault-mode APIs as the pages call them.
const root = fileURLToPath(new URL('../../', import.meta.url));
let demo: RunningEmulator;
beforeAll(async () => {
	demo = await getDemoEmulator();
});
afterAll(() => stopDemoEmulator());

/** A browser of its own: an address and the cookies the server gave it. */
function visitor(address: string) {
	let cookie: string | undefined;
	const headers = (extra: Record<string, string> = {}) => ({
		[CLIENT_HEADER]: address,
		...(cookie ? { Cookie: cookie } : {}),
		...extra,
	});
	return {
		get cookie() {
			return cookie;
		},
		async run(sample: string, renew = false): Promise<SnippetTranscript> {
			const response = await handleSnippetRunRequest(
				new Request('http://127.0.0.1/api/snippets/run', {
					method: 'POST',
					headers: headers({ 'Content-Type': 'application/json' }),
					body: JSON.stringify({ sample, lang: 'en', ...(renew ? { renew } : {}) }),
				}),
				{
					mode: 'demo',
					demo: getDemoEmulator,
					vaultHost: DEMO_VAULT_HOST,
					registry: liveSnippetRegistry(),
					root,
					timeoutMs: 60_000,
					renewalsPerClient: 100,
					log: () => {},
				}
			);
			const set = response.headers.get('set-cookie');
			if (set) {
				cookie = set.split(';')[0];
				// A session cookie: set once, it must outlive a view that is still in use.
				expect(set).toMatch(/HttpOnly; SameSite=Strict/);
				expect(set).not.toMatch(/Max-Age|Expires/i);
			}
			expect(response.status).toBe(200);
			return (await response.json()) as SnippetTranscript;
		},
		/** /api/thumbprints as the page asks it (each call reads, no 2-second shared answer). */
		async versions(name: string) {
			const response = await handleThumbprintsRequest(
				new Request(`http://127.0.0.1/api/thumbprints?vault=demo&name=${name}&lang=en`, {
					headers: headers(),
				}),
				{ ...liveThumbprintsDependencies(), sharing: new SharedLookups(0), log: () => {} }
			);
			if (response.status === 404) return [];
			expect(response.status).toBe(200);
			return ((await response.json()) as ThumbprintsResponse).versions;
		},
		async names() {
			const response = await vaultModeRoute.GET({
				request: new Request('http://127.0.0.1/api/vault-mode', { headers: headers() }),
			} as APIContext);
			return ((await response.json()) as VaultModeResponse).demoCertificates;
		},
	};
}

const text = (transcript: SnippetTranscript) =>
	transcript.output.map((line) => line.text).join('\n');

describe(
	'a visitor has one view of the demo vault for its snippets and look-ups',
	{
		timeout: 180_000,
	},
	() => {
		it("A's create and renewal runs are what A's look-ups and list-versions see; B sees the demo vault as seeded", async () => {
			const a = visitor('10.1.0.1');
			const b = visitor('10.1.0.2');
			const apicertBefore = (await b.versions('apicert')).map((v) => v.version);
			expect(await a.versions('tutorial-cert')).toEqual([]);

			// Start here, steps 6 and 11: create, then create again (the renewal).
			const first = await a.run('create-certificate');
			expect(first.outcome).toBe('ok');
			expect(a.cookie).toMatch(new RegExp(`^${VISITOR_COOKIE}=[A-Za-z0-9_-]{22,}$`));
			const cookie = a.cookie;
			const second = await a.run('create-certificate');
			expect(second.outcome).toBe('ok');
			expect(a.cookie).toBe(cookie);
			const mine = await a.versions('tutorial-cert');
			expect(mine).toHaveLength(2);
			const current = mine.find((v) => v.current)!;
			expect(text(second)).toContain(`thumbprint: '${current.sha1}'`);
			const listed = text(await a.run('list-versions')).split('\n');
			expect(listed).toHaveLength(2);
			expect(listed[0]).toContain(`${current.sha1}  (current)`);
			expect(await a.names()).toContain('tutorial-cert');

			// The HTTPS server's renewal lands in A's view too.
			const renewed = await a.run('https-server', true);
			const version = /new version ([0-9a-f]{32})\.$/m.exec(text(renewed))?.[1];
			expect(version).toBeDefined();
			const apicertA = (await a.versions('apicert')).map((v) => v.version);
			expect(apicertA).toContain(version);
			expect(apicertA).toHaveLength(apicertBefore.length + 1);

			// B: nothing of A's.
			expect(await b.versions('tutorial-cert')).toEqual([]);
			expect(text(await b.run('list-versions'))).toBe('tutorial-cert has no versions yet.');
			expect(b.cookie).toBeUndefined();
			expect(await b.names()).not.toContain('tutorial-cert');
			expect((await b.versions('apicert')).map((v) => v.version)).toEqual(apicertBefore);
			// A cookie the server never gave names no view: it reads the demo vault as seeded.
			const forged = visitor('10.1.0.3');
			const response = await handleThumbprintsRequest(
				new Request('http://127.0.0.1/api/thumbprints?vault=demo&name=tutorial-cert', {
					headers: { Cookie: `${VISITOR_COOKIE}=${'x'.repeat(24)}` },
				}),
				{ ...liveThumbprintsDependencies(), sharing: new SharedLookups(0), log: () => {} }
			);
			expect(response.status).toBe(404);
			expect(await forged.names()).not.toContain('tutorial-cert');
		});

		it('100+ writers on many addresses cannot lock a new visitor out, and views stay bounded', async () => {
			const views = visitorViewsOf(demo);
			for (let i = 0; i < 150; i++) views.open(undefined, `10.2.${i % 40}.1`);
			expect(views.size).toBeLessThanOrEqual(VISITOR_VIEW_DEFAULTS.max);
			// A newcomer gets a view, and writes to it with the real SDK.
			const newcomer = views.open(undefined, '10.3.0.1');
			expect(views.find(newcomer.id)).toBeDefined();
			expect(views.size).toBeLessThanOrEqual(VISITOR_VIEW_DEFAULTS.max);
			const client = new CertificateClient(
				demo.vaultUrl,
				new EmulatorImdsCredential(demo.imdsUrl, newcomer.view.clientId),
				{ tlsOptions: { ca: demo.caPem }, disableChallengeResourceVerification: true }
			);
			const poller = await client.beginCreateCertificate('newcomer-cert', {
				issuerName: 'Self',
				subject: 'CN=newcomer',
			});
			const created = await poller.pollUntilDone();
			expect(created.properties.version).toMatch(/^[0-9a-f]{32}$/);
			expect(newcomer.view.store.list().map((c) => c.name)).toContain('newcomer-cert');
			expect(demo.store.list().map((c) => c.name)).not.toContain('newcomer-cert');
		});
	}
);

describe('VisitorViews bounds (counts of views)', () => {
	/** Views that record whether they were closed. */
	function counted(limits: ConstructorParameters<typeof VisitorViews>[1]) {
		let opened = 0;
		let closed = 0;
		const views = new VisitorViews(
			() =>
				({
					clientId: String(++opened),
					close: () => void closed++,
				}) as never,
			limits
		);
		return { views, open: () => opened - closed };
	}

	it('one address keeps at most its share: its own oldest view goes, nobody else’s', () => {
		const { views, open } = counted({ max: 10, perClient: 3 });
		const other = views.open(undefined, 'b');
		for (let i = 0; i < 20; i++) views.open(undefined, 'a');
		expect(views.heldBy('a')).toBe(3);
		expect(views.find(other.id)).toBeDefined();
		expect(open()).toBe(views.size);
	});

	it('when full, the address holding the most gives one back, so two full addresses leave room for a third', () => {
		const { views, open } = counted({ max: 8, perClient: 4 });
		const small = views.open(undefined, 'c');
		for (let i = 0; i < 4; i++) views.open(undefined, 'a');
		for (let i = 0; i < 3; i++) views.open(undefined, 'b');
		expect(views.size).toBe(8);
		const third = views.open(undefined, 'd');
		expect(views.find(third.id)).toBeDefined();
		expect(views.heldBy('a')).toBe(3);
		expect(views.heldBy('b')).toBe(3);
		expect(views.find(small.id)).toBeDefined();
		expect(views.size).toBe(8);
		expect(open()).toBe(8);
	});

	it('drops views unused for the idle time, and only those', () => {
		const { views, open } = counted({ idleMs: 1000 });
		const old = views.open(undefined, 'a', 0);
		const fresh = views.open(undefined, 'b', 900);
		expect(views.find(fresh.id, 1500)).toBeDefined();
		expect(views.find(old.id, 1500)).toBeUndefined();
		expect(views.size).toBe(1);
		expect(open()).toBe(1);
	});
});

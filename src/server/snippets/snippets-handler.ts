import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type {
	SnippetErrorResponse,
	SnippetOutputLine,
	SnippetTranscript,
	LiveSnippetId,
} from '../../core/snippets/catalog.ts';
import type { RunningEmulator } from '../../emulator/emulator.ts';
import { DEMO_SERVICE_PRINCIPAL, ENTRA_HOST } from '../../emulator/entra-routes.ts';
import { langOf, type Lang } from '../../core/i18n/lang.ts';
import { uiTranslator } from '../../core/i18n/ui-strings.ts';
import type { VaultMode } from '../../vault/vault-mode.ts';
import { IMDS_TRACE_HOST, splitAzureLog, type TimedLine } from './azure-log-trace.ts';
import { redactSecrets, type RedactionWords } from './redact.ts';
import type { RunnableSnippet } from './registry.ts';
import { runSample } from './run-sample.ts';
import { startVaultTunnel, type VaultTunnel } from './vault-tunnel.ts';
import { readLimitedBody } from '../read-limited-body.ts';
import { refusalBody } from '../api-refusal.ts';
import { clientOf, ConcurrencyLimit, perProcess, RateLimit } from '../client-limits.ts';
import { jsonResponse } from '../json-response.ts';
import { isJsonContentType } from '../json-content-type.ts';
import { visitorCookie, visitorIdOf, visitorViewsOf, type VisitorView } from '../visitor-views.ts';

/** The parts of the demo vault a run uses. */
export type SnippetDemoVault = Pick<
	RunningEmulator,
	'vaultUrl' | 'imdsUrl' | 'caPem' | 'issuedTokens' | 'openView' | 'tenantId'
>;

/** What {@link handleSnippetRunRequest} depends on (injected so tests can use their own registry). */
export interface SnippetsDependencies {
	mode: VaultMode;
	/** The demo vault (started on first use); absent in `azure` mode. */
	demo?: () => Promise<SnippetDemoVault>;
	/** The Key Vault host name the samples use; the tunnel leads it to the demo vault. */
	vaultHost: string;
	/** Snippet id → what to run. Only these ids are accepted. */
	registry: Record<string, RunnableSnippet>;
	/** Repository root: scripts are resolved below it, tsx is found from it. */
	root: string;
	/** @default SNIPPET_TIMEOUT_MS */
	timeoutMs?: number;
	/** Runs at once before new ones get 503. @default 2 */
	maxConcurrent?: number;
	/** Runs one client may have at once before its next gets 429. @default 1 */
	maxPerClient?: number;
	/** Runs with a renewal one client may start in {@link RENEW_WINDOW_MS}. @default 10 */
	renewalsPerClient?: number;
	/** @default 65536 */
	maxOutputBytes?: number;
	log?: (line: string) => void;
}

/**
 * How long a run may take. A run is seconds on an idle machine, but the https-server run with a
 * renewal took 16 s at load 30-40 (a workshop machine serving a room, rv24c item 7); the page
 * waits 60 s for the answer, so 45 s leaves it time to arrive.
 */
export const SNIPPET_TIMEOUT_MS = 45_000;
/** Largest request body accepted. */
export const MAX_BODY_BYTES = 1024;
/** The window of the per-client renewal limit (10 minutes). */
export const RENEW_WINDOW_MS = 10 * 60_000;
/** Seconds a refused run is asked to wait. */
const RETRY_AFTER_SECONDS = 5;

/** The run slots and renewal rate for these settings (one set per process, as for the defaults). */
function limitsFor(deps: SnippetsDependencies) {
	const total = deps.maxConcurrent ?? 2;
	const perClient = deps.maxPerClient ?? 1;
	const renewals = deps.renewalsPerClient ?? 10;
	return perProcess(`snippets ${total}/${perClient}/${renewals}`, () => ({
		slots: new ConcurrencyLimit(total, perClient),
		renewals: new RateLimit(renewals, RENEW_WINDOW_MS),
	}));
}
const access = new WeakMap<object, Promise<{ tunnel: VaultTunnel; caFile: string }>>();

/** The tunnel and the CA file for a demo vault, made once per process. */
function demoAccess(demo: SnippetDemoVault, vaultHost: string) {
	let ready = access.get(demo);
	if (!ready) {
		ready = (async () => {
			const dir = mkdtempSync(join(tmpdir(), 'kvcert-snippets-'));
			const caFile = join(dir, 'demo-ca.pem');
			writeFileSync(caFile, demo.caPem, { mode: 0o600 });
			process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
			const tunnel = await startVaultTunnel([vaultHost, ENTRA_HOST], new URL(demo.vaultUrl));
			return { tunnel, caFile };
		})();
		access.set(demo, ready);
	}
	return ready;
}

/** A free loopback port for a server sample. */
function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => done(port));
		});
	});
}

const json = (status: number, body: SnippetTranscript | SnippetErrorResponse, extra = {}) =>
	jsonResponse(body, status, extra);

function redactionWords(lang: Lang): RedactionWords {
	const t = uiTranslator(lang);
	return {
		token: (count) => t('kvcert.snippet.api.redactedToken', { count }),
		privateKey: (bytes) => t('kvcert.snippet.api.redactedKey', { bytes }),
	};
}

/** Joins neighbouring lines of the same stream, redacts each block, splits them again. */
function toOutput(
	lines: (TimedLine & { stream: SnippetOutputLine['stream'] })[],
	redact: (text: string) => string
): SnippetOutputLine[] {
	const sorted = [...lines].sort((a, b) => a.at - b.at);
	const blocks: { stream: SnippetOutputLine['stream']; texts: string[] }[] = [];
	for (const line of sorted) {
		const last = blocks.at(-1);
		if (last && last.stream === line.stream) last.texts.push(line.text);
		else blocks.push({ stream: line.stream, texts: [line.text] });
	}
	return blocks.flatMap((block) =>
		redact(block.texts.join('\n'))
			.split('\n')
			.map((text) => ({ stream: block.stream, text }))
	);
}

/**
 * `POST /api/snippets/run` with `{"sample": "<id>", "lang": "ja"|"en", "renew"?: true}`: runs one
 * live snippet against the demo vault and answers with its transcript (output, HTTP trace, how it
 * ended), every token and private key redacted. Only ids from the registry are accepted; it never
 * runs anything while the server reads real vaults.
 */
export async function handleSnippetRunRequest(
	request: Request,
	deps: SnippetsDependencies
): Promise<Response> {
	let lang = langOf(
		new URL(request.url).searchParams.get('lang') ?? request.headers.get('accept-language')
	);
	const log = deps.log ?? (() => {});
	const fail = (
		status: number,
		code: string,
		values: Record<string, string | number> = {},
		retryAfter?: number
	) => {
		log(`snippets status=${status} error=${code}`);
		const message = uiTranslator(lang)(`kvcert.snippet.api.${code}`, values);
		return json(
			status,
			refusalBody(lang, code, message, retryAfter),
			retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) }
		);
	};
	if (request.method !== 'POST') return fail(405, 'methodNotAllowed');
	// JSON only: a form or text/plain POST from another site (no CORS preflight) is refused.
	if (!isJsonContentType(request.headers.get('content-type'))) return fail(415, 'badRequest');
	const text = await readLimitedBody(request, MAX_BODY_BYTES);
	if (text === undefined) return fail(413, 'tooLarge', { bytes: MAX_BODY_BYTES });
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return fail(400, 'badRequest');
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(400, 'badRequest');
	const { sample, renew, lang: bodyLang } = body as Record<string, unknown>;
	if (typeof bodyLang === 'string') lang = langOf(bodyLang);
	if (typeof sample !== 'string' || !Object.prototype.hasOwnProperty.call(deps.registry, sample))
		return fail(400, 'unknownSample');
	const entry = deps.registry[sample]!;
	if (renew !== undefined && typeof renew !== 'boolean') return fail(400, 'badRequest');
	if (renew && !entry.renewable) return fail(400, 'notRenewable');
	if (deps.mode === 'azure' || !deps.demo) return fail(503, 'demoOff');
	const client = clientOf(request);
	const limits = limitsFor(deps);
	const slot = limits.slots.acquire(client);
	if (slot === 'total')
		return fail(503, 'busy', { count: limits.slots.maxTotal }, RETRY_AFTER_SECONDS);
	if (slot === 'client') return fail(429, 'tooManyForClient', {}, RETRY_AFTER_SECONDS);
	if (renew) {
		const wait = limits.renewals.take(client);
		if (wait) {
			slot();
			return fail(
				429,
				'renewRate',
				{ count: deps.renewalsPerClient ?? 10, minutes: RENEW_WINDOW_MS / 60_000 },
				wait
			);
		}
	}

	try {
		const demo = await deps.demo();
		const t = uiTranslator(lang);
		const words = redactionWords(lang);
		const redact = (value: string) =>
			redactSecrets(value, words, [...demo.issuedTokens(), DEMO_SERVICE_PRINCIPAL.clientSecret]);
		const seconds = (ms: number) => (ms / 1000).toFixed(1);
		const imdsHost = new URL(demo.imdsUrl).host;

		if (entry.kind === 'imds') {
			const started = performance.now();
			const url = new URL('/metadata/identity/oauth2/token', demo.imdsUrl);
			url.searchParams.set('api-version', '2018-02-01');
			url.searchParams.set('resource', 'https://vault.azure.net');
			const response = await fetch(url, {
				headers: { Metadata: 'true' },
				signal: AbortSignal.timeout(5000),
			});
			const raw = (await response.text()).slice(0, 16_384);
			const ms = Math.round(performance.now() - started);
			let pretty = raw;
			try {
				pretty = JSON.stringify(JSON.parse(raw), null, 2);
			} catch {
				// Not JSON: shown as it came, redacted all the same.
			}
			log(`snippets status=200 sample=${sample} imds=${response.status} ms=${ms}`);
			return json(200, {
				sample: sample as LiveSnippetId,
				outcome: response.ok ? 'ok' : 'failed',
				summary: t('kvcert.snippet.api.imdsAnswered', { status: response.status, ms }),
				exitCode: null,
				durationMs: ms,
				output: [],
				trace: [
					{
						service: 'imds',
						method: 'GET',
						host: IMDS_TRACE_HOST,
						path: `${url.pathname}?api-version=2018-02-01&resource=https://vault.azure.net`,
						status: response.status,
						ms,
					},
				],
				responseBody: redact(pretty),
				truncated: raw.length >= 16_384,
			});
		}

		const script = resolve(deps.root, entry.script ?? '');
		const inside = relative(deps.root, script);
		if (!entry.script || inside.startsWith('..') || isAbsolute(inside)) return fail(500, 'failed');
		const { tunnel, caFile } = await demoAccess(demo, deps.vaultHost);
		const env: Record<string, string> = {
			KEYVAULT_URL: `https://${deps.vaultHost}`,
			CERTIFICATE_NAME: entry.certificate ?? 'webcert',
			...(entry.clientSecret
				? {
						// Architecture 1: an app registration that exists only in the emulator.
						AZURE_TENANT_ID: demo.tenantId,
						AZURE_CLIENT_ID: DEMO_SERVICE_PRINCIPAL.clientId,
						AZURE_CLIENT_SECRET: DEMO_SERVICE_PRINCIPAL.clientSecret,
					}
				: {
						// The samples' ManagedIdentityCredential asks this IMDS instead of 169.254.169.254.
						AZURE_POD_IDENTITY_AUTHORITY_HOST: demo.imdsUrl,
					}),
			// HTTPS goes through the tunnel, which leads only to the emulator (vault, Entra ID).
			HTTPS_PROXY: tunnel.proxyUrl,
			NO_PROXY: '127.0.0.1,localhost,[::1]',
			NODE_EXTRA_CA_CERTS: caFile,
			AZURE_LOG_LEVEL: 'info',
			...entry.env,
		};
		if (entry.stopAfterFirstOutputMs !== undefined) env['PORT'] = String(await freePort());
		const certificate = env['CERTIFICATE_NAME']!;
		// The visitor's own view of the demo vault (a user-assigned identity the sample picks with
		// AZURE_CLIENT_ID): a run that writes or renews opens it, later runs and the thumbprint API
		// read it, and nobody else sees its changes. Without one, a run reads the demo vault as seeded.
		const visitors = visitorViewsOf(demo);
		const visitorId = visitorIdOf(request);
		let own: VisitorView | undefined = visitors.find(visitorId);
		if (!own && (entry.writes || renew)) {
			try {
				own = visitors.open(visitorId, client);
			} catch {
				return fail(503, 'viewsFull', {}, RETRY_AFTER_SECONDS);
			}
		}
		if (own && !entry.clientSecret) env['AZURE_CLIENT_ID'] = own.view.clientId;
		const cookie =
			own && own.id !== visitorId ? { 'Set-Cookie': visitorCookie(own.id, request) } : {};
		const ownView = renew ? own?.view : undefined;
		const raw = await runSample({
			script,
			cwd: deps.root,
			env,
			timeoutMs: deps.timeoutMs ?? SNIPPET_TIMEOUT_MS,
			maxOutputBytes: deps.maxOutputBytes ?? 65_536,
			// A renewal is picked up at the sample's next look (every second, later on a loaded machine):
			// give it longer; the switch line stops the run as soon as it shows.
			...(entry.stopAfterFirstOutputMs !== undefined
				? { stopAfterFirstOutputMs: entry.stopAfterFirstOutputMs * (ownView ? 3 : 1) }
				: {}),
			...(entry.stopWhenOutput ? { stopWhenOutput: entry.stopWhenOutput } : {}),
			...(ownView
				? {
						onFirstOutput: () => {
							try {
								const version = ownView.rotate(certificate);
								return t('kvcert.snippet.api.renewed', {
									name: certificate,
									version: version.version,
								});
							} catch {
								return t('kvcert.snippet.api.renewRefused');
							}
						},
					}
				: {}),
			signal: request.signal,
		});
		const { trace, otherLines } = splitAzureLog(raw.stderr, {
			imdsHost,
			vaultHost: deps.vaultHost,
			entraHost: ENTRA_HOST,
		});
		const output = toOutput(
			[
				...raw.stdout.map((line) => ({ ...line, stream: 'stdout' as const })),
				...otherLines.map((line) => ({ ...line, stream: 'stderr' as const })),
				...raw.notes.map((line) => ({ ...line, stream: 'note' as const })),
			],
			redact
		);
		for (const entryTrace of trace) entryTrace.path = redact(entryTrace.path);
		const summaryValues = {
			seconds: seconds(raw.durationMs),
			code: raw.exitCode ?? '-',
			kb: Math.round((deps.maxOutputBytes ?? 65_536) / 1024),
		};
		log(
			`snippets status=200 sample=${sample} outcome=${raw.outcome} requests=${trace.length} ms=${raw.durationMs}`
		);
		return json(
			200,
			{
				sample: sample as LiveSnippetId,
				outcome: raw.outcome,
				summary: t(`kvcert.snippet.api.outcome.${raw.outcome}`, summaryValues),
				exitCode: raw.exitCode,
				durationMs: raw.durationMs,
				output,
				trace,
				truncated: raw.truncated,
			},
			cookie
		);
	} catch (error) {
		log(`snippets status=500 sample=${sample} error=${(error as Error)?.name ?? 'Error'}`);
		return fail(500, 'failed');
	} finally {
		slot();
	}
}

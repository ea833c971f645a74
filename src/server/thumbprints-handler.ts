import type { CertificateClient } from '@azure/keyvault-certificates';
import type { ThumbprintsErrorResponse, ThumbprintsResponse } from '../core/thumbprint/types.ts';
import type { RunningEmulator } from '../emulator/emulator.ts';
import { explainError } from './explain-error.ts';
import { fetchCertificateVersions } from './fetch-certificate-versions.ts';
import { langOf, serverTranslator } from './server-i18n.ts';
import type { VaultMode } from './vault-mode.ts';
import { checkVaultUrl, isValidCertificateName } from './vault-url.ts';

/** The emulator details the handler needs. */
export type DemoVault = Pick<RunningEmulator, 'vaultUrl' | 'imdsUrl' | 'caPem'>;

/** What {@link handleThumbprintsRequest} depends on (injected so tests can watch every call). */
export interface ThumbprintsDependencies {
	mode: VaultMode;
	/** The demo vault (started on first use); absent in `azure` mode. */
	demo?: () => Promise<DemoVault>;
	/** Makes the client for an allowed vault: the only way the handler reaches the network. */
	createClient: (
		target: { kind: 'azure'; vaultUrl: string } | { kind: 'demo'; demo: DemoVault }
	) => CertificateClient;
	/** Upper bound for the whole lookup. @default 20000 */
	timeoutMs?: number;
	/** One line per request: status, vault host, name, timing. Never a token or a secret. */
	log?: (line: string) => void;
	/** Lookups running at once before new ones get 503. @default 8 */
	maxConcurrent?: number;
}

let inFlight = 0;

/** Seconds a client is asked to wait when every lookup slot is taken. */
const BUSY_RETRY_AFTER_SECONDS = 5;

const json = (
	status: number,
	body: ThumbprintsResponse | ThumbprintsErrorResponse,
	headers: Record<string, string> = {}
) =>
	new Response(JSON.stringify(body), {
		status,
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff',
			...headers,
		},
	});

/**
 * `GET /api/thumbprints?vault=<url>&name=<certificate>&lang=ja|en`: every version of a Key Vault
 * certificate, newest first, with SHA-1, SHA-256, x5t, dates, subject, SANs and which is current.
 * The vault URL is checked against the allow-list before anything touches the network.
 */
export async function handleThumbprintsRequest(
	request: Request,
	deps: ThumbprintsDependencies
): Promise<Response> {
	const url = new URL(request.url);
	const lang = langOf(url.searchParams.get('lang') ?? request.headers.get('accept-language'));
	const t = serverTranslator(lang);
	const log = deps.log ?? (() => {});
	const fail = (status: number, code: string, headers: Record<string, string> = {}) => {
		log(`thumbprints status=${status} error=${code}`);
		return json(status, { error: { code, message: t(`kvcert.thumbprint.api.${code}`) } }, headers);
	};
	if (request.method !== 'GET' && request.method !== 'HEAD')
		return fail(405, 'methodNotAllowed', { Allow: 'GET, HEAD' });

	const vaultInput = url.searchParams.get('vault');
	const name = url.searchParams.get('name');
	const demoAllowed = deps.mode !== 'azure' && deps.demo;
	if (!demoAllowed && vaultInput?.trim() === 'demo') return fail(400, 'azureOnly');
	const demo = demoAllowed ? await deps.demo!() : undefined;
	const check = checkVaultUrl(vaultInput, demo?.vaultUrl);
	if (!check.ok) return fail(400, check.reason);
	if (check.kind === 'azure' && deps.mode === 'demo') return fail(400, 'demoOnly');
	if (!isValidCertificateName(name)) return fail(400, 'nameInvalid');
	// This server's own limit: the answer says so, and never blames Key Vault.
	if (inFlight >= (deps.maxConcurrent ?? 8))
		return fail(503, 'busy', { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) });

	const timeoutMs = deps.timeoutMs ?? 20_000;
	const started = Date.now();
	const host = new URL(check.vaultUrl).host;
	inFlight++;
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	try {
		const client =
			check.kind === 'demo' && demo
				? deps.createClient({ kind: 'demo', demo })
				: deps.createClient({ kind: 'azure', vaultUrl: check.vaultUrl });
		const timeout = new Promise<never>((_, reject) =>
			controller.signal.addEventListener('abort', () =>
				reject(Object.assign(new Error('timeout'), { name: 'TimeoutError' }))
			)
		);
		const result = await Promise.race([
			fetchCertificateVersions(client, name, { abortSignal: controller.signal }),
			timeout,
		]);
		log(
			`thumbprints status=200 vault=${host} name=${name} versions=${result.versions.length} ms=${Date.now() - started}`
		);
		return json(200, { vaultUrl: check.vaultUrl, ...result });
	} catch (error) {
		const explained = explainError(error, Math.round(timeoutMs / 1000));
		log(
			`thumbprints status=${explained.status} error=${explained.code} vault=${host} name=${name} ms=${Date.now() - started}`
		);
		return json(explained.status, {
			error: {
				code: explained.code,
				message: t(`kvcert.thumbprint.api.${explained.code}`, { name, ...explained.values }),
			},
		});
	} finally {
		clearTimeout(timer);
		inFlight--;
	}
}

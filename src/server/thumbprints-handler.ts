import type { ThumbprintsErrorResponse, ThumbprintsResponse } from '../core/thumbprint/types.ts';
import {
	lookUpCertificateVersions,
	type DemoVault,
	type VersionsLookupDependencies,
} from '../vault/look-up-certificate-versions.ts';
import { langOf } from '../core/i18n/lang.ts';
import { uiTranslator } from '../core/i18n/ui-strings.ts';

export type { DemoVault };

/** What {@link handleThumbprintsRequest} depends on (injected so tests can watch every call). */
export interface ThumbprintsDependencies extends VersionsLookupDependencies {
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
	const t = uiTranslator(lang);
	const log = deps.log ?? (() => {});
	const fail = (status: number, code: string, headers: Record<string, string> = {}) => {
		log(`thumbprints status=${status} error=${code}`);
		return json(status, { error: { code, message: t(`kvcert.thumbprint.api.${code}`) } }, headers);
	};
	if (request.method !== 'GET' && request.method !== 'HEAD')
		return fail(405, 'methodNotAllowed', { Allow: 'GET, HEAD' });

	const vaultInput = url.searchParams.get('vault');
	const name = url.searchParams.get('name');
	// This server's own limit: the answer says so, and never blames Key Vault.
	if (inFlight >= (deps.maxConcurrent ?? 8))
		return fail(503, 'busy', { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) });

	const started = Date.now();
	inFlight++;
	try {
		const result = await lookUpCertificateVersions(vaultInput, name, deps);
		if (!result.ok && !('host' in result)) return fail(result.status, result.code);
		if (result.ok) {
			log(
				`thumbprints status=200 vault=${result.host} name=${name} versions=${result.response.versions.length} ms=${Date.now() - started}`
			);
			return json(200, result.response);
		}
		log(
			`thumbprints status=${result.status} error=${result.code} vault=${result.host} name=${name} ms=${Date.now() - started}`
		);
		return json(result.status, {
			error: {
				code: result.code,
				message: t(`kvcert.thumbprint.api.${result.code}`, result.values),
			},
		});
	} finally {
		inFlight--;
	}
}

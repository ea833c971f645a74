import { X509Certificate } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http-helpers.ts';
import type { VaultStore } from './vault-store.ts';
import { WriteRefusedError } from './write-budget.ts';

/** Path prefix of the emulator's admin endpoint (on the IMDS port, loopback only). */
export const ADMIN_PREFIX = '/kvcert/admin/';
/** Header every admin request must carry: a browser cannot send it cross-site without a preflight. */
export const ADMIN_HEADER = 'x-kvcert-admin';

/** What the admin endpoint acts on. */
export interface AdminContext {
	store: VaultStore;
	rotate(name: string): { version: string; der: Buffer };
	/** The shared store is the site's demo vault, which every visitor reads: no admin changes. */
	readOnly?: boolean;
}

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|\[::1\]|localhost)(?::\d+)?$/i;

const refuse = (res: ServerResponse, status: number, code: string, message: string) =>
	sendJson(res, status, { error: { code, message } });

/**
 * `POST /kvcert/admin/certificates/{name}/rotate` (a new version, as a renewal in Key Vault) and
 * `POST /kvcert/admin/certificates/{name}/disable[?version=…]` (the latest version by default).
 * Refused unless the caller and the Host are loopback and the admin header is present.
 */
export function handleAdminRequest(
	req: IncomingMessage,
	res: ServerResponse,
	context: AdminContext
): void {
	if (!LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? ''))
		return refuse(res, 403, 'NotLoopback', 'The admin endpoint answers loopback callers only.');
	if (!LOOPBACK_HOST.test(req.headers.host ?? ''))
		return refuse(
			res,
			403,
			'HostNotAllowed',
			'The admin endpoint answers loopback host names only.'
		);
	if (req.headers[ADMIN_HEADER] !== '1')
		return refuse(res, 403, 'AdminHeaderMissing', `Send the header ${ADMIN_HEADER}: 1.`);
	if (context.readOnly)
		return refuse(
			res,
			403,
			'ReadOnly',
			"This is the site's demo vault, which every visitor reads: it cannot be changed. Start your own with kvcert emulator."
		);
	if (req.method !== 'POST')
		return refuse(res, 405, 'MethodNotAllowed', 'The admin endpoint takes POST only.');
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const match = /^\/kvcert\/admin\/certificates\/([A-Za-z0-9-]{1,127})\/(rotate|disable)$/.exec(
		url.pathname
	);
	if (!match) return refuse(res, 404, 'NotFound', 'Unknown admin action.');
	const [, name, action] = match as unknown as [string, string, 'rotate' | 'disable'];
	const certificate = context.store.get(name);
	if (!certificate)
		return refuse(res, 404, 'CertificateNotFound', `No certificate named ${name} in the emulator.`);
	if (action === 'rotate') {
		let created;
		try {
			created = context.rotate(certificate.name);
		} catch (error) {
			if (!(error instanceof WriteRefusedError)) throw error;
			const { refusal } = error;
			return sendJson(
				res,
				refusal.reason === 'throttled' ? 429 : 409,
				{ error: { code: 'WriteRefused', message: error.message } },
				refusal.reason === 'throttled' ? { 'Retry-After': String(refusal.retryAfterSeconds) } : {}
			);
		}
		const thumbprint = new X509Certificate(created.der).fingerprint.replace(/:/g, '');
		return sendJson(res, 200, { name: certificate.name, version: created.version, thumbprint });
	}
	const wanted = url.searchParams.get('version')?.toLowerCase();
	const target = wanted
		? context.store.getVersion(certificate.name, wanted)
		: context.store.latest(certificate.name);
	if (!target)
		return refuse(res, 404, 'VersionNotFound', `No version ${wanted ?? ''} of ${name}.`.trim());
	target.enabled = false;
	const thumbprint = new X509Certificate(target.der).fingerprint.replace(/:/g, '');
	sendJson(res, 200, {
		name: certificate.name,
		version: target.version,
		thumbprint,
		enabled: false,
	});
}

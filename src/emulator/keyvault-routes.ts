import { X509Certificate } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendJson, withoutTrailingSlashes } from './http-helpers.ts';
import type { TokenRegistry } from './identities.ts';
import { ImportError, parseImportValue } from './import-certificate.ts';
import {
	certificateBundle,
	certificateItem,
	certificateListItem,
	certificateNotFound,
	errorBody,
	policyJson,
	secretBundle,
	secretVersionItem,
	secretNotFound,
	secretValue,
} from './keyvault-json.ts';
import {
	createPolicy,
	newVersionId,
	type CertificatePolicy,
	type SecretContentType,
	type StoredCertificate,
	type VaultStore,
} from './vault-store.ts';
import type { TokenViews } from './token-views.ts';
import type { WriteRefusal } from './write-budget.ts';

/** What the Key Vault routes need. */
export interface KeyVaultContext {
	store: VaultStore;
	tokens: TokenRegistry;
	/** Tenant named in the challenge (`authorization="https://login.microsoftonline.com/<tenant>"`). */
	tenantId: string;
	/**
	 * Host names (without port) the vault's ids may be built from: the request's Host is used when
	 * it is one of these (a client through the tunnel sees its own `*.vault.azure.net` name),
	 * otherwise ids use `origin`. Ids never echo an arbitrary Host.
	 */
	hostNames?: Set<string>;
	/** The vault's own origin (`https://127.0.0.1:<port>`). */
	origin?: string;
	/**
	 * Copy-on-write views for tokens without a store of their own: with it, their writes go to a
	 * copy per token and `store` stays as seeded (the site's demo vault); without it, they write `store`.
	 */
	tokenViews?: TokenViews;
	/** Called once per request with what was asked and the status (never a header or a body). */
	onRequest?: (entry: { method: string; path: string; status: number }) => void;
}

/**
 * api-version values the emulator accepts: 7.0–7.6 and dated versions (keyvault-certificates 4.10
 * sends 2025-07-01, keyvault-secrets 4.12 sends 2026-04-01).
 */
export const SUPPORTED_API_VERSION = /^(7\.[0-6]|20(2[5-9]|3\d)-\d\d-\d\d(-preview)?)$/;
const NAME = /^[0-9a-z-]{1,127}$/i;
const RESERVED = new Set(['versions', 'policy', 'pending', 'import', 'create', 'backup']);

interface Reply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

const badParameter = (message: string): Reply => ({
	status: 400,
	body: errorBody('BadParameter', message),
});

/** The answer when the store's write limits refuse a new version. */
function writeRefused(refusal: WriteRefusal, store: VaultStore): Reply {
	if (refusal.reason === 'throttled')
		return {
			status: 429,
			body: errorBody(
				'Throttled',
				"Operations per minute for this vault exceeded the emulator's limit. Retry after the time in Retry-After."
			),
			headers: { 'Retry-After': String(refusal.retryAfterSeconds) },
		};
	return badParameter(
		refusal.reason === 'tooManyVersions'
			? `The emulator keeps at most ${store.limits.maxVersionsPerCertificate ?? 50} versions of a certificate.`
			: refusal.reason === 'full'
				? `This copy of the demo vault is full (${store.limits.maxWrites ?? 0} new versions). A new copy starts from the demo vault: get a new token, or on the site wait until the copy has gone unused for 30 minutes.`
				: `The emulator keeps at most ${store.limits.maxCertificates ?? 64} certificates.`
	);
}

/** Parses a create/import body; an empty body is an empty object (the SDK's first try has none). */
function parseJsonBody(text: string): Record<string, unknown> | undefined {
	if (!text.trim()) return {};
	try {
		const value: unknown = JSON.parse(text);
		return value && typeof value === 'object' && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

/** The 401 challenge exactly as keyvault-sdk.md §2.5 describes (comma followed by a space). */
function challenge(tenantId: string, message: string): Reply {
	return {
		status: 401,
		body: errorBody('Unauthorized', message),
		headers: {
			'WWW-Authenticate': `Bearer authorization="https://login.microsoftonline.com/${tenantId}", resource="https://vault.azure.net"`,
		},
	};
}

function forbidden(action: string, clientId: string, objectId: string): Reply {
	return {
		status: 403,
		body: errorBody(
			'Forbidden',
			`Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: appid=${clientId};oid=${objectId}\r\nAction: '${action}'\r\nResource: 'kvcert-demo-vault'\r\nAssignment: (not found)\r\nVault: kvcert-demo-vault;location=japaneast\r\n`,
			'ForbiddenByRbac'
		),
	};
}

/** Collects one page of a list with Key Vault's absolute `nextLink`. */
function page<T>(items: T[], url: URL, origin: string): { value: T[]; nextLink: string | null } {
	const max = Math.min(Math.max(Number(url.searchParams.get('maxresults') ?? 25) || 25, 1), 25);
	const skip = Number(
		Buffer.from(url.searchParams.get('$skiptoken') ?? '', 'base64url').toString() || 0
	);
	const start = Number.isInteger(skip) && skip > 0 ? skip : 0;
	const value = items.slice(start, start + max);
	if (start + max >= items.length) return { value, nextLink: null };
	const next = new URL(url.pathname, origin);
	next.searchParams.set('api-version', url.searchParams.get('api-version') ?? '2025-07-01');
	next.searchParams.set('$skiptoken', Buffer.from(String(start + max)).toString('base64url'));
	next.searchParams.set('maxresults', String(max));
	return { value, nextLink: next.href };
}

async function certificateRoutes(
	req: IncomingMessage,
	segments: string[],
	url: URL,
	origin: string,
	store: VaultStore
): Promise<Reply> {
	const [name, second, third] = segments;
	const method = req.method ?? 'GET';
	if (name === undefined || name === '') {
		if (method !== 'GET')
			return { status: 405, body: errorBody('MethodNotAllowed', 'Method not allowed.') };
		const items = store.list().flatMap((c) => {
			const latest = store.latest(c.name);
			return latest ? [certificateListItem(origin, c, latest)] : [];
		});
		return { status: 200, body: page(items, url, origin) };
	}
	if (!NAME.test(name))
		return badParameter(`The certificate name '${name.slice(0, 140)}' is invalid.`);
	if (third !== undefined)
		return { status: 404, body: errorBody('NotFound', 'The requested resource was not found.') };
	const certificate = store.get(name);

	if (method === 'POST' && (second === 'import' || second === 'create')) {
		const body = parseJsonBody(await readBody(req));
		if (!body) return badParameter('The request body is not valid JSON.');
		const refusal = store.takeWrite(name);
		if (refusal) return writeRefused(refusal, store);
		return second === 'import'
			? importRoute(origin, name, body, store)
			: createRoute(origin, name, body, store, certificate);
	}
	if (method !== 'GET')
		return { status: 405, body: errorBody('MethodNotAllowed', 'Method not allowed.') };

	if (second === 'versions') {
		const items = certificate
			? certificate.versions.map((v) => certificateItem(origin, certificate, v))
			: [];
		return { status: 200, body: page(items, url, origin) };
	}
	if (!certificate) return { status: 404, body: certificateNotFound(name) };
	if (second === 'policy') return { status: 200, body: policyJson(origin, certificate) };
	if (second === 'pending') return pendingRoute(origin, certificate);
	if (second !== undefined && RESERVED.has(second))
		return { status: 405, body: errorBody('MethodNotAllowed', 'Method not allowed.') };
	if (second === undefined || second === '') {
		const latest = store.latest(name);
		if (!latest) return { status: 404, body: certificateNotFound(name) };
		return { status: 200, body: certificateBundle(origin, certificate, latest, true) };
	}
	const version = store.getVersion(name, second);
	if (!version) return { status: 404, body: certificateNotFound(`${name}/${second}`) };
	return { status: 200, body: certificateBundle(origin, certificate, version, false) };
}

function importRoute(
	origin: string,
	name: string,
	body: Record<string, unknown>,
	store: VaultStore
): Reply {
	if (typeof body['value'] !== 'string') return badParameter('Property value is required.');
	const requestPolicy = (body['policy'] ?? {}) as { secret_props?: { contentType?: string } };
	const contentType: SecretContentType =
		requestPolicy.secret_props?.contentType === 'application/x-pem-file'
			? 'application/x-pem-file'
			: 'application/x-pkcs12';
	let imported;
	try {
		imported = parseImportValue(body['value'], typeof body['pwd'] === 'string' ? body['pwd'] : '');
	} catch (error) {
		const message =
			error instanceof ImportError ? error.message : 'The certificate could not be read.';
		return badParameter(message);
	}
	const created = Math.floor(Date.now() / 1000);
	const x509Subject = new X509Certificate(imported.der);
	const policy: CertificatePolicy = store.get(name)?.policy ?? {
		...createPolicy({
			subject: x509Subject.subject.split('\n').join(', '),
			dnsNames: (x509Subject.subjectAltName ?? '')
				.split(', ')
				.filter((s: string) => s.startsWith('DNS:'))
				.map((s: string) => s.slice(4)),
			keyType: imported.privateKey?.asymmetricKeyType === 'rsa' ? 'RSA' : 'EC',
			contentType,
			issuerName: 'Unknown',
			created,
		}),
		lifetime_actions: [
			{ trigger: { lifetime_percentage: 80 }, action: { action_type: 'EmailContacts' } },
		],
	};
	const version = {
		version: newVersionId(),
		der: imported.der,
		chain: imported.chain,
		...(imported.privateKey ? { privateKey: imported.privateKey } : {}),
		created,
		updated: created,
		enabled: true,
		tags: (body['tags'] as Record<string, string> | undefined) ?? {},
	};
	const certificate = store.addVersion(name, policy, version);
	return { status: 200, body: certificateBundle(origin, certificate, version, true) };
}

const pendingOperations = new WeakMap<StoredCertificate, { requestId: string; polled: boolean }>();

function operationJson(
	origin: string,
	certificate: StoredCertificate,
	status: string,
	requestId: string
) {
	return {
		id: `${origin}/certificates/${certificate.name}/pending`,
		issuer: { name: certificate.policy.issuer.name },
		csr: '',
		cancellation_requested: false,
		status,
		status_details:
			status === 'completed'
				? undefined
				: 'Pending certificate created. Certificate request is in progress. This may take some time based on the issuer provider. Please check again later.',
		target: `${origin}/certificates/${certificate.name}`,
		request_id: requestId,
	};
}

/** `create`: a new self-signed version from the given or existing policy (a rotation). */
function createRoute(
	origin: string,
	name: string,
	body: Record<string, unknown>,
	store: VaultStore,
	existing: StoredCertificate | undefined
): Reply {
	const requested = body['policy'] as Partial<CertificatePolicy> | undefined;
	const subject = requested?.x509_props?.subject ?? existing?.policy.x509_props.subject;
	if (!subject) return badParameter('Property policy.x509_props.subject is required.');
	const issuerName = requested?.issuer?.name ?? existing?.policy.issuer.name ?? 'Self';
	if (issuerName !== 'Self')
		return badParameter('The emulator can only create self-signed certificates (issuer Self).');
	const months = requested?.x509_props?.validity_months;
	if (months !== undefined && !(Number.isInteger(months) && months >= 1 && months <= 1200))
		return badParameter(
			'Property policy.x509_props.validity_months must be a whole number of months (1 to 1200).'
		);
	// Work on a copy: a refused request leaves the stored policy as it was.
	const policy: CertificatePolicy = structuredClone(existing?.policy ?? createPolicy({ subject }));
	if (requested?.x509_props) policy.x509_props = { ...policy.x509_props, ...requested.x509_props };
	if (requested?.key_props) policy.key_props = { ...policy.key_props, ...requested.key_props };
	if (requested?.secret_props?.contentType)
		policy.secret_props = { contentType: requested.secret_props.contentType };
	try {
		store.createVersion(name, policy, { tags: (body['tags'] as Record<string, string>) ?? {} });
	} catch {
		return badParameter(
			'The emulator could not create this certificate: the subject must be a distinguished name such as CN=www.contoso.test, O=Contoso.'
		);
	}
	if (existing) existing.policy = policy;
	const certificate = store.get(name)!;
	const requestId = newVersionId();
	pendingOperations.set(certificate, { requestId, polled: false });
	return { status: 202, body: operationJson(origin, certificate, 'inProgress', requestId) };
}

function pendingRoute(origin: string, certificate: StoredCertificate): Reply {
	const operation = pendingOperations.get(certificate);
	if (!operation)
		return {
			status: 404,
			body: errorBody(
				'PendingCertificateNotFound',
				`Pending certificate not found: ${certificate.name}`
			),
		};
	return {
		status: 200,
		body: operationJson(origin, certificate, 'completed', operation.requestId),
	};
}

async function secretRoutes(
	req: IncomingMessage,
	segments: string[],
	url: URL,
	origin: string,
	store: VaultStore
): Promise<Reply> {
	const [name, version, extra] = segments;
	if (req.method !== 'GET')
		return { status: 405, body: errorBody('MethodNotAllowed', 'Method not allowed.') };
	if (!name || extra !== undefined)
		return { status: 404, body: errorBody('NotFound', 'The requested resource was not found.') };
	if (!NAME.test(name)) return badParameter(`The secret name '${name.slice(0, 140)}' is invalid.`);
	const certificate = store.get(name);
	// The versions of a certificate-backed secret, values left out (as Key Vault lists them).
	if (version === 'versions') {
		if (!certificate) return { status: 404, body: secretNotFound(name) };
		const items = certificate.versions.map((v) => secretVersionItem(origin, certificate, v));
		return { status: 200, body: page(items, url, origin) };
	}
	const found = version ? store.getVersion(name, version) : store.latest(name);
	if (!certificate || !found)
		return { status: 404, body: secretNotFound(version ? `${name}/${version}` : name) };
	if (!found.enabled)
		return {
			status: 403,
			body: errorBody(
				'Forbidden',
				'Operation get is not allowed on a disabled secret.',
				'SecretDisabled'
			),
		};
	return {
		status: 200,
		body: secretBundle(origin, certificate, found, secretValue(certificate.policy, found)),
	};
}

/**
 * Key Vault's certificates API and the certificate-backed secrets API, behind the challenge
 * authentication the SDK expects (keyvault-sdk.md §2.5). Ids are built from the request's Host.
 */
export async function handleKeyVaultRequest(
	req: IncomingMessage,
	res: ServerResponse,
	context: KeyVaultContext
): Promise<void> {
	const origin = originOf(req.headers.host, context);
	const url = new URL(req.url ?? '/', origin);
	const reply = await route(req, url, origin, context).catch((error: unknown): Reply => {
		if (error instanceof BodyTooLargeError) return badParameter('The request body is too large.');
		return {
			status: 500,
			body: errorBody('InternalServerError', 'The emulator failed to handle the request.'),
		};
	});
	context.onRequest?.({ method: req.method ?? 'GET', path: url.pathname, status: reply.status });
	sendJson(res, reply.status, reply.body, reply.headers);
}

/** The origin ids are built from: the request's Host when it is one of the vault's names. */
function originOf(host: string | undefined, context: KeyVaultContext): string {
	const value = (host ?? '').toLowerCase();
	const name = value.replace(/:\d{1,5}$/, '');
	if (!context.hostNames || context.hostNames.has(name)) return `https://${value || 'localhost'}`;
	return context.origin ?? 'https://localhost';
}

async function route(
	req: IncomingMessage,
	url: URL,
	origin: string,
	context: KeyVaultContext
): Promise<Reply> {
	const authorization = req.headers.authorization ?? '';
	const match = /^Bearer (\S+)$/i.exec(authorization);
	if (!match)
		return challenge(context.tenantId, 'AKV10000: Request is missing a Bearer or PoP token.');
	const issued = context.tokens.lookup(match[1] ?? '');
	if (!issued || issued.identity.closed)
		return challenge(
			context.tenantId,
			'AKV10032: Invalid issuer. The token was not issued by this emulator.'
		);
	if (withoutTrailingSlashes(issued.resource) !== 'https://vault.azure.net')
		return challenge(
			context.tenantId,
			`AKV10022: Invalid audience. Expected https://vault.azure.net, found: ${issued.resource}.`
		);

	const apiVersion = url.searchParams.get('api-version');
	if (!apiVersion) return badParameter('The api-version query parameter is missing.');
	if (!SUPPORTED_API_VERSION.test(apiVersion))
		return badParameter(
			`The specified version (${apiVersion.slice(0, 40)}) is not recognized. Consider using the latest supported version (2025-07-01).`
		);

	const [collection, ...rest] = url.pathname.split('/').slice(1);
	const writes = req.method === 'POST';
	if (!issued.identity.canReadVault) {
		const action =
			collection === 'secrets'
				? 'Microsoft.KeyVault/vaults/secrets/getSecret/action'
				: writes
					? `Microsoft.KeyVault/vaults/certificates/${rest[1] ?? 'create'}/action`
					: 'Microsoft.KeyVault/vaults/certificates/read';
		return forbidden(action, issued.identity.clientId, issued.identity.objectId);
	}
	// A visitor's view has a store of its own; other tokens read the shared one, or their own copy
	// once they have written (with tokenViews).
	let store = issued.identity.store ?? context.tokenViews?.readFor(issued) ?? context.store;
	const creates =
		collection === 'certificates' &&
		writes &&
		rest.length === 2 &&
		(rest[1] === 'create' || rest[1] === 'import');
	if (creates && !issued.identity.store && context.tokenViews) {
		const target = context.tokenViews.writeFor(issued);
		if ('reason' in target) return writeRefused(target, store);
		store = target;
	}
	if (collection === 'certificates') return certificateRoutes(req, rest, url, origin, store);
	if (collection === 'secrets') return secretRoutes(req, rest, url, origin, store);
	return { status: 404, body: errorBody('NotFound', 'The requested resource was not found.') };
}

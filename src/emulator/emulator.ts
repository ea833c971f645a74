import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createCertificate } from './certificate-factory.ts';
import { demoSeed, seedVault, type VaultSeed } from './demo-vault.ts';
import { DEMO_WEEK_ENV, demoWeekId, demoWeekStart } from './demo-week.ts';
import { DEMO_SERVICE_PRINCIPAL, ENTRA_HOST, handleEntraRequest } from './entra-routes.ts';
import { demoIdentities, TokenRegistry, type ManagedIdentity } from './identities.ts';
import { ADMIN_PREFIX, handleAdminRequest } from './admin-routes.ts';
import { handleImdsRequest } from './imds-routes.ts';
import { handleKeyVaultRequest } from './keyvault-routes.ts';
import type { StoredVersion, VaultStore } from './vault-store.ts';
import { TokenViews, type TokenViewLimits } from './token-views.ts';
import { openVaultView, type VaultView } from './vault-view.ts';
import { WriteRefusedError, type WriteLimits } from './write-budget.ts';

/** Options for {@link startEmulator}. */
export interface EmulatorOptions {
	/** Loopback address to listen on (`127.0.0.1`, `::1`; `localhost` means 127.0.0.1). Anything else is refused. @default '127.0.0.1' */
	host?: string;
	/** Key Vault HTTPS port. @default 0 (any free port) */
	port?: number;
	/** IMDS HTTP port. @default port + 1 when port is set, else 0 */
	imdsPort?: number;
	/** Vault contents. @default the demo vault of {@link EmulatorOptions.demoWeek} */
	seed?: VaultSeed;
	/**
	 * Any date (`YYYY-MM-DD`) of the week whose demo vault to serve when there is no `seed`.
	 * @default the KVCERT_DEMO_WEEK environment variable, else the current week (UTC)
	 */
	demoWeek?: string;
	/** Folder that seed `import.file` paths are relative to. @default process.cwd() */
	seedBaseDir?: string;
	/** Tenant in the challenge. @default a fixed demo tenant */
	tenantId?: string;
	identities?: ManagedIdentity[];
	/** Bounds on new versions (REST create/import, rotate, admin). @default WriteBudget's defaults */
	writeLimits?: WriteLimits;
	/** Views open at once ({@link RunningEmulator.openView}): 128 live-mode sessions and 128 visitors of the site, and room to spare. @default 320 */
	maxViews?: number;
	/**
	 * Keeps the shared store as seeded (the site's demo vault, read by every visitor): a token
	 * without a view of its own writes to its own copy (see TokenViews), and the admin endpoint is
	 * refused. Without it (`kvcert emulator`, a developer's own), tokens write the shared store.
	 */
	tokenViews?: TokenViewLimits;
}

/** One request the vault served: method, path and status only (never headers, tokens or bodies). */
export interface EmulatorRequestRecord {
	method: string;
	path: string;
	status: number;
}

/** A running emulator. */
export interface RunningEmulator {
	/** `https://127.0.0.1:<port>`: the vault URL clients use. */
	vaultUrl: string;
	/** `http://127.0.0.1:<port>`: give it to AZURE_POD_IDENTITY_AUTHORITY_HOST. */
	imdsUrl: string;
	/** The CA that signed the vault's TLS certificate (PEM). Trust it per client, never globally off. */
	caPem: string;
	tenantId: string;
	store: VaultStore;
	/** Monday (`YYYY-MM-DD`, UTC) of the week the demo vault's dates belong to; absent with a seed. */
	demoWeek?: string;
	identities: ManagedIdentity[];
	/** Every token the IMDS issued so far (tests use it to prove tokens never leak). */
	issuedTokens(): string[];
	/** Copies of the vault that tokens wrote to (with {@link EmulatorOptions.tokenViews}; else 0). */
	tokenViewCount(): number;
	/** Requests the vault served, oldest first: the last {@link REQUEST_RECORD_LIMIT} only. */
	requests: EmulatorRequestRecord[];
	/**
	 * Adds a new self-signed version from the certificate's policy (new key, new thumbprint).
	 * Throws WriteRefusedError past the store's write limits.
	 */
	rotate(name: string): StoredVersion;
	/**
	 * A visitor's own view of the vault: a copy of the store that a user-assigned identity of its
	 * own reads (ask the IMDS with its `clientId`). Renewals, disabled versions and revoked access
	 * in it touch nobody else. Throws when `maxViews` are open.
	 */
	openView(limits?: WriteLimits): VaultView;
	/**
	 * Breaks off the connection of the next `count` Key Vault requests without an answer (the client
	 * sees ECONNRESET), as a vault that stops answering for a moment: for tests of callers' retries.
	 */
	interruptNext(count: number): void;
	close(): Promise<void>;
}

/**
 * A Key Vault host name the emulator's TLS certificate also covers (with login.microsoftonline.com),
 * for clients that reach it through a tunnel (src/server/snippets/vault-tunnel.ts) with an unchanged Azure SDK, whose challenge check
 * wants a `*.vault.azure.net` host. Longer than the 24 characters Key Vault allows, so no real vault
 * can have this name.
 */
export const DEMO_VAULT_HOST = 'kvcert-demo-emulator-vault.vault.azure.net';
/** How many request records the emulator keeps (a ring: the oldest go first). */
export const REQUEST_RECORD_LIMIT = 1000;

/** The tenant the emulator's challenge names unless told otherwise. */
export const DEMO_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const LOOPBACK = new Set(['127.0.0.1', '::1']);
/** How long the vault keeps an idle connection open (see startEmulator). */
const KEEP_ALIVE_MS = 10 * 60_000;
/** Open vault connections past which idle ones are closed. */
const MAX_OPEN_CONNECTIONS = 64;

function listen(server: HttpServer | HttpsServer, port: number, host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve((server.address() as AddressInfo).port);
		});
	});
}

function close(server: HttpServer | HttpsServer): Promise<void> {
	return new Promise((resolve) => {
		server.closeAllConnections();
		server.close(() => resolve());
	});
}

/**
 * Starts the Key Vault emulator (HTTPS, challenge auth, certificates and secrets APIs) and the fake
 * IMDS token endpoint (HTTP), both on loopback only. TLS uses a CA generated for this run.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const host = options.host === 'localhost' ? '127.0.0.1' : (options.host ?? '127.0.0.1');
	if (!LOOPBACK.has(host))
		throw new Error(`The emulator listens on loopback only, not on ${host}.`);
	const tenantId = options.tenantId ?? DEMO_TENANT_ID;
	const identities = options.identities ?? demoIdentities();
	const tokens = new TokenRegistry();
	const week = options.seed
		? undefined
		: demoWeekStart(Date.now(), options.demoWeek ?? process.env[DEMO_WEEK_ENV]);
	const store = seedVault(
		options.seed ?? demoSeed(week!),
		options.seedBaseDir,
		Date.now(),
		options.writeLimits ?? {}
	);

	const now = Date.now();
	const ca = createCertificate({
		subject: 'CN=kvcert emulator CA, O=kvcert',
		notBefore: new Date(now - 3_600_000),
		notAfter: new Date(now + 30 * 86_400_000),
		isCertificateAuthority: true,
	});
	const tls = createCertificate({
		subject: 'CN=localhost, O=kvcert emulator',
		dnsNames: ['localhost', DEMO_VAULT_HOST, ENTRA_HOST],
		ipAddresses: ['127.0.0.1', '::1'],
		notBefore: new Date(now - 3_600_000),
		notAfter: new Date(now + 30 * 86_400_000),
		ekus: ['1.3.6.1.5.5.7.3.1'],
		issuer: ca.asIssuer,
	});
	const toPem = (der: Buffer) =>
		`-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`.replace(
			/\n\n/g,
			'\n'
		);
	const caPem = toPem(ca.der);

	const requests: EmulatorRequestRecord[] = [];
	const tokenViews = options.tokenViews ? new TokenViews(store, options.tokenViews) : undefined;
	// Ids in answers use the request's Host only when it is one of these names (never any Host).
	const hostNames = new Set(['localhost', '127.0.0.1', '[::1]', DEMO_VAULT_HOST]);
	let vaultOrigin = 'https://127.0.0.1';
	let interruptions = 0;
	const vault = createHttpsServer(
		{
			cert: toPem(tls.der) + caPem,
			key: tls.privateKey.export({ format: 'pem', type: 'pkcs8' }),
		},
		(req, res) => {
			if (interruptions > 0) {
				interruptions--;
				req.socket.destroy();
				return;
			}
			// Through a tunnel the same port also answers as Microsoft Entra ID (client secrets).
			if ((req.headers.host ?? '').replace(/:443$/, '') === ENTRA_HOST) {
				void handleEntraRequest(req, res, { tenantId, tokens, principal: DEMO_SERVICE_PRINCIPAL });
				return;
			}
			void handleKeyVaultRequest(req, res, {
				store,
				tokens,
				tenantId,
				hostNames,
				...(tokenViews ? { tokenViews } : {}),
				origin: vaultOrigin,
				onRequest: (entry) => {
					if (requests.push(entry) > REQUEST_RECORD_LIMIT)
						requests.splice(0, requests.length - REQUEST_RECORD_LIMIT);
				},
			});
		}
	);
	// Node's server closes an idle kept-alive connection after 5 s and tells the client so; Node 20's
	// client keeps it exactly that long, so a request sent at that moment met a closing socket
	// (ECONNRESET "socket hang up": 3 of 84 reads in bursts 5 s apart, and 9 of 15 participants' exercise
	// B in a workshop dry run). Clients here are this process's own SDK clients: keep them 10 minutes.
	vault.keepAliveTimeout = KEEP_ALIVE_MS;
	// Long-lived idle connections must not pile up when clients do not reuse theirs (a fresh SDK
	// client per request, command-line tools): past a bound, the idle ones are closed.
	const open = new Set<Socket>();
	vault.on('connection', (socket: Socket) => {
		open.add(socket);
		socket.once('close', () => open.delete(socket));
		if (open.size > MAX_OPEN_CONNECTIONS) vault.closeIdleConnections();
	});
	const rotate = (name: string, within: VaultStore = store) => {
		const certificate = within.get(name);
		if (!certificate) throw new Error(`No certificate named ${name} in the emulator.`);
		const refusal = within.takeWrite(certificate.name);
		if (refusal) throw new WriteRefusedError(refusal);
		return within.createVersion(certificate.name, certificate.policy);
	};
	const views = { open: 0, max: options.maxViews ?? 320 };
	// The IMDS port also serves the loopback-only admin endpoint (`kvcert emulator rotate`).
	const imds = createHttpServer((req, res) =>
		(req.url ?? '').startsWith(ADMIN_PREFIX)
			? handleAdminRequest(req, res, {
					store,
					rotate: (name) => rotate(name),
					readOnly: tokenViews !== undefined,
				})
			: handleImdsRequest(req, res, { identities, tokens })
	);

	const port = await listen(vault, options.port ?? 0, host);
	let imdsPort: number;
	try {
		imdsPort = await listen(imds, options.imdsPort ?? (options.port ? options.port + 1 : 0), host);
	} catch (error) {
		await close(vault);
		throw error;
	}
	const urlHost = host === '::1' ? '[::1]' : host;
	vaultOrigin = `https://${urlHost}:${port}`;
	return {
		vaultUrl: `https://${urlHost}:${port}`,
		imdsUrl: `http://${urlHost}:${imdsPort}`,
		caPem,
		tenantId,
		store,
		...(week ? { demoWeek: demoWeekId(week) } : {}),
		identities,
		issuedTokens: () => tokens.all(),
		tokenViewCount: () => tokenViews?.size ?? 0,
		requests,
		rotate: (name) => rotate(name),
		openView: (limits) => openVaultView({ store, identities, views, rotate }, limits),
		interruptNext: (count) => {
			interruptions = Math.max(0, Math.floor(count));
		},
		close: async () => {
			await Promise.all([close(vault), close(imds)]);
		},
	};
}

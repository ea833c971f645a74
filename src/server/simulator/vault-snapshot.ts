import { X509Certificate } from 'node:crypto';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { SecretClient } from '@azure/keyvault-secrets';
import type { RunningEmulator } from '../../emulator/emulator.ts';
import { EmulatorImdsCredential } from '../../vault/emulator-credential.ts';
import { readPfxCertificates } from '../../core/thumbprint/read-pfx.ts';
import type { VaultVersion } from '../../core/simulate/index.ts';

/** One HTTP request of a poll: method, path and status only (never headers, tokens or bodies). */
export interface TraceEntry {
	method: string;
	path: string;
	/** 0 when no answer came (network error). */
	status: number;
}

/** What one poll read from the vault with the real SDK. */
export interface VaultSnapshot {
	/** False when the vault refused the VM's identity (401, or 403 other than a disabled secret). */
	access: boolean;
	/** Versions seen so far, oldest first, each with whether it is still enabled. */
	versions: VaultVersion[];
}

/** At most this many versions are remembered and re-read per poll (the oldest are forgotten). */
export const MAX_KNOWN_VERSIONS = 10;

/** A pipeline policy that records each request's method, path and status into `trace`. */
export function tracePolicy(trace: TraceEntry[]): PipelinePolicy {
	return {
		name: 'kvcertLiveTrace',
		async sendRequest(request, next) {
			const path = new URL(request.url).pathname;
			try {
				const response = await next(request);
				trace.push({ method: request.method, path, status: response.status });
				return response;
			} catch (error) {
				const status = (error as { statusCode?: number }).statusCode ?? 0;
				trace.push({ method: request.method, path, status });
				throw error;
			}
		},
	};
}

/**
 * A SecretClient for the emulator, as the VM extension reads the vault: secrets endpoint, the
 * emulator's IMDS as the credential (the identity `clientId`, else the VM's system-assigned one),
 * its CA trusted for this client only, every request traced.
 */
export function emulatorSecretClient(
	emulator: Pick<RunningEmulator, 'vaultUrl' | 'imdsUrl' | 'caPem'>,
	trace: TraceEntry[],
	clientId?: string
): SecretClient {
	const credential = new EmulatorImdsCredential(emulator.imdsUrl, clientId);
	return new SecretClient(emulator.vaultUrl, credential, {
		tlsOptions: { ca: emulator.caPem },
		disableChallengeResourceVerification: true,
		retryOptions: { maxRetries: 0 },
		userAgentOptions: { userAgentPrefix: 'kvcert-live-simulator' },
		additionalPolicies: [{ policy: tracePolicy(trace), position: 'perRetry' }],
	});
}

/** The leaf certificate of a secret value: base64 PFX (no password) or PEM. */
function leafOf(value: string, contentType: string | undefined): X509Certificate | undefined {
	if (contentType === 'application/x-pem-file') {
		const block = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(value);
		return block ? new X509Certificate(block[0]) : undefined;
	}
	const der = readPfxCertificates(Buffer.from(value, 'base64'), '')[0];
	return der ? new X509Certificate(Buffer.from(der)) : undefined;
}

/** A secret's certificate as the simulator's model describes a vault version. */
export function versionOf(
	version: string,
	value: string,
	contentType: string | undefined,
	enabled: boolean
): VaultVersion | undefined {
	const leaf = leafOf(value, contentType);
	if (!leaf) return undefined;
	return {
		version,
		subject: leaf.subject.split('\n').join(', '),
		sans: (leaf.subjectAltName ?? '')
			.split(', ')
			.filter((s) => s.startsWith('DNS:'))
			.map((s) => s.slice(4)),
		thumbprint: leaf.fingerprint.replace(/:/g, '').toUpperCase(),
		notBefore: Math.floor(Date.parse(leaf.validFrom) / 1000),
		notAfter: Math.floor(Date.parse(leaf.validTo) / 1000),
		enabled,
		exportable: true,
	};
}

const isAccessDenied = (error: unknown) => {
	const { statusCode, message } = error as { statusCode?: number; message?: string };
	return statusCode === 401 || (statusCode === 403 && !/disabled/i.test(message ?? ''));
};

const isDisabled = (error: unknown) => {
	const { statusCode, message } = error as { statusCode?: number; message?: string };
	return statusCode === 403 && /disabled/i.test(message ?? '');
};

/**
 * The second-newest version of `name`, when it is enabled and not known yet, joins `known`: 4.0
 * installs the two newest versions of each certificate (research S1, S11), so a VM that polls for
 * the first time gets both. How 4.0 finds them is not documented; this lists the secret's versions.
 */
async function learnPrevious(
	client: SecretClient,
	name: string,
	known: Map<string, VaultVersion>
): Promise<void> {
	const listed = [];
	for await (const properties of client.listPropertiesOfSecretVersions(name)) {
		listed.push(properties);
		if (listed.length >= 1000) break;
	}
	const newestFirst = listed
		.filter((p) => p.version)
		.sort((a, b) => (b.createdOn?.getTime() ?? 0) - (a.createdOn?.getTime() ?? 0));
	const previous = newestFirst[1];
	if (!previous?.version || known.has(previous.version) || previous.enabled === false) return;
	const secret = await client.getSecret(name, { version: previous.version });
	const version = versionOf(
		previous.version,
		secret.value ?? '',
		secret.properties.contentType,
		true
	);
	if (version) known.set(previous.version, version);
}

/**
 * One poll of certificate `name`: the versionless GET the extension makes (a version not seen
 * before joins `known`), then a GET of each known older version to see whether it is still
 * enabled. `known` keeps the versions between polls, oldest first, at most MAX_KNOWN_VERSIONS.
 * With `installsNewest` 2 (version 4.0), the second-newest version is learned first.
 */
export async function readVaultSnapshot(
	client: SecretClient,
	name: string,
	known: Map<string, VaultVersion>,
	installsNewest: 1 | 2 = 1
): Promise<VaultSnapshot> {
	let latest: string | undefined;
	try {
		// Before the versionless GET, so `known` stays oldest first.
		if (installsNewest === 2) await learnPrevious(client, name, known);
		const secret = await client.getSecret(name);
		latest = secret.properties.version;
		if (latest && !known.has(latest)) {
			const version = versionOf(latest, secret.value ?? '', secret.properties.contentType, true);
			if (version) known.set(latest, version);
			while (known.size > MAX_KNOWN_VERSIONS) known.delete(known.keys().next().value!);
		}
	} catch (error) {
		if (isAccessDenied(error)) return { access: false, versions: [] };
		if (!isDisabled(error)) throw error;
	}
	const versions: VaultVersion[] = [];
	for (const [id, version] of known) {
		if (id === latest) {
			versions.push({ ...version, enabled: true });
			continue;
		}
		try {
			await client.getSecret(name, { version: id });
			versions.push({ ...version, enabled: true });
		} catch (error) {
			if (isAccessDenied(error)) return { access: false, versions: [] };
			if (isDisabled(error)) versions.push({ ...version, enabled: false });
			else if ((error as { statusCode?: number }).statusCode !== 404) throw error;
		}
	}
	return { access: true, versions };
}

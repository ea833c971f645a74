import type { CertificateClient } from '@azure/keyvault-certificates';
import type { ThumbprintsResponse } from '../core/thumbprint/types.ts';
import type { RunningEmulator } from '../emulator/emulator.ts';
import { explainError, type ExplainedError } from './explain-error.ts';
import { fetchCertificateVersions } from './fetch-certificate-versions.ts';
import type { VaultMode } from './vault-mode.ts';
import { checkVaultUrl, isValidCertificateName } from './vault-url.ts';

/** The emulator details a lookup needs. */
export type DemoVault = Pick<RunningEmulator, 'vaultUrl' | 'imdsUrl' | 'caPem'>;

/**
 * Which vault a client is made for: an allow-listed Azure vault, or the demo vault (read through
 * the identity `clientId` when a visitor has a view of its own, else the shared one).
 */
export type VaultTarget =
	{ kind: 'azure'; vaultUrl: string } | { kind: 'demo'; demo: DemoVault; clientId?: string };

/** What {@link lookUpCertificateVersions} depends on (injected so tests can watch every call). */
export interface VersionsLookupDependencies {
	mode: VaultMode;
	/** The demo vault (started on first use); absent in `azure` mode. */
	demo?: () => Promise<DemoVault>;
	/** Makes the client for an allowed vault: the only way a lookup reaches the network. */
	createClient: (target: VaultTarget) => CertificateClient;
	/** Upper bound for the whole lookup. @default 20000 */
	timeoutMs?: number;
}

/** Codes for input the lookup refuses before any network I/O. */
export type RefusedCode =
	'vaultRequired' | 'vaultInvalid' | 'azureOnly' | 'demoOnly' | 'nameInvalid';

/** A lookup's outcome: the versions, or why not (a message key under kvcert.thumbprint.api.*). */
export type VersionsLookup =
	| { ok: true; response: ThumbprintsResponse; host: string }
	| { ok: false; status: 400; code: RefusedCode; values: Record<string, never> }
	| (ExplainedError & { ok: false; host: string });

/** A lookup whose vault and name passed every check: what to read, before any network I/O. */
export interface ResolvedLookup {
	ok: true;
	target: VaultTarget;
	/** The normalised vault URL (`https://<name>.vault.azure.net`, or the demo vault's). */
	vaultUrl: string;
	host: string;
	name: string;
}

/** A lookup refused before any network I/O. */
export type RefusedLookup = Extract<VersionsLookup, { status: 400 }>;

/**
 * Checks a lookup's vault URL against the allow-list and its certificate name, without touching
 * the network: what to read, or why not.
 */
export async function resolveVersionsLookup(
	vaultInput: string | null,
	name: string | null,
	deps: VersionsLookupDependencies
): Promise<ResolvedLookup | RefusedLookup> {
	const refuse = (code: RefusedCode): RefusedLookup => ({
		ok: false,
		status: 400,
		code,
		values: {},
	});
	const demoAllowed = deps.mode !== 'azure' && deps.demo;
	if (!demoAllowed && vaultInput?.trim() === 'demo') return refuse('azureOnly');
	const demo = demoAllowed ? await deps.demo!() : undefined;
	const check = checkVaultUrl(vaultInput, demo?.vaultUrl);
	if (!check.ok) return refuse(check.reason);
	if (check.kind === 'azure' && deps.mode === 'demo') return refuse('demoOnly');
	if (!isValidCertificateName(name)) return refuse('nameInvalid');
	const target: VaultTarget =
		check.kind === 'demo' && demo
			? { kind: 'demo', demo }
			: { kind: 'azure', vaultUrl: check.vaultUrl };
	return { ok: true, target, vaultUrl: check.vaultUrl, host: new URL(check.vaultUrl).host, name };
}

/**
 * Reads every version of a resolved lookup, within the timeout; `signal` cancels it (the client
 * went away). Failures come back classified ({@link explainError}), never as the SDK's raw message.
 */
export async function readVersions(
	resolved: ResolvedLookup,
	deps: VersionsLookupDependencies,
	signal?: AbortSignal
): Promise<VersionsLookup> {
	const { host, name } = resolved;
	const timeoutMs = deps.timeoutMs ?? 20_000;
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	const cancel = () => controller.abort();
	signal?.addEventListener('abort', cancel, { once: true });
	if (signal?.aborted) controller.abort();
	try {
		const client = deps.createClient(resolved.target);
		const timeout = new Promise<never>((_, reject) => {
			const fail = () => reject(Object.assign(new Error('timeout'), { name: 'TimeoutError' }));
			if (controller.signal.aborted) fail();
			else controller.signal.addEventListener('abort', fail);
		});
		const result = await Promise.race([
			fetchCertificateVersions(client, name, { abortSignal: controller.signal }),
			timeout,
		]);
		return { ok: true, response: { vaultUrl: resolved.vaultUrl, ...result }, host };
	} catch (error) {
		// Everyone waiting went away: not a timeout of the vault (the log said 504 after 57 ms).
		if (signal?.aborted)
			return { ok: false, host, status: 499, code: 'cancelled', values: { name } };
		const explained = explainError(error, Math.round(timeoutMs / 1000));
		return { ok: false, host, ...explained, values: { name, ...explained.values } };
	} finally {
		clearTimeout(timer);
		signal?.removeEventListener('abort', cancel);
	}
}

/**
 * Every version of a Key Vault certificate, with the vault URL checked against the allow-list and
 * the name validated before anything touches the network; failures come back classified
 * ({@link explainError}), never as the SDK's raw message. Shared by the server's API and the CLI.
 */
export async function lookUpCertificateVersions(
	vaultInput: string | null,
	name: string | null,
	deps: VersionsLookupDependencies,
	signal?: AbortSignal
): Promise<VersionsLookup> {
	const resolved = await resolveVersionsLookup(vaultInput, name, deps);
	return resolved.ok ? readVersions(resolved, deps, signal) : resolved;
}

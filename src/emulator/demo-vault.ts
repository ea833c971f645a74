import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ExtendedKeyUsage, type KeyType } from './certificate-factory.ts';
import { parseImportValue } from './import-certificate.ts';
import { createPolicy, newVersionId, VaultStore, type SecretContentType } from './vault-store.ts';
import type { WriteLimits } from './write-budget.ts';

/** One generated version in a seed. */
export interface SeedVersion {
	/** When Key Vault created it (ISO 8601 date or date-time, UTC). Either this or createdDaysAgo. */
	created?: string;
	/** How long ago Key Vault created it (relative to the start). Either this or created. */
	createdDaysAgo?: number;
	/** Validity from creation. @default 365 */
	validityDays?: number;
	/** @default true */
	enabled?: boolean;
	tags?: Record<string, string>;
}

/** One certificate in a seed: generated versions, or a file to import. */
export interface SeedCertificate {
	name: string;
	/** Required for generated certificates, e.g. `CN=www.contoso.test`. */
	subject?: string;
	dnsNames?: string[];
	/** OIDs or the names `serverAuth` / `clientAuth`. @default both */
	ekus?: string[];
	/** @default 'EC' */
	keyType?: KeyType;
	/** @default 'application/x-pkcs12' */
	contentType?: SecretContentType;
	/** Oldest first. */
	versions?: SeedVersion[];
	/** A PEM, CER or PFX file to import as one version (path relative to the seed file). */
	import?: { file: string; password?: string };
}

/** The contents of a seed file given to `kvcert emulator --seed`. */
export interface VaultSeed {
	/**
	 * Derive every generated key, certificate and version id from this text, so the vault is the
	 * same, thumbprints included, on every start (generated versions need `created` dates then).
	 * Without it, keys are random and thumbprints change from run to run.
	 */
	keySeed?: string;
	certificates: SeedCertificate[];
}

/**
 * The demo vault: a web server certificate with three versions (the oldest expired), a client
 * certificate, an expired certificate, and a certificate whose older version is disabled.
 *
 * It is the same on every start (fixed dates, keys derived from `keySeed`), so the thumbprints a
 * facilitator prints match the room's server. The dates keep the story true until 2029-03 (the
 * webcert versions 2 and 3 both valid, version 1 expired); tests/unit/emulator/demo-vault.test.ts
 * fails when they no longer do. Its keys are public by construction: demo material, never a secret.
 */
export const DEMO_SEED: VaultSeed = {
	keySeed: 'kvcert demo vault 2026-12',
	certificates: [
		{
			name: 'webcert',
			subject: 'CN=www.contoso.test, O=Contoso',
			dnsNames: ['www.contoso.test', 'contoso.test'],
			ekus: ['serverAuth', 'clientAuth'],
			contentType: 'application/x-pkcs12',
			versions: [
				{ created: '2024-01-08T09:00:00Z', validityDays: 365, tags: { env: 'tutorial' } },
				{ created: '2025-12-01T09:00:00Z', validityDays: 1200, tags: { env: 'tutorial' } },
				{ created: '2026-11-16T09:00:00Z', validityDays: 1200, tags: { env: 'tutorial' } },
			],
		},
		{
			name: 'clientcert',
			subject: 'CN=app01.contoso.test, OU=Clients, O=Contoso',
			dnsNames: ['app01.contoso.test'],
			ekus: ['clientAuth'],
			contentType: 'application/x-pem-file',
			versions: [{ created: '2026-10-05T09:00:00Z', validityDays: 1200 }],
		},
		{
			name: 'legacycert',
			subject: 'CN=legacy.contoso.test, O=Contoso',
			dnsNames: ['legacy.contoso.test'],
			ekus: ['serverAuth'],
			versions: [{ created: '2025-05-12T09:00:00Z', validityDays: 365 }],
		},
		{
			name: 'apicert',
			subject: 'CN=api.contoso.test, O=Contoso',
			dnsNames: ['api.contoso.test'],
			ekus: ['serverAuth'],
			contentType: 'application/x-pem-file',
			versions: [
				{
					created: '2026-08-03T09:00:00Z',
					validityDays: 1200,
					enabled: false,
					tags: { note: 'key-compromised' },
				},
				{ created: '2026-11-02T09:00:00Z', validityDays: 1200 },
			],
		},
	],
};

/** A seed version's creation time in Unix seconds (from `created`, else `createdDaysAgo`). */
function createdSeconds(name: string, version: SeedVersion, nowSeconds: number): number {
	if (version.created !== undefined) {
		const ms = Date.parse(version.created);
		if (!Number.isFinite(ms))
			throw new Error(`Seed: '${name}' has a version with an unreadable created date.`);
		return Math.floor(ms / 1000);
	}
	return nowSeconds - Math.round((version.createdDaysAgo ?? 0) * 86_400);
}

const ekuOid = (value: string) =>
	value in ExtendedKeyUsage ? ExtendedKeyUsage[value as keyof typeof ExtendedKeyUsage] : value;

/**
 * Fills a store from a seed. `baseDir` resolves `import.file` paths; `limits` bound later writes
 * (the seed itself is not counted).
 */
export function seedVault(
	seed: VaultSeed,
	baseDir = process.cwd(),
	now = Date.now(),
	limits: WriteLimits = {}
): VaultStore {
	const store = new VaultStore(limits);
	const nowSeconds = Math.floor(now / 1000);
	for (const entry of seed.certificates) {
		if (!/^[0-9a-z-]{1,127}$/i.test(entry.name))
			throw new Error(`Seed: invalid certificate name '${entry.name}'.`);
		if (entry.import) {
			const bytes = readFileSync(resolve(baseDir, entry.import.file));
			const text = bytes.toString('latin1');
			const value = text.includes('-----BEGIN') ? text : bytes.toString('base64');
			const imported = parseImportValue(value, entry.import.password ?? '');
			store.addVersion(
				entry.name,
				createPolicy({
					subject:
						entry.subject ?? new X509Certificate(imported.der).subject.split('\n').join(', '),
					contentType: entry.contentType ?? 'application/x-pkcs12',
					issuerName: 'Unknown',
					created: nowSeconds,
				}),
				{
					version: newVersionId(),
					der: imported.der,
					chain: imported.chain,
					...(imported.privateKey ? { privateKey: imported.privateKey } : {}),
					created: nowSeconds,
					updated: nowSeconds,
					enabled: true,
					tags: {},
				}
			);
			continue;
		}
		if (!entry.subject) throw new Error(`Seed: certificate '${entry.name}' needs a subject.`);
		const versions = (entry.versions ?? [{ createdDaysAgo: 0 }]).map((version) => ({
			version,
			created: createdSeconds(entry.name, version, nowSeconds),
		}));
		if (seed.keySeed !== undefined && versions.some(({ version }) => version.created === undefined))
			throw new Error(`Seed: with keySeed, every version of '${entry.name}' needs a created date.`);
		const policy = createPolicy({
			subject: entry.subject,
			dnsNames: entry.dnsNames ?? [],
			ekus: (entry.ekus ?? ['serverAuth', 'clientAuth']).map(ekuOid),
			keyType: entry.keyType ?? 'EC',
			contentType: entry.contentType ?? 'application/x-pkcs12',
			created: Math.min(...versions.map((v) => v.created)),
		});
		const oldestFirst = [...versions].sort((a, b) => a.created - b.created);
		oldestFirst.forEach(({ version, created }, index) => {
			store.createVersion(entry.name, policy, {
				created,
				validityDays: version.validityDays ?? 365,
				enabled: version.enabled ?? true,
				tags: version.tags ?? {},
				...(seed.keySeed === undefined ? {} : { seed: `${seed.keySeed}/${entry.name}/${index}` }),
			});
		});
	}
	return store;
}

/** Reads and checks a seed file (JSON in the {@link VaultSeed} shape). */
export function loadSeedFile(path: string): { seed: VaultSeed; baseDir: string } {
	const seed = JSON.parse(readFileSync(path, 'utf8')) as VaultSeed;
	if (!seed || !Array.isArray(seed.certificates))
		throw new Error(`Seed file ${path}: expected {"certificates": [...]}.`);
	return { seed, baseDir: dirname(resolve(path)) };
}

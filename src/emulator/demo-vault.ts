import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ExtendedKeyUsage, type KeyType } from './certificate-factory.ts';
import { parseImportValue } from './import-certificate.ts';
import { createPolicy, newVersionId, VaultStore, type SecretContentType } from './vault-store.ts';

/** One generated version in a seed. */
export interface SeedVersion {
	/** How long ago Key Vault created it. */
	createdDaysAgo: number;
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
	certificates: SeedCertificate[];
}

/**
 * The demo vault: a web server certificate with three versions (the oldest expired), a client
 * certificate, an expired certificate, and a certificate whose older version is disabled.
 */
export const DEMO_SEED: VaultSeed = {
	certificates: [
		{
			name: 'webcert',
			subject: 'CN=www.contoso.test, O=Contoso',
			dnsNames: ['www.contoso.test', 'contoso.test'],
			ekus: ['serverAuth', 'clientAuth'],
			contentType: 'application/x-pkcs12',
			versions: [
				{ createdDaysAgo: 700, validityDays: 365, tags: { env: 'tutorial' } },
				{ createdDaysAgo: 345, validityDays: 365, tags: { env: 'tutorial' } },
				{ createdDaysAgo: 5, validityDays: 365, tags: { env: 'tutorial' } },
			],
		},
		{
			name: 'clientcert',
			subject: 'CN=app01.contoso.test, OU=Clients, O=Contoso',
			dnsNames: ['app01.contoso.test'],
			ekus: ['clientAuth'],
			contentType: 'application/x-pem-file',
			versions: [{ createdDaysAgo: 60, validityDays: 365 }],
		},
		{
			name: 'legacycert',
			subject: 'CN=legacy.contoso.test, O=Contoso',
			dnsNames: ['legacy.contoso.test'],
			ekus: ['serverAuth'],
			versions: [{ createdDaysAgo: 400, validityDays: 365 }],
		},
		{
			name: 'apicert',
			subject: 'CN=api.contoso.test, O=Contoso',
			dnsNames: ['api.contoso.test'],
			ekus: ['serverAuth'],
			contentType: 'application/x-pem-file',
			versions: [
				{
					createdDaysAgo: 120,
					validityDays: 365,
					enabled: false,
					tags: { note: 'key-compromised' },
				},
				{ createdDaysAgo: 30, validityDays: 365 },
			],
		},
	],
};

const ekuOid = (value: string) =>
	value in ExtendedKeyUsage ? ExtendedKeyUsage[value as keyof typeof ExtendedKeyUsage] : value;

/** Fills a store from a seed. `baseDir` resolves `import.file` paths. */
export function seedVault(seed: VaultSeed, baseDir = process.cwd(), now = Date.now()): VaultStore {
	const store = new VaultStore();
	const nowSeconds = Math.floor(now / 1000);
	for (const entry of seed.certificates) {
		if (!/^[0-9a-zA-Z-]{1,127}$/.test(entry.name))
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
		const versions = entry.versions ?? [{ createdDaysAgo: 0 }];
		const oldest = Math.max(...versions.map((v) => v.createdDaysAgo));
		const policy = createPolicy({
			subject: entry.subject,
			dnsNames: entry.dnsNames ?? [],
			ekus: (entry.ekus ?? ['serverAuth', 'clientAuth']).map(ekuOid),
			keyType: entry.keyType ?? 'EC',
			contentType: entry.contentType ?? 'application/x-pkcs12',
			created: nowSeconds - oldest * 86_400,
		});
		for (const version of [...versions].sort((a, b) => b.createdDaysAgo - a.createdDaysAgo)) {
			store.createVersion(entry.name, policy, {
				created: nowSeconds - Math.round(version.createdDaysAgo * 86_400),
				validityDays: version.validityDays ?? 365,
				enabled: version.enabled ?? true,
				tags: version.tags ?? {},
			});
		}
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

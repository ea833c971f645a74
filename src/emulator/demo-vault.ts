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
	/** Validity from creation. @default the certificate's validityMonths */
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
	/** The policy's validity, which renewals get too. @default 12 */
	validityMonths?: number;
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

const DAY_MS = 86_400_000;

/**
 * The demo vault for the week that starts at `week` (Monday 00:00 UTC, ./demo-week.ts): a web
 * server certificate with three versions (the oldest expired), a client certificate, an expired
 * certificate, and a certificate whose older version is disabled.
 *
 * Its dates are relative to the week, so it is the same all week and on every start (keys derived
 * from `keySeed`, which names the week): the thumbprints a facilitator prints match the room's
 * server that week. Validities are realistic: each webcert version is valid 13 months and was
 * issued a year after the one before, about a month before that one expires; the newest was issued
 * the Saturday before the week, and a renewal (13 months from now) outlives every older version.
 * Its keys are public by construction: demo material, never a secret.
 */
export function demoSeed(week: Date): VaultSeed {
	// Noon UTC is the same calendar day from UTC−11 to UTC+11 ("last weekend" everywhere).
	const issued = (daysBeforeWeek: number) =>
		new Date(week.getTime() - daysBeforeWeek * DAY_MS + DAY_MS / 2).toISOString();
	return {
		keySeed: `kvcert demo vault week ${week.toISOString().slice(0, 10)}`,
		certificates: [
			{
				name: 'webcert',
				subject: 'CN=www.contoso.test, O=Contoso',
				dnsNames: ['www.contoso.test', 'contoso.test'],
				ekus: ['serverAuth', 'clientAuth'],
				contentType: 'application/x-pkcs12',
				validityMonths: 13,
				versions: [732, 367, 2].map((days) => ({
					created: issued(days),
					tags: { env: 'tutorial' },
				})),
			},
			{
				name: 'clientcert',
				subject: 'CN=app01.contoso.test, OU=Clients, O=Contoso',
				dnsNames: ['app01.contoso.test'],
				ekus: ['clientAuth'],
				contentType: 'application/x-pem-file',
				validityMonths: 13,
				versions: [{ created: issued(63) }],
			},
			{
				name: 'legacycert',
				subject: 'CN=legacy.contoso.test, O=Contoso',
				dnsNames: ['legacy.contoso.test'],
				ekus: ['serverAuth'],
				versions: [{ created: issued(574) }],
			},
			{
				name: 'apicert',
				subject: 'CN=api.contoso.test, O=Contoso',
				dnsNames: ['api.contoso.test'],
				ekus: ['serverAuth'],
				contentType: 'application/x-pem-file',
				validityMonths: 13,
				versions: [
					{ created: issued(126), enabled: false, tags: { note: 'key-compromised' } },
					{ created: issued(35) },
				],
			},
		],
	};
}

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
		const months = entry.validityMonths;
		if (months !== undefined && !(Number.isInteger(months) && months >= 1 && months <= 120))
			throw new Error(
				`Seed: validityMonths of '${entry.name}' must be a whole number from 1 to 120.`
			);
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
			...(entry.validityMonths === undefined ? {} : { validityMonths: entry.validityMonths }),
			created: Math.min(...versions.map((v) => v.created)),
		});
		const oldestFirst = [...versions].sort((a, b) => a.created - b.created);
		oldestFirst.forEach(({ version, created }, index) => {
			store.createVersion(entry.name, policy, {
				created,
				...(version.validityDays === undefined ? {} : { validityDays: version.validityDays }),
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

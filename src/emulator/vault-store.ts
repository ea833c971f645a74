import { X509Certificate, randomBytes, type KeyObject } from 'node:crypto';
import {
	createCertificate,
	derivedBytes,
	ExtendedKeyUsage,
	type KeyType,
} from './certificate-factory.ts';
import { WriteBudget, type WriteLimits, type WriteRefusal } from './write-budget.ts';

/** Secret content types Key Vault uses for certificates. */
export type SecretContentType = 'application/x-pkcs12' | 'application/x-pem-file';

/** One version of a certificate, as the emulator keeps it in memory. */
export interface StoredVersion {
	/** 32 lower-case hex characters, like Key Vault's. */
	version: string;
	/** Leaf certificate, DER. */
	der: Buffer;
	/** Chain certificates after the leaf, DER (none for self-signed). */
	chain: Buffer[];
	/** Absent for certificates imported without a key. */
	privateKey?: KeyObject;
	/** Unix seconds. */
	created: number;
	updated: number;
	enabled: boolean;
	tags: Record<string, string>;
}

/** The certificate policy in Key Vault's REST shape (only the parts the emulator uses). */
export interface CertificatePolicy {
	key_props: {
		exportable: boolean;
		kty: string;
		key_size?: number;
		crv?: string;
		reuse_key: boolean;
	};
	secret_props: { contentType: SecretContentType };
	x509_props: {
		subject: string;
		sans?: { dns_names?: string[] };
		ekus?: string[];
		key_usage?: string[];
		validity_months: number;
	};
	lifetime_actions: { trigger: Record<string, number>; action: { action_type: string } }[];
	issuer: { name: string };
	attributes: { enabled: boolean; created: number; updated: number };
}

/** A certificate object: its policy and every version, oldest first. */
export interface StoredCertificate {
	/** The name as first created (lookups are case-insensitive, like Key Vault's). */
	name: string;
	policy: CertificatePolicy;
	versions: StoredVersion[];
}

/** What a new generated version needs beyond the policy. */
export interface NewVersionOptions {
	/** Unix seconds. @default now */
	created?: number;
	/** @default policy validity_months */
	validityDays?: number;
	/** @default true */
	enabled?: boolean;
	tags?: Record<string, string>;
	/** Derives key, certificate and version id from this text (see CertificateOptions.seed). */
	seed?: string;
}

/** Options to create a certificate policy like Key Vault's self-signed default. */
export interface PolicyOptions {
	subject: string;
	dnsNames?: string[];
	ekus?: string[];
	keyType?: KeyType;
	contentType?: SecretContentType;
	validityMonths?: number;
	issuerName?: string;
	created?: number;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A Key Vault-style version id: 32 lower-case hex characters, fresh or derived from a seed. */
export function newVersionId(seed?: string): string {
	return (seed === undefined ? randomBytes(16) : derivedBytes(seed, 'version id', 16)).toString(
		'hex'
	);
}

/** Builds a policy in Key Vault's REST shape. */
export function createPolicy(options: PolicyOptions): CertificatePolicy {
	const keyType = options.keyType ?? 'EC';
	const created = options.created ?? nowSeconds();
	return {
		key_props:
			keyType === 'EC'
				? { exportable: true, kty: 'EC', key_size: 256, crv: 'P-256', reuse_key: false }
				: { exportable: true, kty: 'RSA', key_size: 2048, reuse_key: false },
		secret_props: { contentType: options.contentType ?? 'application/x-pkcs12' },
		x509_props: {
			subject: options.subject,
			...(options.dnsNames?.length ? { sans: { dns_names: options.dnsNames } } : {}),
			ekus: options.ekus ?? [ExtendedKeyUsage.serverAuth, ExtendedKeyUsage.clientAuth],
			key_usage: keyType === 'EC' ? ['digitalSignature'] : ['digitalSignature', 'keyEncipherment'],
			validity_months: options.validityMonths ?? 12,
		},
		lifetime_actions: [
			{ trigger: { lifetime_percentage: 80 }, action: { action_type: 'AutoRenew' } },
		],
		issuer: { name: options.issuerName ?? 'Self' },
		attributes: { enabled: true, created, updated: created },
	};
}

/**
 * Most versions kept per certificate: past it the oldest go, so a demo server that readers keep
 * renewing (the Start-here live snippets create a version per run) keeps flat memory.
 */
export const MAX_VERSIONS_PER_CERTIFICATE = 100;

/**
 * The emulator's in-memory vault: certificates by case-insensitive name, each with its versions.
 * The latest version is the one created last, as in Key Vault.
 */
export class VaultStore {
	readonly #certificates = new Map<string, StoredCertificate>();
	readonly #writes: WriteBudget;

	/** @param limits bound what {@link VaultStore.takeWrite} allows (seeding is not counted). */
	constructor(readonly limits: WriteLimits = {}) {
		this.#writes = new WriteBudget(limits);
	}

	/**
	 * Asks to add a version to certificate `name` (create, import, rotate): undefined when allowed
	 * (and counted), else why not. Bounds what tokens from the demo IMDS can write.
	 */
	takeWrite(name: string): WriteRefusal | undefined {
		return this.#writes.take(this.get(name)?.versions.length, this.#certificates.size);
	}

	/**
	 * A copy to change on its own (a visitor's view of the demo vault): the same certificates,
	 * policies and versions, whose later renewals and enabled flags do not touch this store.
	 * Certificate bytes and keys are shared: nothing changes them. `limits` bound the copy's writes.
	 */
	fork(limits: WriteLimits = this.limits): VaultStore {
		const copy = new VaultStore(limits);
		for (const certificate of this.#certificates.values()) {
			const policy = structuredClone(certificate.policy);
			for (const version of certificate.versions)
				copy.addVersion(certificate.name, policy, { ...version, tags: { ...version.tags } });
		}
		return copy;
	}

	/** Every certificate, in insertion order. */
	list(): StoredCertificate[] {
		return [...this.#certificates.values()];
	}

	/** The certificate with this name (any case), if it exists. */
	get(name: string): StoredCertificate | undefined {
		return this.#certificates.get(name.toLowerCase());
	}

	/** A version of a certificate, matched case-insensitively. */
	getVersion(name: string, version: string): StoredVersion | undefined {
		const wanted = version.toLowerCase();
		return this.get(name)?.versions.find((v) => v.version === wanted);
	}

	/** The latest version: the one created last. */
	latest(name: string): StoredVersion | undefined {
		const versions = this.get(name)?.versions ?? [];
		return versions.reduce<StoredVersion | undefined>(
			(best, v) => (!best || v.created >= best.created ? v : best),
			undefined
		);
	}

	/** Adds a ready-made version (import), creating the certificate with `policy` if it is new. */
	addVersion(name: string, policy: CertificatePolicy, version: StoredVersion): StoredCertificate {
		const key = name.toLowerCase();
		let certificate = this.#certificates.get(key);
		if (!certificate) {
			certificate = { name, policy, versions: [] };
			this.#certificates.set(key, certificate);
		}
		certificate.versions.push(version);
		const excess = certificate.versions.length - MAX_VERSIONS_PER_CERTIFICATE;
		if (excess > 0) certificate.versions.splice(0, excess);
		return certificate;
	}

	/**
	 * Creates a new self-signed version from the policy (Key Vault's "create" on an existing
	 * certificate, i.e. a rotation). A new key every time, so a new thumbprint.
	 */
	createVersion(
		name: string,
		policy: CertificatePolicy,
		options: NewVersionOptions = {}
	): StoredVersion {
		const created = options.created ?? nowSeconds();
		const months = policy.x509_props.validity_months;
		const validityDays = options.validityDays ?? Math.round(months * 30.4375);
		const notBefore = new Date((created - 300) * 1000);
		const notAfter = new Date(notBefore.getTime() + validityDays * 86_400_000);
		const generated = createCertificate({
			subject: policy.x509_props.subject,
			dnsNames: policy.x509_props.sans?.dns_names ?? [],
			notBefore,
			notAfter,
			keyType: policy.key_props.kty.startsWith('RSA') ? 'RSA' : 'EC',
			...(policy.x509_props.ekus ? { ekus: policy.x509_props.ekus } : {}),
			...(options.seed === undefined ? {} : { seed: options.seed }),
		});
		const version: StoredVersion = {
			version: newVersionId(options.seed),
			der: generated.der,
			chain: [],
			privateKey: generated.privateKey,
			created,
			updated: created,
			enabled: options.enabled ?? true,
			tags: options.tags ?? {},
		};
		this.addVersion(name, policy, version);
		return version;
	}
}

/** notBefore and notAfter of a DER certificate, in Unix seconds. */
export function validityOf(der: Buffer): { nbf: number; exp: number } {
	const x509 = new X509Certificate(der);
	return {
		nbf: Math.floor(Date.parse(x509.validFrom) / 1000),
		exp: Math.floor(Date.parse(x509.validTo) / 1000),
	};
}

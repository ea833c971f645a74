import { X509Certificate, createHash } from 'node:crypto';
import type { CertificateClient } from '@azure/keyvault-certificates';
import type { ThumbprintsResponse, VaultCertificateVersion } from '../core/thumbprint/types.ts';

/** Limits for {@link fetchCertificateVersions}. */
export interface FetchLimits {
	/** Cancels every request (timeouts). */
	abortSignal?: AbortSignal;
	/** Versions whose certificate is read (newest first). @default 50 */
	maxVersions?: number;
	/** Parallel version reads. @default 4 */
	concurrency?: number;
}

const iso = (date: Date | undefined) => (date ? date.toISOString() : '');

/** Subject alternative names from Node's `DNS:a, IP Address:1.2.3.4` form. */
function sansOf(x509: X509Certificate): string[] {
	return (x509.subjectAltName ?? '')
		.split(/,\s*/)
		.filter(Boolean)
		.map((s) => s.replace(/^IP Address:/, 'IP:'));
}

async function mapLimited<T, R>(
	items: T[],
	limit: number,
	fn: (item: T) => Promise<R>
): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index] as T);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

/**
 * Reads every version of a certificate (certificates API only: never the secret, never a private
 * key) and returns them newest first with SHA-1 and SHA-256 computed from each `cer`, subject and
 * SANs read from the certificate itself, and which version is current.
 */
export async function fetchCertificateVersions(
	client: CertificateClient,
	name: string,
	limits: FetchLimits = {}
): Promise<Omit<ThumbprintsResponse, 'vaultUrl'>> {
	const options = limits.abortSignal ? { abortSignal: limits.abortSignal } : {};
	const latest = await client.getCertificate(name, options);
	const listed = [];
	for await (const properties of client.listPropertiesOfCertificateVersions(name, options)) {
		listed.push(properties);
		if (listed.length >= 1000) break;
	}
	const newestFirst = listed.sort(
		(a, b) => (b.createdOn?.getTime() ?? 0) - (a.createdOn?.getTime() ?? 0)
	);
	const wanted = newestFirst.slice(0, limits.maxVersions ?? 50);
	const indexed = wanted.map((properties, index) => ({ properties, index }));
	const versions = await mapLimited(
		indexed,
		limits.concurrency ?? 4,
		async ({ properties, index }) => {
			const version = properties.version ?? '';
			const certificate =
				version === latest.properties.version
					? latest
					: await client.getCertificateVersion(name, version, options);
			const cer = Buffer.from(certificate.cer ?? new Uint8Array());
			const x509 = new X509Certificate(cer);
			const entry: VaultCertificateVersion = {
				version,
				// Counted over every listed version, so numbers stay right when only the newest are read.
				ordinal: newestFirst.length - index,
				enabled: properties.enabled ?? certificate.properties.enabled ?? true,
				created: iso(properties.createdOn),
				notBefore: iso(properties.notBefore ?? new Date(x509.validFrom)),
				expires: iso(properties.expiresOn ?? new Date(x509.validTo)),
				subject: x509.subject.split('\n').join(', '),
				sans: sansOf(x509),
				sha1: createHash('sha1').update(cer).digest('hex').toUpperCase(),
				sha256: createHash('sha256').update(cer).digest('hex').toUpperCase(),
				x5t: createHash('sha1').update(cer).digest('base64url'),
				current: version === latest.properties.version,
			};
			return entry;
		}
	);
	return {
		name: latest.name,
		versions,
		truncated: listed.length > wanted.length,
	};
}

import { CertificateReadError } from './certificate-read-error.ts';
import { isX509Certificate, looksLikePfx } from './der.ts';
import { base64ToBytes, bytesToBase64Url, bytesToHex, bytesToLatin1 } from './encoding.ts';
import { findPemBlocks } from './pem-blocks.ts';

export { CertificateReadError, type CertificateReadErrorCode } from './certificate-read-error.ts';

/** Thumbprints of one certificate, computed from its DER bytes. */
export interface ComputedThumbprints {
	/** Upper-case hex. */
	sha1: string;
	sha256: string;
	/** base64url SHA-1, as Key Vault's x5t. */
	x5t: string;
	/** Position of the certificate in the file (0 = first; in a PFX, the one with the key comes first). */
	index: number;
	/** The file format it was read from. */
	format: 'pem' | 'der' | 'pfx';
	/** The DER bytes, for callers that want to show more. */
	der: Uint8Array;
}

/** What {@link computeThumbprints} accepts besides the bytes. */
export interface ComputeOptions {
	/** PFX password. Key Vault's PFX downloads have an empty one. @default '' */
	password?: string;
	/** Larger inputs are refused with `too-large` before any work. @default 33554432 (32 MB) */
	maxBytes?: number;
}

/** The default of {@link ComputeOptions.maxBytes}: far above any certificate file or PEM bundle. */
export const DEFAULT_MAX_CERTIFICATE_BYTES = 32 * 1024 * 1024;

/** SHA-1 and SHA-256 of DER bytes through WebCrypto (browsers in secure contexts, Node 20). */
export async function thumbprintsOfDer(
	der: Uint8Array,
	index = 0,
	format: ComputedThumbprints['format'] = 'der'
): Promise<ComputedThumbprints> {
	const subtle = globalThis.crypto?.subtle;
	if (!subtle)
		throw new Error(
			'WebCrypto is not available (the page must be served over https or localhost).'
		);
	const source = new Uint8Array(der);
	const [sha1, sha256] = await Promise.all([
		subtle.digest('SHA-1', source),
		subtle.digest('SHA-256', source),
	]);
	const sha1Bytes = new Uint8Array(sha1);
	return {
		sha1: bytesToHex(sha1Bytes),
		sha256: bytesToHex(new Uint8Array(sha256)),
		x5t: bytesToBase64Url(sha1Bytes),
		index,
		format,
		der: source,
	};
}

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);

/**
 * Computes SHA-1 and SHA-256 thumbprints of every certificate in a file: PEM (one or many
 * certificates, keys ignored), DER/CER (binary, or base64 without headers) or PFX/P12 (with its
 * password; loaded on demand). Works the same in the browser and in Node.
 */
export async function computeThumbprints(
	bytes: Uint8Array,
	options: ComputeOptions = {}
): Promise<ComputedThumbprints[]> {
	if (bytes.length > (options.maxBytes ?? DEFAULT_MAX_CERTIFICATE_BYTES))
		throw new CertificateReadError('too-large');
	const text = bytesToLatin1(bytes);
	if (text.includes('-----BEGIN')) {
		const ders = findPemBlocks(text)
			.filter((block) => CERTIFICATE_LABELS.has(block.label))
			.map((block) => base64ToBytes(block.body))
			.filter((der): der is Uint8Array => !!der && isX509Certificate(der));
		if (!ders.length) throw new CertificateReadError('not-a-certificate');
		return Promise.all(ders.map((der, i) => thumbprintsOfDer(der, i, 'pem')));
	}
	let binary = bytes;
	if (!isX509Certificate(binary) && !looksLikePfx(binary)) {
		const decoded = /^[\s\w+/=-]+$/.test(text) ? base64ToBytes(text) : undefined;
		if (decoded && (isX509Certificate(decoded) || looksLikePfx(decoded))) binary = decoded;
	}
	if (isX509Certificate(binary)) return [await thumbprintsOfDer(binary, 0, 'der')];
	if (looksLikePfx(binary)) {
		const { readPfxCertificates } = await import('./read-pfx.ts');
		const ders = readPfxCertificates(binary, options.password ?? '').filter(isX509Certificate);
		if (!ders.length) throw new CertificateReadError('not-a-certificate');
		return Promise.all(ders.map((der, i) => thumbprintsOfDer(der, i, 'pfx')));
	}
	throw new CertificateReadError('not-a-certificate');
}

import { base64ToBytes, bytesToBase64Url, bytesToHex } from './encoding.ts';

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

/** Why certificate bytes could not be read. */
export type CertificateReadErrorCode = 'password-required' | 'wrong-password' | 'not-a-certificate';

/** Thrown by {@link computeThumbprints} with a code the UI turns into words. */
export class CertificateReadError extends Error {
	constructor(readonly code: CertificateReadErrorCode) {
		super(code);
		this.name = 'CertificateReadError';
	}
}

/** What {@link computeThumbprints} accepts besides the bytes. */
export interface ComputeOptions {
	/** PFX password. Key Vault's PFX downloads have an empty one. @default '' */
	password?: string;
}

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

/** Length of a DER element starting at `offset`, or -1 when it is not well-formed. */
function derElementLength(bytes: Uint8Array, offset: number): number {
	const first = bytes[offset + 1];
	if (first === undefined) return -1;
	if (first < 0x80) return 2 + first;
	const count = first & 0x7f;
	if (count === 0 || count > 4) return -1;
	let length = 0;
	for (let i = 0; i < count; i++) {
		const b = bytes[offset + 2 + i];
		if (b === undefined) return -1;
		length = length * 256 + b;
	}
	return 2 + count + length;
}

/** What a DER SEQUENCE holds first: a certificate starts with a SEQUENCE, a PFX with INTEGER 3. */
function derKind(bytes: Uint8Array): 'certificate' | 'pfx' | undefined {
	if (bytes[0] !== 0x30 || derElementLength(bytes, 0) !== bytes.length) return undefined;
	const headerLength = (bytes[1] ?? 0) < 0x80 ? 2 : 2 + ((bytes[1] ?? 0) & 0x7f);
	const inner = bytes[headerLength];
	if (inner === 0x30) return 'certificate';
	if (inner === 0x02) return 'pfx';
	return undefined;
}

const PEM_CERTIFICATE =
	/-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/g;

function latin1(bytes: Uint8Array): string {
	let text = '';
	for (let i = 0; i < bytes.length; i += 8192)
		text += String.fromCharCode(...bytes.subarray(i, i + 8192));
	return text;
}

/**
 * Computes SHA-1 and SHA-256 thumbprints of every certificate in a file: PEM (one or many
 * certificates, keys ignored), DER/CER (binary, or base64 without headers) or PFX/P12 (with its
 * password; loaded on demand). Works the same in the browser and in Node.
 */
export async function computeThumbprints(
	bytes: Uint8Array,
	options: ComputeOptions = {}
): Promise<ComputedThumbprints[]> {
	const text = latin1(bytes.subarray(0, Math.min(bytes.length, 4_000_000)));
	if (text.includes('-----BEGIN')) {
		const blocks = [...text.matchAll(PEM_CERTIFICATE)].map((m) => base64ToBytes(m[1] ?? ''));
		const ders = blocks.filter((b): b is Uint8Array => !!b && derKind(b) === 'certificate');
		if (!ders.length) throw new CertificateReadError('not-a-certificate');
		return Promise.all(ders.map((der, i) => thumbprintsOfDer(der, i, 'pem')));
	}
	let binary = bytes;
	if (!derKind(binary)) {
		const decoded = /^[\sA-Za-z0-9+/=_-]+$/.test(text) ? base64ToBytes(text) : undefined;
		if (decoded && derKind(decoded)) binary = decoded;
	}
	const kind = derKind(binary);
	if (kind === 'certificate') return [await thumbprintsOfDer(binary, 0, 'der')];
	if (kind === 'pfx') {
		const { readPfxCertificates } = await import('./read-pfx.ts');
		const ders = readPfxCertificates(binary, options.password ?? '');
		return Promise.all(ders.map((der, i) => thumbprintsOfDer(der, i, 'pfx')));
	}
	throw new CertificateReadError('not-a-certificate');
}

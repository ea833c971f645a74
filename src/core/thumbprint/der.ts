/** Just enough DER (ITU-T X.690) to tell an X.509 certificate and a PFX from other bytes. */

/** One DER element: its tag, where its contents start and where the element ends. */
interface DerElement {
	tag: number;
	contentStart: number;
	end: number;
}

/** The element at `offset` (definite length, inside `limit`), or undefined when it is not well-formed. */
function readElement(bytes: Uint8Array, offset: number, limit: number): DerElement | undefined {
	const tag = bytes[offset];
	const first = bytes[offset + 1];
	if (tag === undefined || first === undefined || offset + 2 > limit) return undefined;
	let length = first;
	let contentStart = offset + 2;
	if (first >= 0x80) {
		const count = first & 0x7f;
		if (count === 0 || count > 4) return undefined;
		length = 0;
		for (let i = 0; i < count; i++) {
			const b = bytes[contentStart + i];
			if (b === undefined) return undefined;
			length = length * 256 + b;
		}
		contentStart += count;
	}
	const end = contentStart + length;
	return end <= limit ? { tag, contentStart, end } : undefined;
}

/** The elements directly inside a constructed element (undefined when they do not fill it exactly). */
function children(bytes: Uint8Array, parent: DerElement, max: number): DerElement[] | undefined {
	const out: DerElement[] = [];
	let offset = parent.contentStart;
	while (offset < parent.end) {
		if (out.length === max) return undefined;
		const element = readElement(bytes, offset, parent.end);
		if (!element) return undefined;
		out.push(element);
		offset = element.end;
	}
	return out;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OBJECT_IDENTIFIER = 0x06;
const UTC_TIME = 0x17;
const GENERALIZED_TIME = 0x18;
const VERSION = 0xa0;

/** The single top-level element of `bytes`, when it fills them exactly. */
function whole(bytes: Uint8Array): DerElement | undefined {
	const element = readElement(bytes, 0, bytes.length);
	return element && element.end === bytes.length ? element : undefined;
}

/**
 * Whether `bytes` are one X.509 certificate (RFC 5280 §4.1): a SEQUENCE of tbsCertificate,
 * signatureAlgorithm and a BIT STRING signature, where tbsCertificate holds a serial number, an
 * algorithm, issuer, a validity of two times, subject and a public key, in that order.
 */
export function isX509Certificate(bytes: Uint8Array): boolean {
	const certificate = whole(bytes);
	if (certificate?.tag !== SEQUENCE) return false;
	const parts = children(bytes, certificate, 3);
	if (parts?.length !== 3) return false;
	const [tbs, algorithm, signature] = parts as [DerElement, DerElement, DerElement];
	if (tbs.tag !== SEQUENCE || algorithm.tag !== SEQUENCE || signature.tag !== BIT_STRING)
		return false;
	if (bytes[algorithm.contentStart] !== OBJECT_IDENTIFIER) return false;
	const fields = children(bytes, tbs, 11);
	if (!fields) return false;
	const rest = fields[0]?.tag === VERSION ? fields.slice(1) : fields;
	const [serial, tbsAlgorithm, issuer, validity, subject, publicKey] = rest;
	if (
		serial?.tag !== INTEGER ||
		tbsAlgorithm?.tag !== SEQUENCE ||
		issuer?.tag !== SEQUENCE ||
		validity?.tag !== SEQUENCE ||
		subject?.tag !== SEQUENCE ||
		publicKey?.tag !== SEQUENCE
	)
		return false;
	const times = children(bytes, validity, 2);
	return (
		times?.length === 2 && times.every((t) => t.tag === UTC_TIME || t.tag === GENERALIZED_TIME)
	);
}

/** Whether `bytes` look like a PFX (PKCS #12): a SEQUENCE starting with INTEGER 3. */
export function looksLikePfx(bytes: Uint8Array): boolean {
	const pfx = whole(bytes);
	if (pfx?.tag !== SEQUENCE) return false;
	const version = readElement(bytes, pfx.contentStart, pfx.end);
	return (
		version?.tag === INTEGER &&
		version.end - version.contentStart === 1 &&
		bytes[version.contentStart] === 3
	);
}

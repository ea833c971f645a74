import {
	createECDH,
	createHash,
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	hkdfSync,
	randomBytes,
	sign,
	type KeyObject,
} from 'node:crypto';
import { p256 } from '@noble/curves/nist';
import forge from 'node-forge';

const { asn1 } = forge;

/** Key algorithms the emulator can generate. EC P-256 is the default because it generates in microseconds. */
export type KeyType = 'EC' | 'RSA';

/** The X.509 extended key usages the demo certificates use. */
export const ExtendedKeyUsage = {
	serverAuth: '1.3.6.1.5.5.7.3.1',
	clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

/** Who signs a certificate: its own key (self-signed) or a CA created by {@link createCertificate}. */
export interface Issuer {
	subject: string;
	privateKey: KeyObject;
	subjectKeyId: Buffer;
}

/** What {@link createCertificate} needs. */
export interface CertificateOptions {
	/** Distinguished name as Key Vault writes it, e.g. `CN=www.contoso.test, O=Contoso`. */
	subject: string;
	/** DNS names for the subject alternative name extension. @default [] */
	dnsNames?: string[];
	/** IP addresses for the subject alternative name extension. @default [] */
	ipAddresses?: string[];
	notBefore: Date;
	notAfter: Date;
	/** @default 'EC' */
	keyType?: KeyType;
	/** Extended key usage OIDs. @default [serverAuth, clientAuth] */
	ekus?: string[];
	/** Marks the certificate as a CA (basicConstraints cA=true, keyCertSign). @default false */
	isCertificateAuthority?: boolean;
	/** Signs with this CA instead of self-signing. */
	issuer?: Issuer;
	/**
	 * Derives the key, the serial number and the signature from this text (EC P-256 only, self-signed
	 * only): the same seed and options give the same certificate, byte for byte, so the demo vault's
	 * thumbprints are the same on every start. For demo material only: anyone can derive the key.
	 */
	seed?: string;
}

/** A generated certificate with its key. The key stays inside the emulator. */
export interface GeneratedCertificate {
	der: Buffer;
	privateKey: KeyObject;
	keyType: KeyType;
	/** The certificate as an issuer for further certificates (used for the TLS CA). */
	asIssuer: Issuer;
}

const OID = {
	ecdsaWithSha256: '1.2.840.10045.4.3.2',
	sha256WithRsa: '1.2.840.113549.1.1.11',
	subjectKeyIdentifier: '2.5.29.14',
	authorityKeyIdentifier: '2.5.29.35',
};

const shortNames: Record<string, string> = {
	CN: 'commonName',
	O: 'organizationName',
	OU: 'organizationalUnitName',
	C: 'countryName',
	L: 'localityName',
	ST: 'stateOrProvinceName',
};

/** Parses `CN=a, O=b` into forge attributes. Values must not contain commas. */
function distinguishedName(subject: string): forge.pki.CertificateField[] {
	return subject
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) => {
			const eq = part.indexOf('=');
			const key = part.slice(0, eq).trim().toUpperCase();
			const name = shortNames[key];
			if (eq < 1 || !name) throw new Error(`Unsupported subject attribute: ${part}`);
			return { name, value: part.slice(eq + 1).trim() };
		});
}

/** A throwaway RSA public key so forge builds the TBS structure; the real key replaces it. */
function placeholderPublicKey(): forge.pki.PublicKey {
	return forge.pki.setRsaPublicKey(new forge.jsbn.BigInteger('3'), new forge.jsbn.BigInteger('3'));
}

/** `length` bytes derived from a seed for one purpose (HKDF-SHA256). */
export function derivedBytes(seed: string, purpose: string, length: number): Buffer {
	return Buffer.from(hkdfSync('sha256', seed, 'kvcert demo material', purpose, length));
}

/** The P-256 private scalar for a seed: the first derived value that is a valid key. */
function seededScalar(seed: string): Buffer {
	for (let attempt = 0; ; attempt++) {
		const candidate = derivedBytes(seed, `p256 key ${attempt}`, 32);
		if (p256.utils.isValidSecretKey(candidate)) return candidate;
	}
}

/** A P-256 key pair whose private scalar is `scalar`, as a Node key object. */
function p256KeyObject(scalar: Buffer): KeyObject {
	const ecdh = createECDH('prime256v1');
	ecdh.setPrivateKey(scalar);
	const point = ecdh.getPublicKey();
	return createPrivateKey({
		key: {
			kty: 'EC',
			crv: 'P-256',
			d: scalar.toString('base64url'),
			x: point.subarray(1, 33).toString('base64url'),
			y: point.subarray(33, 65).toString('base64url'),
		},
		format: 'jwk',
	});
}

function generateKey(keyType: KeyType): KeyObject {
	if (keyType === 'RSA') return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
	return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}

function bytesToAsn1(der: Buffer): forge.asn1.Asn1 {
	return asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
}

function signatureAlgorithm(keyType: KeyType): forge.asn1.Asn1 {
	const oid = keyType === 'EC' ? OID.ecdsaWithSha256 : OID.sha256WithRsa;
	const parts = [
		asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes()),
	];
	if (keyType === 'RSA') parts.push(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''));
	return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, parts);
}

function octetString(bytes: Buffer): forge.asn1.Asn1 {
	return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
}

/** Positive serial number as hex (the top bit clear so DER keeps it positive), random or seeded. */
function serialNumber(seed?: string): string {
	const bytes = seed === undefined ? randomBytes(16) : derivedBytes(seed, 'serial', 16);
	bytes[0] = (bytes[0] ?? 0) & 0x7f;
	return bytes.toString('hex');
}

/**
 * Creates an X.509 v3 certificate. forge builds the structure; node:crypto generates the key and
 * signs, which keeps the whole demo vault well under 100 ms with EC keys.
 */
export function createCertificate(options: CertificateOptions): GeneratedCertificate {
	const keyType = options.keyType ?? 'EC';
	const { seed } = options;
	if (seed !== undefined && (keyType !== 'EC' || options.issuer))
		throw new Error('A seeded certificate is a self-signed EC P-256 certificate.');
	const scalar = seed === undefined ? undefined : seededScalar(seed);
	const privateKey = scalar ? p256KeyObject(scalar) : generateKey(keyType);
	const publicDer = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
	const spki = bytesToAsn1(publicDer);
	const subjectKeyId = createHash('sha1')
		.update(Buffer.from(subjectPublicKeyBits(spki), 'binary'))
		.digest();

	const cert = forge.pki.createCertificate();
	cert.publicKey = placeholderPublicKey();
	cert.serialNumber = serialNumber(seed);
	cert.validity.notBefore = options.notBefore;
	cert.validity.notAfter = options.notAfter;
	cert.setSubject(distinguishedName(options.subject));
	cert.setIssuer(distinguishedName(options.issuer?.subject ?? options.subject));

	const altNames = [
		...(options.dnsNames ?? []).map((value) => ({ type: 2, value })),
		...(options.ipAddresses ?? []).map((ip) => ({ type: 7, ip })),
	];
	const isCa = options.isCertificateAuthority ?? false;
	const extensions: object[] = [
		{ name: 'basicConstraints', cA: isCa, critical: true },
		isCa
			? {
					name: 'keyUsage',
					keyCertSign: true,
					cRLSign: true,
					digitalSignature: true,
					critical: true,
				}
			: {
					name: 'keyUsage',
					digitalSignature: true,
					keyEncipherment: keyType === 'RSA',
					critical: true,
				},
		{ id: OID.subjectKeyIdentifier, value: octetString(subjectKeyId) },
		{
			id: OID.authorityKeyIdentifier,
			value: asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
				asn1.create(
					asn1.Class.CONTEXT_SPECIFIC,
					0,
					false,
					(options.issuer?.subjectKeyId ?? subjectKeyId).toString('binary')
				),
			]),
		},
	];
	if (!isCa) {
		const ekus = options.ekus ?? [ExtendedKeyUsage.serverAuth, ExtendedKeyUsage.clientAuth];
		extensions.push({
			id: '2.5.29.37',
			value: asn1.create(
				asn1.Class.UNIVERSAL,
				asn1.Type.SEQUENCE,
				true,
				ekus.map((oid) =>
					asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes())
				)
			),
		});
	}
	if (altNames.length) extensions.push({ name: 'subjectAltName', altNames });
	cert.setExtensions(extensions);

	const signer = options.issuer?.privateKey ?? privateKey;
	const signerType: KeyType = signer.asymmetricKeyType === 'rsa' ? 'RSA' : 'EC';
	// forge needs some signature OID to build the TBS; the right algorithm identifier replaces it below.
	(cert as unknown as { siginfo: { algorithmOid: string } }).siginfo.algorithmOid =
		OID.sha256WithRsa;
	const tbs = (
		forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }
	).getTBSCertificate(cert);
	const children = tbs.value as forge.asn1.Asn1[];
	children[2] = signatureAlgorithm(signerType);
	children[6] = spki;
	const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary');
	// ECDSA with a seeded key signs deterministically (RFC 6979), so the bytes repeat; Node's own
	// ECDSA draws a random nonce each time.
	const signature = scalar
		? Buffer.from(p256.sign(createHash('sha256').update(tbsDer).digest(), scalar).toDERRawBytes())
		: sign('sha256', tbsDer, signer);
	const certificate = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
		tbs,
		signatureAlgorithm(signerType),
		asn1.create(
			asn1.Class.UNIVERSAL,
			asn1.Type.BITSTRING,
			false,
			'\u0000' + signature.toString('binary')
		),
	]);
	const der = Buffer.from(asn1.toDer(certificate).getBytes(), 'binary');
	return {
		der,
		privateKey,
		keyType,
		asIssuer: { subject: options.subject, privateKey, subjectKeyId },
	};
}

/** The subjectPublicKey BIT STRING content (without the unused-bits byte), as forge binary. */
function subjectPublicKeyBits(spki: forge.asn1.Asn1): string {
	const bitString = (spki.value as forge.asn1.Asn1[])[1];
	return String(bitString?.value ?? '').slice(1);
}

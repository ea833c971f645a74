import forge from 'node-forge';
import { CertificateReadError } from './certificate-read-error.ts';
import { bytesToLatin1 } from './encoding.ts';

/** forge binary string → bytes. */
function toBytes(binary: string): Uint8Array {
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/** forge keeps RSA certificates as objects and others (EC) as raw ASN.1. */
type ForgeBag = forge.pkcs12.Bag & { asn1?: forge.asn1.Asn1 };

/**
 * Reads the certificates of a PFX/P12 (DER each), the one paired with the private key first.
 * Loaded only when a PFX is dropped: it brings node-forge with it.
 * @throws CertificateReadError `password-required` or `wrong-password`
 */
export function readPfxCertificates(bytes: Uint8Array, password: string): Uint8Array[] {
	let p12: forge.pkcs12.Pkcs12Pfx;
	try {
		const asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytesToLatin1(bytes)));
		p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
	} catch (error) {
		const message = error instanceof Error ? error.message : '';
		if (/password|mac|decrypt|invalid/i.test(message))
			throw new CertificateReadError(password ? 'wrong-password' : 'password-required');
		throw new CertificateReadError('not-a-certificate');
	}
	const keyIds = new Set<string>();
	const certificates: { der: Uint8Array; keyId?: string }[] = [];
	for (const safe of p12.safeContents) {
		for (const bag of safe.safeBags as ForgeBag[]) {
			const keyId = (bag.attributes?.['localKeyId'] as string[] | undefined)?.[0];
			if (bag.type === forge.pki.oids.certBag) {
				const node = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
				if (node)
					certificates.push({
						der: toBytes(forge.asn1.toDer(node).getBytes()),
						...(keyId ? { keyId } : {}),
					});
			} else if (keyId) keyIds.add(keyId);
		}
	}
	if (!certificates.length) throw new CertificateReadError('not-a-certificate');
	const paired = (c: { keyId?: string }) => (c.keyId && keyIds.has(c.keyId) ? 0 : 1);
	return certificates.sort((a, b) => paired(a) - paired(b)).map((c) => c.der);
}

import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/** A certificate read from an import body or a seed file. */
export interface ImportedCertificate {
	/** Leaf, DER. */
	der: Buffer;
	/** Other certificates in the file, DER. */
	chain: Buffer[];
	privateKey?: KeyObject;
}

/** Thrown for input Key Vault would reject with 400 BadParameter. */
export class ImportError extends Error {}

const pemBlocks = (text: string, label: RegExp) =>
	[...text.matchAll(/-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/g)]
		.filter((m) => label.test(m[1] ?? ''))
		.map((m) => m[0]);

/** Orders certificates so the one matching the key (or else the first) is the leaf. */
function pickLeaf(certificates: Buffer[], privateKey?: KeyObject): ImportedCertificate {
	if (!certificates.length)
		throw new ImportError('No certificate was found in the imported value.');
	let index = 0;
	if (privateKey) {
		const wanted = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
		const found = certificates.findIndex((der) =>
			new X509Certificate(der).publicKey.export({ format: 'der', type: 'spki' }).equals(wanted)
		);
		if (found >= 0) index = found;
	}
	const der = certificates[index] as Buffer;
	return {
		der,
		chain: certificates.filter((_, i) => i !== index),
		...(privateKey ? { privateKey } : {}),
	};
}

/** Reads PEM text: certificates and an optional unencrypted private key. */
export function parsePemCertificate(text: string): ImportedCertificate {
	const certificates = pemBlocks(text, /^CERTIFICATE$/).map((block) =>
		Buffer.from(new X509Certificate(block).raw)
	);
	const [keyBlock] = pemBlocks(text, /PRIVATE KEY$/);
	return pickLeaf(certificates, keyBlock ? createPrivateKey(keyBlock) : undefined);
}

/** Reads a PFX with its password; EC keys and certificates too (forge only models RSA objects). */
export function parsePfxCertificate(bytes: Buffer, password: string): ImportedCertificate {
	let p12: forge.pkcs12.Pkcs12Pfx;
	try {
		const asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));
		p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
	} catch {
		throw new ImportError('The PFX could not be read: wrong password or not a PKCS#12 file.');
	}
	const certificates: Buffer[] = [];
	let privateKey: KeyObject | undefined;
	for (const safe of p12.safeContents) {
		for (const bag of safe.safeBags) {
			const raw = bag as forge.pkcs12.Bag & { asn1?: forge.asn1.Asn1 };
			if (bag.type === forge.pki.oids.certBag) {
				const node = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : raw.asn1;
				if (node) certificates.push(Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary'));
			} else if (
				bag.type === forge.pki.oids.keyBag ||
				bag.type === forge.pki.oids.pkcs8ShroudedKeyBag
			) {
				const node = bag.key
					? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key))
					: raw.asn1;
				if (node)
					privateKey = createPrivateKey({
						key: Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary'),
						format: 'der',
						type: 'pkcs8',
					});
			}
		}
	}
	return pickLeaf(certificates, privateKey);
}

/**
 * Reads the `value` of an import request the way Key Vault does: PEM text when it looks like PEM,
 * otherwise base64 of a PFX (or of PEM text, or of a DER certificate without key).
 */
export function parseImportValue(value: string, password = ''): ImportedCertificate {
	if (value.includes('-----BEGIN')) return parsePemCertificate(value);
	const bytes = Buffer.from(value, 'base64');
	if (!bytes.length) throw new ImportError('The imported value is empty.');
	if (bytes.includes('-----BEGIN')) return parsePemCertificate(bytes.toString('utf8'));
	try {
		return { der: Buffer.from(new X509Certificate(bytes).raw), chain: [] };
	} catch {
		return parsePfxCertificate(bytes, password);
	}
}

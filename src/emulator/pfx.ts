import { createHash, randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
const { Class, Type } = asn1;

const oid = (value: string) =>
	asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(value).getBytes());
const octets = (binary: string) => asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, binary);
const sequence = (items: forge.asn1.Asn1[]) =>
	asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SET, true, items);
const explicit0 = (item: forge.asn1.Asn1) => asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [item]);
const integer = (n: number) =>
	asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(n).getBytes());

const pkcs = {
	data: '1.2.840.113549.1.7.1',
	certBag: '1.2.840.113549.1.12.10.1.3',
	pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
	x509Certificate: '1.2.840.113549.1.9.22.1',
	localKeyId: '1.2.840.113549.1.9.21',
	sha1: '1.3.14.3.2.26',
};

/** ContentInfo of type data wrapping DER bytes. */
function dataContentInfo(content: forge.asn1.Asn1): forge.asn1.Asn1 {
	return sequence([oid(pkcs.data), explicit0(octets(asn1.toDer(content).getBytes()))]);
}

/** What goes into a PFX. */
export interface PfxContents {
	/** Leaf first, then any chain certificates, as DER. */
	certificates: Buffer[];
	/** Private key of the leaf (any type Node can export as PKCS#8: RSA and EC alike); none for a certificate-only PFX. */
	privateKey?: KeyObject | undefined;
	/** Key Vault's secret downloads use an empty password. @default '' */
	password?: string;
}

/**
 * Builds a PKCS#12 (PFX) file: certificates in a plain bag, the PKCS#8 key shrouded with
 * pbeWithSHAAnd3-KeyTripleDES-CBC, and a SHA-1 HMAC over the contents, which Windows, OpenSSL and
 * forge all read. Written by hand because forge's own builder only accepts RSA keys.
 */
export function buildPfx(contents: PfxContents): Buffer {
	const password = contents.password ?? '';
	const [leaf] = contents.certificates;
	if (!leaf) throw new Error('A PFX needs at least one certificate.');
	const localKeyId = createHash('sha1').update(leaf).digest().toString('binary');
	const keyIdAttributes = set([sequence([oid(pkcs.localKeyId), set([octets(localKeyId)])])]);

	const certBags = contents.certificates.map((der, index) => {
		const bag = [
			oid(pkcs.certBag),
			explicit0(sequence([oid(pkcs.x509Certificate), explicit0(octets(der.toString('binary')))])),
		];
		if (index === 0) bag.push(keyIdAttributes);
		return sequence(bag);
	});

	const safeContents = [dataContentInfo(sequence(certBags))];
	if (contents.privateKey) {
		const pkcs8 = contents.privateKey.export({ format: 'der', type: 'pkcs8' });
		const privateKeyInfo = asn1.fromDer(forge.util.createBuffer(pkcs8.toString('binary')));
		const encrypted = forge.pki.encryptPrivateKeyInfo(privateKeyInfo, password, {
			algorithm: '3des',
			count: 2048,
			saltSize: 8,
		});
		const keyBag = sequence([oid(pkcs.pkcs8ShroudedKeyBag), explicit0(encrypted), keyIdAttributes]);
		safeContents.push(dataContentInfo(sequence([keyBag])));
	}
	const authenticatedSafe = sequence(safeContents);

	const salt = randomBytes(8).toString('binary');
	const iterations = 2048;
	const macKey = forge.pkcs12.generateKey(
		password,
		forge.util.createBuffer(salt),
		3,
		iterations,
		20
	);
	const hmac = forge.hmac.create();
	hmac.start('sha1', macKey.getBytes());
	hmac.update(asn1.toDer(authenticatedSafe).getBytes());
	const macData = sequence([
		sequence([
			sequence([oid(pkcs.sha1), asn1.create(Class.UNIVERSAL, Type.NULL, false, '')]),
			octets(hmac.digest().getBytes()),
		]),
		octets(salt),
		integer(iterations),
	]);

	const pfx = sequence([integer(3), dataContentInfo(authenticatedSafe), macData]);
	return Buffer.from(asn1.toDer(pfx).getBytes(), 'binary');
}

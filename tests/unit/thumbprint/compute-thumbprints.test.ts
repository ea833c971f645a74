import { X509Certificate, createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import {
	CertificateReadError,
	computeThumbprints,
} from '../../../src/core/thumbprint/compute-thumbprints.ts';
import { x5tToHex } from '../../../src/core/thumbprint/encoding.ts';
import { createCertificate } from '../../../src/emulator/certificate-factory.ts';
import { buildPfx } from '../../../src/emulator/pfx.ts';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../fixtures/thumbprint/${name}`, import.meta.url)));
const expected = (der: Uint8Array | Buffer) => {
	const x509 = new X509Certificate(Buffer.from(der));
	return {
		sha1: x509.fingerprint.replaceAll(':', ''),
		sha256: x509.fingerprint256.replaceAll(':', ''),
	};
};
const reference = expected(fixture('www.contoso.test.cer'));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('computeThumbprints', () => {
	it('computes SHA-1, SHA-256 and x5t from PEM like Node and openssl', async () => {
		const [result] = await computeThumbprints(fixture('www.contoso.test.pem'));
		expect(result).toMatchObject({ ...reference, format: 'pem', index: 0 });
		expect(x5tToHex(result!.x5t)).toBe(reference.sha1);
	});

	it('computes from DER (.cer) and from base64 DER without headers', async () => {
		const der = fixture('www.contoso.test.cer');
		expect(await computeThumbprints(der)).toMatchObject([{ ...reference, format: 'der' }]);
		const base64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\r\n');
		expect(await computeThumbprints(bytes(base64))).toMatchObject([reference]);
	});

	it('reads every certificate of a PEM chain, with a key block and CRLF line ends', async () => {
		const ca = createCertificate({
			subject: 'CN=Test CA',
			notBefore: new Date(),
			notAfter: new Date(Date.now() + 1e9),
			isCertificateAuthority: true,
		});
		const leaf = createCertificate({
			subject: 'CN=leaf',
			notBefore: new Date(),
			notAfter: new Date(Date.now() + 1e9),
			issuer: ca.asIssuer,
		});
		const pem = (der: Buffer) => new X509Certificate(der).toString().replace(/\n/g, '\r\n');
		const text =
			leaf.privateKey.export({ format: 'pem', type: 'pkcs8' }) + pem(leaf.der) + pem(ca.der);
		const results = await computeThumbprints(bytes(text.toString()));
		expect(results.map((r) => r.sha1)).toEqual([expected(leaf.der).sha1, expected(ca.der).sha1]);
	});

	it('opens an OpenSSL 3 PFX (AES-256, SHA-256 MAC) and a legacy 3DES PFX with the password', async () => {
		for (const name of ['www.contoso.test-openssl3-aes.pfx', 'www.contoso.test-legacy-3des.pfx']) {
			const results = await computeThumbprints(fixture(name), { password: 'kvcert-demo' });
			expect(results).toMatchObject([{ ...reference, format: 'pfx' }]);
		}
	});

	it('opens a Key Vault style PFX (empty password, EC key) and puts the keyed certificate first', async () => {
		const ca = createCertificate({
			subject: 'CN=Chain CA',
			notBefore: new Date(),
			notAfter: new Date(Date.now() + 1e9),
			isCertificateAuthority: true,
		});
		const leaf = createCertificate({
			subject: 'CN=www.contoso.test',
			notBefore: new Date(),
			notAfter: new Date(Date.now() + 1e9),
			issuer: ca.asIssuer,
		});
		const pfx = buildPfx({ certificates: [leaf.der, ca.der], privateKey: leaf.privateKey });
		const results = await computeThumbprints(new Uint8Array(pfx));
		expect(results.map((r) => r.sha1)).toEqual([expected(leaf.der).sha1, expected(ca.der).sha1]);
	});

	it('opens a forge-made RSA PFX with a password', async () => {
		const keys = forge.pki.rsa.generateKeyPair({ bits: 512, e: 0x10001 });
		const cert = forge.pki.createCertificate();
		cert.publicKey = keys.publicKey;
		cert.serialNumber = '01';
		cert.validity.notAfter = new Date(Date.now() + 1e9);
		cert.setSubject([{ name: 'commonName', value: 'forge' }]);
		cert.setIssuer([{ name: 'commonName', value: 'forge' }]);
		cert.sign(keys.privateKey, forge.md.sha256.create());
		const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], 'secret', { algorithm: '3des' });
		const der = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
		const certDer = Buffer.from(
			forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(),
			'binary'
		);
		expect((await computeThumbprints(new Uint8Array(der), { password: 'secret' }))[0]?.sha1).toBe(
			createHash('sha1').update(certDer).digest('hex').toUpperCase()
		);
	});

	it('says whether a PFX password is missing or wrong', async () => {
		const pfx = fixture('www.contoso.test-openssl3-aes.pfx');
		await expect(computeThumbprints(pfx)).rejects.toMatchObject({ code: 'password-required' });
		await expect(computeThumbprints(pfx, { password: 'nope' })).rejects.toMatchObject({
			code: 'wrong-password',
		});
	});

	it('refuses files that hold no certificate', async () => {
		for (const input of [
			bytes('hello'),
			new Uint8Array([0x30, 0x03, 0x01, 0x01, 0xff]),
			bytes('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'),
		]) {
			await expect(computeThumbprints(input)).rejects.toBeInstanceOf(CertificateReadError);
		}
	});

	it('refuses DER that is well-formed but not an X.509 certificate', async () => {
		const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
		const certificate = fixture('www.contoso.test.cer');
		for (const input of [
			// A SEQUENCE holding a SEQUENCE: what the old check took for a certificate.
			new Uint8Array([0x30, 0x03, 0x30, 0x01, 0x00]),
			// A public key (SubjectPublicKeyInfo) also starts SEQUENCE, SEQUENCE.
			spki,
			bytes(Buffer.from(spki).toString('base64')),
			// A certificate with a byte cut off, or with one byte too many.
			certificate.subarray(0, certificate.length - 1),
			new Uint8Array([...certificate, 0]),
			bytes(
				`-----BEGIN CERTIFICATE-----\n${Buffer.from(spki).toString('base64')}\n-----END CERTIFICATE-----\n`
			),
		])
			await expect(computeThumbprints(input)).rejects.toMatchObject({ code: 'not-a-certificate' });
	});

	// No wall-clock bound: the old regular expression took about 110 s on the first input, linear
	// work well under 1 s; the test's timeout (60 s) is the hang guard.
	it(
		'scans 5.6 MB of BEGIN lines in linear time and still finds a certificate after them',
		{ timeout: 60_000 },
		async () => {
			const begins = '-----BEGIN CERTIFICATE-----\n'.repeat(200_000);
			expect(begins.length).toBeGreaterThan(5_500_000);
			await expect(computeThumbprints(bytes(begins))).rejects.toMatchObject({
				code: 'not-a-certificate',
			});
			const pem = new TextDecoder().decode(fixture('www.contoso.test.pem'));
			const results = await computeThumbprints(bytes(begins + pem + begins));
			expect(results).toMatchObject([{ ...reference, format: 'pem' }]);
		}
	);

	it('refuses inputs above the size limit before reading them', async () => {
		const pem = fixture('www.contoso.test.pem');
		await expect(computeThumbprints(pem, { maxBytes: pem.length - 1 })).rejects.toMatchObject({
			code: 'too-large',
		});
		expect(await computeThumbprints(pem, { maxBytes: pem.length })).toMatchObject([reference]);
	});
});

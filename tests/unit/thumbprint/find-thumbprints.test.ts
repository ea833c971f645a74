import { describe, expect, it } from 'vitest';
import {
	findThumbprints,
	parseSingleThumbprint,
	readThumbprints,
	THUMBPRINT_LIMIT,
} from '../../../src/core/thumbprint/find-thumbprints.ts';

// Values from research/keyvault-sdk.md §6 (a real certificate pair: x5t ↔ SHA-1).
const V1 = '2458173B60C44BDECC3A698943BF04CB3A88DAE9';
const V2 = '732B4D7158DA1FCD5BF4259DBE8B7220E880D6F1';
const OTHER = '0F273F77B77E8F60A8B5B7AACD032FFECEF4776D';
const SHA256 = 'D79087A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5CAF';
const colons = (hex: string) => hex.match(/../g)!.join(':');
const spaced = (hex: string) => hex.toLowerCase().match(/../g)!.join(' ');

const hexes = (text: string) => findThumbprints(text).map((t) => t.hex);

describe('PowerShell', () => {
	const table = `PS C:\\Users\\azureuser> Get-ChildItem Cert:\\LocalMachine\\My


   PSParentPath: Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My

Thumbprint                                Subject
----------                                -------
${OTHER}  CN=kvcert-vm01
${V2}  CN=www.contoso.test, O=Contoso
${V1}  CN=www.contoso.test, O=Contoso


PS C:\\Users\\azureuser>`;

	it('reads the Get-ChildItem table with subjects and positions', () => {
		const found = findThumbprints(table);
		expect(found.map((t) => t.hex)).toEqual([OTHER, V2, V1]);
		expect(found.every((t) => t.source === 'powershell-table' && t.algorithm === 'sha1')).toBe(
			true
		);
		expect(found[1]?.subject).toBe('CN=www.contoso.test, O=Contoso');
		for (const t of found) expect(table.slice(t.start, t.end)).toBe(t.hex);
		expect(found[0]?.line).toBe(8);
		expect(found[0]?.column).toBe(1);
	});

	it('reads Format-List output and skips the serial number', () => {
		const list = `PS C:\\> Get-ChildItem Cert:\\LocalMachine\\My | Format-List *

Subject      : CN=www.contoso.test, O=Contoso
Issuer       : CN=www.contoso.test, O=Contoso
Thumbprint   : ${V2}
FriendlyName : 
NotBefore    : 11/24/2026 9:00:00 AM
NotAfter     : 11/24/2027 9:00:00 AM
SerialNumber : 1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D
Extensions   : {System.Security.Cryptography.Oid, System.Security.Cryptography.Oid}

Subject      : CN=kvcert-vm01
Issuer       : CN=kvcert-vm01
Thumbprint   : ${OTHER}
`;
		const found = findThumbprints(list);
		expect(found.map((t) => [t.hex, t.source, t.subject])).toEqual([
			[V2, 'powershell-list', 'CN=www.contoso.test, O=Contoso'],
			[OTHER, 'powershell-list', 'CN=kvcert-vm01'],
		]);
	});
});

describe('openssl', () => {
	it('reads sha1 and sha256 fingerprints with any label case', () => {
		const out = `subject=CN = www.contoso.test, O = Contoso
sha1 Fingerprint=${colons(V1)}
subject=CN = www.contoso.test, O = Contoso
SHA1 Fingerprint=${colons(V2)}
SHA256 Fingerprint=${colons(SHA256)}
Sha256 fingerprint=${colons(SHA256).toLowerCase()}`;
		const found = findThumbprints(out);
		expect(found.map((t) => [t.hex, t.algorithm, t.source])).toEqual([
			[V1, 'sha1', 'openssl'],
			[V2, 'sha1', 'openssl'],
			[SHA256, 'sha256', 'openssl'],
			[SHA256, 'sha256', 'openssl'],
		]);
		expect(found[1]?.subject).toBe('CN = www.contoso.test, O = Contoso');
	});

	it('ignores key identifiers in openssl -text output', () => {
		const text = `        X509v3 extensions:
            X509v3 Subject Key Identifier: 
                ${colons(OTHER)}
            X509v3 Authority Key Identifier: 
                keyid:${colons(V1)}
sha1 Fingerprint=${colons(V2)}`;
		expect(hexes(text)).toEqual([V2]);
	});
});

describe('certutil', () => {
	it('reads Cert Hash(sha1) in both layouts and skips serials and key id hashes', () => {
		const out = `My "Personal"
================ Certificate 0 ================
Serial Number: 3260e930bf361a9ff472cc6d77384701
Issuer: CN=www.contoso.test, O=Contoso
 NotBefore: 11/24/2026 9:00 AM
 NotAfter: 11/24/2027 9:00 AM
Subject: CN=www.contoso.test, O=Contoso
Non-root Certificate
Cert Hash(sha1): ${V2.toLowerCase()}
  Key Container = te-WebServer-1a2b3c4d
  Provider = Microsoft Software Key Storage Provider
Private key is NOT exportable
Encryption test passed
================ Certificate 1 ================
Serial Number: 1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d
Issuer: CN=kvcert-vm01
Subject: CN=kvcert-vm01
Cert Hash(sha1): ${spaced(OTHER)}
Key Id Hash(rfc-sha1): ${spaced(V1)}
Key Id Hash(sha1): ${V1.toLowerCase()}
CertUtil: -store command completed successfully.`;
		const found = findThumbprints(out);
		expect(found.map((t) => [t.hex, t.source, t.subject])).toEqual([
			[V2, 'certutil', 'CN=www.contoso.test, O=Contoso'],
			[OTHER, 'certutil', 'CN=kvcert-vm01'],
		]);
	});

	it('reads Cert Hash(sha256)', () => {
		expect(findThumbprints(`Cert Hash(sha256): ${SHA256.toLowerCase()}`)[0]).toMatchObject({
			hex: SHA256,
			algorithm: 'sha256',
			source: 'certutil',
		});
	});
});

describe('Windows certificate dialog', () => {
	it('ignores the U+200E mark in front of a spaced lower-case thumbprint', () => {
		const text = `\u200e${spaced(V2)}`;
		const [found] = findThumbprints(text);
		expect(found).toMatchObject({ hex: V2, start: 1, end: text.length });
	});

	it('ignores U+200F, zero-width spaces and no-break spaces anywhere in the value', () => {
		const text = `Thumbprint: \u200f${V1.slice(0, 10).toLowerCase()}\u200b${V1.slice(10, 20).toLowerCase()}\u200e${V1.slice(20).toLowerCase()}\n${spaced(V2).replace(/ /g, '\u00a0')}`;
		expect(hexes(text)).toEqual([V1, V2]);
		const [first] = findThumbprints(text);
		expect(
			text
				.slice(first!.start, first!.end)
				.replace(/[\u200b-\u200f]/g, '')
				.toUpperCase()
		).toBe(V1);
	});
});

describe('bare values', () => {
	it('reads bare hex with and without colons, dashes or spaces', () => {
		expect(hexes(`${V1}\n${colons(V2)}\n${V2.match(/../g)!.join('-')}\n${spaced(OTHER)}`)).toEqual([
			V1,
			V2,
			V2,
			OTHER,
		]);
	});

	it('reads a 64-character SHA-256 as SHA-256, not as SHA-1', () => {
		expect(findThumbprints(SHA256)).toMatchObject([{ hex: SHA256, algorithm: 'sha256' }]);
	});

	it('reads Key Vault x5t (base64url) and its JSON form', () => {
		expect(hexes('cytNcVjaH81b9CWdvotyIOiA1vE')).toEqual([V2]);
		expect(hexes('"x5t": "JFgXO2DES97MOmmJQ78EyzqI2uk",')).toEqual([V1]);
		expect(findThumbprints('x5t: JFgXO2DES97MOmmJQ78EyzqI2uk')[0]?.source).toBe('x5t');
	});

	it('reads padded base64 of a SHA-1 (az CLI style)', () => {
		expect(hexes('cytNcVjaH81b9CWdvotyIOiA1vE=')).toEqual([V2]);
	});

	it('does not mistake version ids, GUIDs, words or short hex for thumbprints', () => {
		const text = `https://kv.vault.azure.net/certificates/webcert/4b8f5e2c1a9d4e7f8a6b3c2d1e0f9a8b
client_id 11111111-1111-4111-8111-111111111111
Microsoft.Azure.KeyVault.Store ABCDEF0123 CertificateStoreLocationAbc
${V1}FF`;
		expect(hexes(text)).toEqual([]);
	});

	it('parses a single value typed on its own', () => {
		expect(parseSingleThumbprint(` ${colons(V1).toLowerCase()} `)).toEqual({
			algorithm: 'sha1',
			hex: V1,
		});
		expect(parseSingleThumbprint(`${V1} ${V2}`)).toBeUndefined();
		expect(parseSingleThumbprint('nothing here')).toBeUndefined();
	});
});

// Hostile pastes (issue 24, N4). The thumbprint page runs the finder on the main thread, and
// `kvcert compare --installed` on a file. No wall-clock bound (a flaky test is a defect): each shape
// is read at 100,000 repetitions, where linear work takes about a second and the quadratic finder
// this replaces took minutes (the label pattern was cubic in a run of spaces); the test's timeout is
// the hang guard, and the counts say the whole text was read and the first 10,000 values kept.
describe('hostile pastes stay linear', () => {
	const shapes: [string, (n: number) => string, number][] = [
		['a label, a run of spaces, then a value', (n) => `serial${' '.repeat(n)}x ${V1}\n`, 1],
		['PowerShell Format-List lines', (n) => `Thumbprint : ${V1}\n`.repeat(n), THUMBPRINT_LIMIT],
		['many labelled values on one line', (n) => `thumbprint=${V1} `.repeat(n), THUMBPRINT_LIMIT],
		[
			'subject blocks with no blank line',
			(n) => `subject: CN=a\nthumbprint: ${V1}\n`.repeat(n),
			THUMBPRINT_LIMIT,
		],
		['colon-separated hex lines', (n) => `${colons(V2)}\n`.repeat(n), THUMBPRINT_LIMIT],
	];
	it.each(shapes)('%s', { timeout: 60_000 }, (_, shape, kept) => {
		const { found, truncated } = readThumbprints(shape(100_000));
		expect(found.length).toBe(kept);
		expect(truncated).toBe(kept === THUMBPRINT_LIMIT);
	});

	it('still skips a serial number behind a long run of spaces', () => {
		expect(hexes(`Serial Number:${' '.repeat(5000)}\n    ${colons(V1)}`)).toEqual([]);
		expect(hexes(`serial${'\t'.repeat(3000)}${V1}`)).toEqual([]);
	});
});

// Issue 24 (rv24b item 1): merging a pass of more than ~125,000 values spread them into `push`
// and overflowed the stack; the values kept are now capped, the first ones by position.
describe('very many values', () => {
	const hex = (i: number) =>
		(i.toString(16).padStart(8, '0') + '0123456789ABCDEF'.repeat(2)).slice(0, 40).toUpperCase();

	it('reads 130,000 bare thumbprints without overflowing: the first 10,000, marked truncated', () => {
		const text = Array.from({ length: 130_000 }, (_, i) => hex(i)).join('\n');
		const { found, truncated } = readThumbprints(text);
		expect(truncated).toBe(true);
		expect(found).toHaveLength(10_000);
		expect(found[0]?.hex).toBe(hex(0));
		expect(found[9_999]?.hex).toBe(hex(9_999));
		expect(found[9_999]?.line).toBe(10_000);
	});

	it('keeps the first values by position across formats, and is not truncated at the limit', () => {
		const text = [colons(V1), V2, colons(OTHER), SHA256, colons(V2)].join('\n');
		const first = readThumbprints(text, 3);
		expect(first.found.map((t) => t.hex)).toEqual([V1, V2, OTHER]);
		expect(first.truncated).toBe(true);
		expect(readThumbprints(text, 5)).toMatchObject({ truncated: false });
		expect(readThumbprints(text, 5).found).toHaveLength(5);
	});
});

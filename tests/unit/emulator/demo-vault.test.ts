import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_SEED, seedVault } from '../../../src/emulator/demo-vault.ts';
import { WriteBudget } from '../../../src/emulator/write-budget.ts';

const sha1 = (der: Buffer) => new X509Certificate(der).fingerprint.replace(/:/g, '');

describe('the demo vault is the same on every start', () => {
	it('gives the same certificates, thumbprints and version ids twice, each signed by its own key', () => {
		const first = seedVault(DEMO_SEED);
		const second = seedVault(DEMO_SEED);
		const names = first.list().map((c) => c.name);
		expect(names).toEqual(['webcert', 'clientcert', 'legacycert', 'apicert']);
		for (const certificate of first.list()) {
			const again = second.get(certificate.name)!;
			expect(again.versions.map((v) => v.version)).toEqual(
				certificate.versions.map((v) => v.version)
			);
			for (const [i, version] of certificate.versions.entries()) {
				expect(sha1(version.der)).toBe(sha1(again.versions[i]!.der));
				const x509 = new X509Certificate(version.der);
				expect(x509.verify(x509.publicKey)).toBe(true);
				expect(x509.checkPrivateKey(version.privateKey!)).toBe(true);
			}
		}
		// Every version has a key of its own.
		const thumbprints = first.list().flatMap((c) => c.versions.map((v) => sha1(v.der)));
		expect(new Set(thumbprints).size).toBe(thumbprints.length);
	});

	it('keeps the thumbprint that printed handouts show for webcert (change it only on purpose)', () => {
		const webcert = seedVault(DEMO_SEED).get('webcert')!;
		// If this changes, every printed handout and screenshot of the demo vault is out of date.
		expect(webcert.versions.map((v) => sha1(v.der).slice(0, 8))).toEqual([
			'4A8EFFD4',
			'564A4F3F',
			'F87029EC',
		]);
	});

	it('still tells its story today: webcert 1 expired, 2 and 3 valid and 3 the newest; legacycert expired; apicert 1 disabled', () => {
		const store = seedVault(DEMO_SEED);
		const now = Date.now();
		const validNow = (der: Buffer) => {
			const x509 = new X509Certificate(der);
			return Date.parse(x509.validFrom) <= now && now < Date.parse(x509.validTo);
		};
		const webcert = store.get('webcert')!.versions;
		expect(webcert.map((v) => validNow(v.der))).toEqual([false, true, true]);
		expect(store.latest('webcert')).toBe(webcert[2]);
		expect(validNow(store.get('legacycert')!.versions[0]!.der)).toBe(false);
		expect(store.get('apicert')!.versions.map((v) => v.enabled)).toEqual([false, true]);
		expect(validNow(store.latest('clientcert')!.der)).toBe(true);
	});

	it('without keySeed, generates new keys each time (a seed file of relative dates)', () => {
		const seed = {
			certificates: [{ name: 'a', subject: 'CN=a', versions: [{ createdDaysAgo: 1 }] }],
		};
		expect(sha1(seedVault(seed).latest('a')!.der)).not.toBe(sha1(seedVault(seed).latest('a')!.der));
	});

	it('refuses a keySeed with relative dates, which would not repeat', () => {
		expect(() =>
			seedVault({
				keySeed: 'x',
				certificates: [{ name: 'a', subject: 'CN=a', versions: [{ createdDaysAgo: 1 }] }],
			})
		).toThrow(/created date/);
	});
});

describe('a fork of the store (a visitor view)', () => {
	it('renews and disables in the copy only', () => {
		const shared = seedVault(DEMO_SEED);
		const view = shared.fork();
		const certificate = view.get('webcert')!;
		view.createVersion('webcert', certificate.policy);
		view.latest('webcert')!.enabled = false;
		expect(view.get('webcert')!.versions).toHaveLength(4);
		expect(shared.get('webcert')!.versions).toHaveLength(3);
		expect(shared.latest('webcert')!.enabled).toBe(true);
	});
});

describe('write limits', () => {
	it('refuses past the versions of a certificate and the number of certificates', () => {
		const budget = new WriteBudget({ maxCertificates: 2, maxVersionsPerCertificate: 3 });
		expect(budget.take(2, 1)).toBeUndefined();
		expect(budget.take(3, 1)).toEqual({ reason: 'tooManyVersions' });
		expect(budget.take(undefined, 2)).toEqual({ reason: 'tooManyCertificates' });
	});

	it('throttles writes per minute and says when to retry', () => {
		const budget = new WriteBudget({ writesPerMinute: 2 });
		expect(budget.take(1, 1, 0)).toBeUndefined();
		expect(budget.take(1, 1, 10_000)).toBeUndefined();
		expect(budget.take(1, 1, 20_000)).toEqual({ reason: 'throttled', retryAfterSeconds: 40 });
		expect(budget.take(1, 1, 60_001)).toBeUndefined();
	});
});

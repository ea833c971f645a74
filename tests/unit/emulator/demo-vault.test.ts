import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoSeed, seedVault } from '../../../src/emulator/demo-vault.ts';
import { DEMO_WEEK_ENV, demoWeekId, demoWeekStart } from '../../../src/emulator/demo-week.ts';
import { WriteBudget } from '../../../src/emulator/write-budget.ts';

const sha1 = (der: Buffer) => new X509Certificate(der).fingerprint.replace(/:/g, '');

const DAY = 86_400_000;
const thisWeek = () => demoWeekStart(Date.now());
const demoVault = (week = thisWeek()) => seedVault(demoSeed(week));
const validity = (der: Buffer) => {
	const x509 = new X509Certificate(der);
	return { from: Date.parse(x509.validFrom), to: Date.parse(x509.validTo) };
};

describe('the demo week', () => {
	it('starts on the Monday 00:00 UTC on or before any moment, and a pinned date means its week', () => {
		for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 13 * 3_600_000 + 7_000) {
			const start = demoWeekStart(ms);
			expect(start.getUTCDay()).toBe(1);
			expect(start.getTime() % DAY).toBe(0);
			expect(start.getTime() <= ms && ms < start.getTime() + 7 * DAY).toBe(true);
			const date = new Date(ms).toISOString().slice(0, 10);
			expect(demoWeekStart(0, date)).toEqual(demoWeekStart(Date.parse(`${date}T00:00:00Z`)));
		}
		expect(demoWeekId(demoWeekStart(0, '2026-12-13'))).toBe(
			demoWeekId(demoWeekStart(0, '2026-12-07'))
		);
	});

	it('refuses a pinned value that is not a date, naming the variable', () => {
		for (const bad of ['next week', '2026-13-45', '07.12.2026'])
			expect(() => demoWeekStart(0, bad)).toThrow(new RegExp(DEMO_WEEK_ENV));
		expect(demoWeekStart(Date.UTC(2026, 11, 9), '  ')).toEqual(
			demoWeekStart(Date.UTC(2026, 11, 9))
		);
	});
});

describe('the demo vault is the same all week', () => {
	it('gives the same certificates, thumbprints and version ids for the same week, each signed by its own key', () => {
		const first = demoVault();
		const second = demoVault();
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

	it('changes every thumbprint and version id the next week', () => {
		const week = thisWeek();
		const next = new Date(week.getTime() + 7 * DAY);
		const ids = (store: ReturnType<typeof demoVault>) =>
			store.list().flatMap((c) => c.versions.flatMap((v) => [sha1(v.der), v.version]));
		const now = ids(demoVault(week));
		expect(ids(demoVault(next)).filter((id) => now.includes(id))).toEqual([]);
	});

	it('has realistic webcert validities: about a year each, renewed a year apart before expiry, the newest issued two days before the week', () => {
		for (const week of [
			thisWeek(),
			demoWeekStart(0, '2027-03-01'),
			demoWeekStart(0, '2030-01-01'),
		]) {
			const versions = demoVault(week)
				.get('webcert')!
				.versions.map((v) => validity(v.der));
			expect(versions).toHaveLength(3);
			const newest = versions[2]!;
			// Issued on the Saturday before the week (noon UTC, less Key Vault's 5-minute backdating).
			expect(week.getTime() - newest.from).toBeGreaterThan(1 * DAY);
			expect(week.getTime() - newest.from).toBeLessThanOrEqual(2 * DAY);
			for (const [i, v] of versions.entries()) {
				expect((v.to - v.from) / DAY).toBeGreaterThanOrEqual(365);
				expect((v.to - v.from) / DAY).toBeLessThanOrEqual(398);
				const next = versions[i + 1];
				if (!next) continue;
				expect(Math.round((next.from - v.from) / DAY)).toBe(365);
				expect(v.to).toBeGreaterThan(next.from);
			}
		}
	});

	it('tells its story on every day of the week: webcert 1 expired, 2 and 3 valid and 3 the newest; legacycert expired; apicert 1 disabled', () => {
		const week = thisWeek();
		const store = demoVault(week);
		for (const now of [week.getTime(), week.getTime() + 7 * DAY - 1]) {
			const validNow = (der: Buffer) => {
				const { from, to } = validity(der);
				return from <= now && now < to;
			};
			const webcert = store.get('webcert')!.versions;
			expect(webcert.map((v) => validNow(v.der))).toEqual([false, true, true]);
			expect(store.latest('webcert')).toBe(webcert[2]);
			expect(validNow(store.get('legacycert')!.versions[0]!.der)).toBe(false);
			expect(store.get('apicert')!.versions.map((v) => v.enabled)).toEqual([false, true]);
			expect(validNow(store.latest('clientcert')!.der)).toBe(true);
		}
	});

	it('renews webcert from now, valid longer than every older version', () => {
		const store = demoVault();
		const certificate = store.get('webcert')!;
		const older = certificate.versions.map((v) => validity(v.der));
		const before = Date.now();
		const renewed = validity(store.createVersion('webcert', certificate.policy).der);
		// Key Vault backdates NotBefore by a few minutes; X.509 keeps whole seconds.
		expect(Math.abs(renewed.from - before)).toBeLessThanOrEqual(301_000);
		expect(renewed.to).toBeGreaterThan(Math.max(...older.map((v) => v.to)));
	});
});

describe('seed files', () => {
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

	it('refuses a validityMonths Key Vault would not take', () => {
		for (const validityMonths of [0, 1.5, 121])
			expect(() =>
				seedVault({ certificates: [{ name: 'a', subject: 'CN=a', validityMonths }] })
			).toThrow(/validityMonths/);
	});
});

describe('a fork of the store (a visitor view)', () => {
	it('renews and disables in the copy only', () => {
		const shared = demoVault();
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

import { describe, expect, test } from 'vitest';
import { translatorFor } from '../../../src/core/i18n/index.ts';
import { uiStrings } from '../../../src/core/i18n/ui-strings.ts';
import {
	chooserView,
	nowOf,
	type ChooserInput,
} from '../../../src/components/widgets/certificate-chooser/chooser-view.ts';
import {
	sampleListing,
	sampleNow,
	sampleSubject,
} from '../../../src/components/widgets/certificate-chooser/sample.ts';

const t = { ja: translatorFor(uiStrings('ja'), 'ja'), en: translatorFor(uiStrings('en'), 'en') };
const OLD = '8A1F3C0D9B7E26F4A5C3B2D1E0F9A8B7C6D5E4F3';
const CURRENT = '2C9E5B7A1D3F4E6C8B0A9F1E2D3C4B5A69788796';
const sample: ChooserInput = {
	listing: sampleListing,
	subject: sampleSubject,
	now: sampleNow,
	pin: '',
};
const clock = Date.UTC(2030, 0, 1);

describe('certificate chooser view', () => {
	test('empty: asks for the output, every strategy picks nothing', () => {
		const view = chooserView({ listing: '', subject: '', now: '', pin: '' }, 'en', t.en, clock);
		expect(view.status).toBe('Paste the output above, or load the sample.');
		expect(view.results.rows.map((r) => r.key)).toEqual([
			'first-match',
			'newest-not-before',
			'latest-expiry',
			'valid-now-newest',
			'pinned-thumbprint',
		]);
		for (const row of view.results.rows)
			expect(row.cells['picked']).toEqual({ kind: 'text', text: 'Nothing' });
		expect(view.certificates.rows).toEqual([]);
	});

	test('the sample: the recommended strategy takes the current one, first match the old', () => {
		const view = chooserView(sample, 'en', t.en, clock);
		expect(view.status).toBe('3 certificates read.');
		const picked = Object.fromEntries(view.results.rows.map((r) => [r.key, r.cells['picked']]));
		expect(picked['valid-now-newest']).toEqual({ kind: 'hex', value: CURRENT });
		expect(picked['first-match']).toEqual({ kind: 'hex', value: OLD });
		const newest = view.results.rows.find((r) => r.key === 'newest-not-before')!;
		expect(newest.cells['warnings']).toEqual({
			kind: 'list',
			items: expect.arrayContaining(['Not valid yet: clients will reject it.']),
		});
		expect(view.certificates.rows).toHaveLength(3);
		expect(view.certificates.rows[0]!.cells).toMatchObject({
			line: { kind: 'text', text: '1' },
			thumbprint: { kind: 'hex', value: OLD },
			privateKey: { kind: 'text', text: 'Yes' },
		});
	});

	test('Japanese: strategy names, reasons and the count in Japanese', () => {
		const view = chooserView(sample, 'ja', t.ja, clock);
		expect(view.status).toBe('3 個の証明書を読み取りました。');
		expect(view.results.rows[3]!.cells['strategy']).toEqual({
			kind: 'text',
			text: '現在有効で最新のもの (推奨)',
		});
		expect(view.results.rows[3]!.cells['why']?.kind).toBe('text');
	});

	test('one certificate reads in the singular; a pin that is not there says so', () => {
		const one = sampleListing.split('\n\n')[0]!;
		const view = chooserView({ ...sample, listing: one, pin: 'ab'.repeat(20) }, 'en', t.en, clock);
		expect(view.status).toBe('1 certificate read.');
		const pin = view.results.rows.find((r) => r.key === 'pinned-thumbprint')!;
		expect(pin.cells['picked']).toEqual({ kind: 'text', text: 'Nothing' });
		expect(pin.cells['why']).toEqual({
			kind: 'text',
			text: expect.stringContaining('ABABABAB') as string,
		});
	});

	test('text that is not a listing; the simulator note comes first', () => {
		const view = chooserView(
			{ listing: 'hello\nworld', subject: '', now: '', pin: '', note: 'From the simulator.' },
			'en',
			t.en,
			clock
		);
		expect(view.status).toMatch(/^From the simulator\. No certificate found/);
	});

	test('an ambiguous date says why it cannot be read', () => {
		const listing = sampleListing.replace('3/10/2025 9:00:00 AM', '03/04/2025 09:00:00');
		const view = chooserView({ ...sample, listing }, 'en', t.en, clock);
		expect(view.certificates.rows[0]!.cells['notBefore']).toEqual({
			kind: 'text',
			text: expect.stringMatching(/^03\/04\/2025 09:00:00 \(day or month first\?/) as string,
		});
	});

	test('the VM time field, or the clock when it is empty or broken', () => {
		expect(nowOf('2026-03-01T12:00', 0)).toBe(Date.UTC(2026, 2, 1, 12));
		expect(nowOf('', 42)).toBe(42);
		expect(nowOf('tomorrow', 42)).toBe(42);
	});
});

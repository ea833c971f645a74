import { describe, expect, test } from 'vitest';
import {
	decodeShare,
	encodeShare,
	isShareFragment,
} from '../../../src/components/widgets/checker/share.ts';
import { checkerExamples } from '../../../src/components/widgets/checker/examples.ts';

describe('share links', () => {
	test('round-trips every example and non-ASCII text through the fragment', async () => {
		for (const text of [
			...checkerExamples.map((e) => e.text),
			'日本語のコメント 🚀\r\n{"a": 1}',
			'',
		]) {
			const encoded = await encodeShare(text);
			if (!encoded.ok) throw new Error('too large');
			expect(encoded.fragment).toMatch(/^#code=[\w-]*$/);
			expect(isShareFragment(encoded.fragment)).toBe(true);
			expect(await decodeShare(encoded.fragment)).toBe(text);
		}
	});

	test('compresses: a template shrinks well below its size', async () => {
		const text = checkerExamples[0]!.text.repeat(20);
		const encoded = await encodeShare(text);
		expect(encoded.ok && encoded.fragment.length < text.length / 5).toBe(true);
	});

	test('refuses a text over the limit and says how large it is', async () => {
		const random = Array.from({ length: 4000 }, (_, i) => ((i * 7919) % 65_521).toString(36)).join(
			''
		);
		const encoded = await encodeShare(random, 1000);
		expect(encoded).toEqual({ ok: false, size: expect.any(Number) });
		expect(!encoded.ok && encoded.size > 1000).toBe(true);
	});

	test('damaged, foreign and oversized fragments give undefined, never throw', async () => {
		expect(await decodeShare('#code=!!!')).toBeUndefined();
		expect(await decodeShare('#code=AAAA')).toBeUndefined();
		expect(await decodeShare('#other')).toBeUndefined();
		const encoded = await encodeShare('x'.repeat(100_000));
		if (!encoded.ok) throw new Error('too large');
		expect(await decodeShare(encoded.fragment, 50_000)).toBeUndefined();
		expect(await decodeShare(encoded.fragment.slice(0, -3))).toBeUndefined();
	});
});

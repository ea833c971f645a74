import { describe, expect, it } from 'vitest';
import { estimateWidthEm, fitLabel } from '../../src/components/diagrams/fit-label.ts';
import { diagrams } from '../../src/components/diagrams/specs/index.ts';

describe('fitLabel', () => {
	it('keeps spaces between Japanese and Latin words when wrapping', () => {
		const lines = fitLabel(
			['Key Vault VM 拡張機能', '(バージョンなし URL)'],
			{ w: 160, h: 64 },
			17,
			14
		);
		expect(lines.map((l) => l.text).join('|')).toContain('バージョンなし');
		expect(
			lines
				.filter((l) => l.sub)
				.map((l) => l.text)
				.join(' ')
		).toMatch(/なし ?URL/);
		expect(lines.map((l) => l.text).join('')).not.toMatch(/なしURL/);
	});

	it('fits every label of every diagram, full size and as a thumbnail, in both languages', () => {
		for (const [name, spec] of Object.entries(diagrams))
			for (const node of spec.nodes)
				for (const lang of ['ja', 'en'] as const)
					for (const compact of [false, true]) {
						const texts = (compact ? node.label.slice(0, 1) : node.label).map((l) => l[lang]);
						const lines = fitLabel(texts, node, compact ? 28 : 17, 14);
						for (const line of lines)
							expect(
								estimateWidthEm(line.text) * line.size,
								`${name} ${node.id} ${lang}`
							).toBeLessThanOrEqual(node.w - 20);
						const top = Math.min(...lines.map((l) => l.dy - 1.1 * l.size));
						const bottom = Math.max(...lines.map((l) => l.dy + 0.35 * l.size));
						expect(bottom - top, `${name} ${node.id} ${lang}`).toBeLessThanOrEqual(node.h);
						expect(lines.map((l) => l.text.replace(/\s/g, '')).join('')).toBe(
							texts.join('').replace(/\s/g, '')
						);
					}
	});
});

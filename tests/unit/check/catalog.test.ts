import { describe, expect, it } from 'vitest';
import { notCheckableRules } from '../../../src/core/check/not-checkable.ts';
import { rules } from '../../../src/core/check/rules/index.ts';

const catalog = Array.from({ length: 48 }, (_, i) => `KV${String(i + 1).padStart(3, '0')}`);

describe('rule catalog', () => {
	it('implements or explains every catalog rule KV001–KV048', () => {
		const implemented = new Set(rules.map((r) => r.id));
		const explained = new Set(notCheckableRules.map((r) => r.id));
		const missing = catalog.filter((id) => !implemented.has(id) && !explained.has(id));
		expect(missing).toEqual([]);
		expect([...explained].filter((id) => implemented.has(id))).toEqual([]);
		for (const entry of notCheckableRules) {
			expect(entry.reason.ja.length).toBeGreaterThan(20);
			expect(entry.reason.en.length).toBeGreaterThan(20);
		}
	});

	it('gives every rule complete bilingual metadata and a unique id and slug', () => {
		expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
		expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
		for (const rule of rules) {
			expect(rule.id).toMatch(/^KV\d{3}$/);
			expect(rule.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
			for (const text of [rule.meta.title, rule.meta.docs, ...Object.values(rule.meta.messages)]) {
				expect(text.en.trim()).not.toBe('');
				expect(text.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			}
		}
	});

	it('numbers new rules after the catalog', () => {
		const extra = rules.filter((r) => !catalog.includes(r.id)).map((r) => r.id);
		expect(extra).toEqual(['KV049', 'KV050', 'KV051', 'KV052', 'KV053', 'KV060']);
	});
});

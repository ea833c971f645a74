import { describe, expect, test } from 'vitest';
import {
	edgeGeometry,
	type DiagramNode,
	type Localized,
} from '../../src/components/diagrams/model';
import { diagrams } from '../../src/components/diagrams/specs';

const overlaps = (a: DiagramNode, b: DiagramNode) =>
	a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Every Localized value in a spec, found by walking it. */
function localizedIn(value: unknown, path = ''): [string, Localized][] {
	if (!value || typeof value !== 'object') return [];
	if ('ja' in value && 'en' in value) return [[path, value as Localized]];
	return Object.entries(value).flatMap(([key, child]) => localizedIn(child, `${path}.${key}`));
}

describe.each(Object.entries(diagrams))('diagram %s', (_name, spec) => {
	const ids = new Set(spec.nodes.map((node) => node.id));

	test('edges and steps name existing nodes', () => {
		for (const edge of spec.edges)
			expect([edge.from, edge.to].filter((id) => !ids.has(id))).toEqual([]);
		for (const step of spec.steps) expect(step.nodes.filter((id) => !ids.has(id))).toEqual([]);
	});

	test('steps are numbered 1…N and each has an arrow', () => {
		const numbers = new Set(spec.edges.map((edge) => edge.step));
		expect([...numbers].sort((a, b) => a - b)).toEqual(spec.steps.map((_, i) => i + 1));
	});

	test('boxes stay inside the drawing and do not overlap', () => {
		for (const node of spec.nodes) {
			expect(node.x).toBeGreaterThanOrEqual(0);
			expect(node.y).toBeGreaterThanOrEqual(0);
			expect(node.x + node.w).toBeLessThanOrEqual(spec.width);
			expect(node.y + node.h).toBeLessThanOrEqual(spec.height);
		}
		for (const [i, a] of spec.nodes.entries())
			for (const b of spec.nodes.slice(i + 1))
				expect(overlaps(a, b), `${a.id} × ${b.id}`).toBe(false);
	});

	test('arrows run from border to border, inside the drawing', () => {
		const byId = new Map(spec.nodes.map((node) => [node.id, node]));
		for (const edge of spec.edges) {
			const g = edgeGeometry(byId.get(edge.from)!, byId.get(edge.to)!, edge.offset);
			for (const [x, y] of [
				[g.x1, g.y1],
				[g.x2, g.y2],
			] as const) {
				expect(x).toBeGreaterThan(0);
				expect(x).toBeLessThan(spec.width);
				expect(y).toBeGreaterThan(0);
				expect(y).toBeLessThan(spec.height);
			}
			expect(Math.hypot(g.x2 - g.x1, g.y2 - g.y1), `${edge.from} → ${edge.to}`).toBeGreaterThan(30);
		}
	});

	test('every text exists in Japanese and English', () => {
		for (const [path, text] of localizedIn(spec)) {
			expect(text.ja.trim(), `ja${path}`).not.toBe('');
			expect(text.en.trim(), `en${path}`).not.toBe('');
		}
	});
});

describe('edgeGeometry', () => {
	const a: DiagramNode = { id: 'a', x: 0, y: 0, w: 100, h: 50, label: [] };
	const b: DiagramNode = { id: 'b', x: 300, y: 0, w: 100, h: 50, label: [] };

	test('a horizontal arrow leaves the right border and stops short of the left one', () => {
		const g = edgeGeometry(a, b);
		expect(g.x1).toBeCloseTo(104);
		expect(g.x2).toBeCloseTo(296);
		expect(g.y1).toBeCloseTo(25);
	});

	test('opposite arrows with the same offset run on opposite sides', () => {
		expect(edgeGeometry(a, b, 10).y1).toBeCloseTo(35);
		expect(edgeGeometry(b, a, 10).y1).toBeCloseTo(15);
	});
});

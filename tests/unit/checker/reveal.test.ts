import { describe, expect, test } from 'vitest';
import { sidewaysScroll } from '../../../src/components/widgets/checker/reveal.ts';

// The text is seen between x = 46 (after a 30 px gutter and 16 px of room) and x = 304 (a phone).
const view = { from: 46, to: 304 };

describe('sideways scroll to show a range (a fix or a finding on a long line)', () => {
	test('a range that fits from the left edge: scrolled back to the start of the lines', () => {
		expect(sidewaysScroll({ start: 120, end: 160, ...view })).toBe(0);
		expect(sidewaysScroll({ start: 46, end: 304, ...view })).toBe(0);
	});

	test('a range past the right edge: just enough to show its end, so the lines lose the least', () => {
		// "secretUri" at the end of a long line: 100 px past the edge, not to the range's start.
		expect(sidewaysScroll({ start: 330, end: 404, ...view })).toBe(100);
	});

	test('a range wider than the view: its start is shown', () => {
		expect(sidewaysScroll({ start: 400, end: 900, ...view })).toBe(354);
	});
});

import { describe, expect, test } from 'vitest';
import { scrollToShow, stepAfter, stepKeys } from '../../src/components/diagrams/stepper.ts';

describe('diagram step-through', () => {
	test('next and previous go round; Home, End and Escape', () => {
		expect(stepAfter(0, 5, 'next')).toBe(1);
		expect(stepAfter(5, 5, 'next')).toBe(1);
		expect(stepAfter(1, 5, 'previous')).toBe(5);
		expect(stepAfter(0, 5, 'previous')).toBe(5);
		expect(stepAfter(3, 5, stepKeys['Home']!)).toBe(1);
		expect(stepAfter(3, 5, stepKeys['End']!)).toBe(5);
		expect(stepAfter(3, 5, stepKeys['Escape']!)).toBe(0);
	});

	test('the highlighted part is brought into the zoomed frame, and left alone when in sight', () => {
		// A 328 px frame over a 760 px drawing, showing 0–328.
		expect(scrollToShow({ start: 100, end: 200 }, 0, 328, 432)).toBe(0);
		expect(scrollToShow({ start: 500, end: 600 }, 0, 328, 432)).toBe(386);
		expect(scrollToShow({ start: 700, end: 760 }, 0, 328, 432)).toBe(432);
		expect(scrollToShow({ start: 10, end: 60 }, 300, 328, 432)).toBe(0);
		// Wider than the frame: its start is shown.
		expect(scrollToShow({ start: 200, end: 700 }, 0, 328, 432)).toBe(200);
	});
});

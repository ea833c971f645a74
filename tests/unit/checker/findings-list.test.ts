import { describe, expect, test } from 'vitest';
import type { Severity } from '../../../src/core/check/types.ts';
import {
	groupFindings,
	stepFinding,
	visibleEntries,
	visibleIndices,
} from '../../../src/components/widgets/checker/findings-list.ts';
import type { FindingView } from '../../../src/components/widgets/checker/view-model.ts';

const finding = (line: number, ruleId: string, severity: Severity, message = ruleId) =>
	({
		ruleId,
		severity,
		message,
		line,
		column: 1,
		from: line * 10,
		to: line * 10 + 4,
	}) as FindingView;

// The shape of the 67 KB template's result: errors and a warning, and the same info eight times.
const findings: FindingView[] = [
	finding(3, 'KV050', 'info', 'multi-line string'),
	finding(10, 'KV004', 'error'),
	finding(20, 'KV050', 'info', 'multi-line string'),
	finding(30, 'KV010', 'warning'),
	finding(40, 'KV050', 'info', 'multi-line string'),
	finding(50, 'KV050', 'error', 'syntax error'),
	finding(60, 'KV004', 'error'),
];

describe('findings list', () => {
	test('identical findings become one group at the place of the first; errors come first, a syntax error before them', () => {
		expect(groupFindings(findings)).toEqual([
			// The JSON syntax error leads: what follows was read only up to it. Same rule as the
			// infos, other message: not grouped with them.
			{ kind: 'finding', index: 5 },
			{ kind: 'group', severity: 'error', indices: [1, 6] },
			{ kind: 'finding', index: 3 },
			{ kind: 'group', severity: 'info', indices: [0, 2, 4] },
		]);
		expect(groupFindings([])).toEqual([]);
	});

	test('the severity filter hides whole groups and their findings', () => {
		const entries = groupFindings(findings);
		const noInfo = new Set<Severity>(['error', 'warning']);
		expect(visibleEntries(entries, findings, noInfo).map((e) => e.kind)).toEqual([
			'finding',
			'group',
			'finding',
		]);
		expect(visibleEntries(entries, findings, new Set<Severity>(['info']))).toEqual([
			{ kind: 'group', severity: 'info', indices: [0, 2, 4] },
		]);
		expect(visibleIndices(findings, noInfo)).toEqual([1, 3, 5, 6]);
		expect(visibleEntries(entries, findings, new Set())).toEqual([]);
	});

	test('next and previous go round the findings shown, in the order of the text', () => {
		const visible = [1, 3, 5, 6];
		expect(stepFinding(visible, undefined, 1)).toBe(1);
		expect(stepFinding(visible, undefined, -1)).toBe(6);
		expect(stepFinding(visible, 1, 1)).toBe(3);
		expect(stepFinding(visible, 6, 1)).toBe(1);
		expect(stepFinding(visible, 1, -1)).toBe(6);
		// From a finding that is now hidden (filtered out), to its neighbours.
		expect(stepFinding(visible, 4, 1)).toBe(5);
		expect(stepFinding(visible, 4, -1)).toBe(3);
		expect(stepFinding([], 2, 1)).toBeUndefined();
	});
});

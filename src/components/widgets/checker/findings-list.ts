// What the findings list shows of a view: identical findings grouped ("8 × KV050 …"), the severities
// the reader chose to see, and which finding "next" and "previous" go to. Pure, so it is unit-tested.
import type { Severity } from '../../../core/check/index.ts';
import type { FindingView } from './view-model.ts';

/** KV050, JSON syntax. */
const syntaxRuleId = 'KV050';

/** The severities, most serious first (the order of the filter buttons). */
export const severities: readonly Severity[] = ['error', 'warning', 'info'];

/** One entry of the list: a finding on its own, or a group of identical findings. */
export type ListEntry =
	{ kind: 'finding'; index: number } | { kind: 'group'; severity: Severity; indices: number[] };

/** Findings are identical when the same rule says the same thing at the same severity. */
const keyOf = (f: FindingView) => `${f.ruleId ?? ''}\u0000${f.severity}\u0000${f.message}`;

/**
 * The list's entries, errors first (a JSON syntax error before the others), then warnings, then
 * infos, each in the order of the text (so the
 * first screen of the panel shows the errors): identical findings become one group at the place of
 * the first of them; a finding that has no twin stays on its own. Indices point into `findings`.
 */
export function groupFindings(findings: readonly FindingView[]): ListEntry[] {
	const groups = new Map<string, number[]>();
	findings.forEach((finding, index) => {
		const key = keyOf(finding);
		const indices = groups.get(key);
		if (indices) indices.push(index);
		else groups.set(key, [index]);
	});
	const entries: ListEntry[] = [];
	for (const indices of groups.values()) {
		const first = indices[0]!;
		entries.push(
			indices.length === 1
				? { kind: 'finding', index: first }
				: { kind: 'group', severity: findings[first]!.severity, indices }
		);
	}
	const start = (e: ListEntry) => (e.kind === 'finding' ? e.index : e.indices[0]!);
	// A JSON syntax error (KV050) leads its severity: the findings after it come from a text read
	// only up to it.
	const rank = (e: ListEntry) => {
		const finding = findings[start(e)]!;
		return severities.indexOf(finding.severity) * 2 + (finding.ruleId === syntaxRuleId ? 0 : 1);
	};
	return entries.sort((a, b) => rank(a) - rank(b) || start(a) - start(b));
}

/**
 * The entries without the findings shown elsewhere (the fill-in list's, `taken`): a group keeps its
 * other members, and one left alone becomes a finding on its own.
 */
export function withoutTaken(
	entries: readonly ListEntry[],
	taken: ReadonlySet<number>
): ListEntry[] {
	if (taken.size === 0) return [...entries];
	return entries.flatMap((e): ListEntry[] => {
		if (e.kind === 'finding') return taken.has(e.index) ? [] : [e];
		const indices = e.indices.filter((i) => !taken.has(i));
		if (indices.length === 0) return [];
		return indices.length === 1 ? [{ kind: 'finding', index: indices[0]! }] : [{ ...e, indices }];
	});
}

/** The entries of the severities shown. */
export function visibleEntries(
	entries: readonly ListEntry[],
	findings: readonly FindingView[],
	shown: ReadonlySet<Severity>
): ListEntry[] {
	return entries.filter((e) =>
		shown.has(e.kind === 'group' ? e.severity : findings[e.index]!.severity)
	);
}

/**
 * The findings of the severities shown, by index, in the order of the text; without those shown
 * elsewhere (`taken`: the fill-in list's).
 */
export function visibleIndices(
	findings: readonly FindingView[],
	shown: ReadonlySet<Severity>,
	taken: ReadonlySet<number> = new Set()
): number[] {
	return findings.flatMap((f, i) => (shown.has(f.severity) && !taken.has(i) ? [i] : []));
}

/**
 * The finding "next" (`1`) or "previous" (`-1`) goes to from the current one, among `visible`
 * (indices in text order), going round at either end; the first or last when none is current.
 */
export function stepFinding(
	visible: readonly number[],
	current: number | undefined,
	direction: 1 | -1
): number | undefined {
	if (visible.length === 0) return undefined;
	if (current === undefined) return direction === 1 ? visible[0] : visible.at(-1);
	if (direction === 1) return visible.find((i) => i > current) ?? visible[0];
	return [...visible].reverse().find((i) => i < current) ?? visible.at(-1);
}

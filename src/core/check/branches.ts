import type { SourceText } from './source.ts';
import type { Lang } from './types.ts';

/**
 * Conditionals whose condition is not known (`os == 'Windows' ? '3.0' : '2.0'` in Bicep, ARM's
 * `if(…)`, Terraform's `c ? a : b`) are read as unknown; the engine then reads the input again once
 * per branch, assuming the condition one way (engine/check.ts), so that each branch's value is checked
 * as a possible value. A condition that compares something with a text (`x == 'Windows'`) is keyed
 * by that something: assuming `x` is 'Linux' decides `x == 'Windows'` and `x != 'Linux'` alike, so a
 * machine's OS and the extension's version written with the same comparison stay paired.
 */

/** A condition as a reader sees it. */
export interface Condition {
	/** What is tested, normalised (the same text gives the same key in every reader pass). */
	subject: string;
	/** The subject as written, for messages. */
	label: string;
	/** For `subject == 'text'` (or `!=`, `negated`): the text compared with. */
	literal?: string;
	negated?: boolean;
	at: { source: SourceText; start: number; end: number };
}

/** A condition met while reading, with every text it was compared with. */
export interface BranchPoint {
	subject: string;
	label: string;
	literals: string[];
	/** Where it is written (the first few places). */
	places: Array<Condition['at']>;
}

/** One way of taking the conditions on one subject. */
export interface BranchAssumption {
	subject: string;
	label: string;
	/** The subject equals this text. */
	equals?: string;
	/** The subject is none of these texts. */
	notIn?: string[];
	/** A condition that is not a comparison: true or false. */
	truth?: boolean;
}

/** What a reading pass knows and learns about conditionals (kept in the evaluation session). */
export interface BranchState {
	assume: BranchAssumption | undefined;
	points: Map<string, BranchPoint>;
}

export function createBranchState(assume?: BranchAssumption): BranchState {
	return { assume, points: new Map() };
}

/** At most this many subjects are tried per input (two passes or so each). */
export const maxBranchSubjects = 3;

/**
 * Whether the condition holds under the pass's assumption; undefined when it does not say (the
 * condition is then noted, so that the engine can try its branches).
 */
export function decideCondition(state: BranchState, condition: Condition): boolean | undefined {
	const { assume } = state;
	const literal = condition.literal?.toLowerCase();
	if (assume?.subject === condition.subject) {
		let result: boolean | undefined;
		if (literal === undefined) result = assume.truth;
		else if (assume.equals !== undefined) result = assume.equals.toLowerCase() === literal;
		else if (assume.notIn?.some((t) => t.toLowerCase() === literal)) result = false;
		return result === undefined ? undefined : result !== (condition.negated ?? false);
	}
	let point = state.points.get(condition.subject);
	if (!point) {
		point = { subject: condition.subject, label: condition.label, literals: [], places: [] };
		state.points.set(condition.subject, point);
	}
	if (point.places.length < 32) point.places.push(condition.at);
	if (
		condition.literal !== undefined &&
		!point.literals.some((t) => t.toLowerCase() === literal) &&
		point.literals.length < 8
	)
		point.literals.push(condition.literal);
	return undefined;
}

/** The passes that try the branches of one subject. */
export function assumptionsFor(point: BranchPoint): BranchAssumption[] {
	const { subject, label, literals } = point;
	if (literals.length === 0)
		return [
			{ subject, label, truth: true },
			{ subject, label, truth: false },
		];
	const each = literals.map((equals) => ({ subject, label, equals }));
	return literals.length === 1 ? [...each, { subject, label, notIn: [...literals] }] : each;
}

const clipped = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** The words that say on which branch a finding holds, e.g. "when OS is 'Linux'". */
export function branchWords(assumption: BranchAssumption, lang: Lang): string {
	const label = clipped(assumption.label.replace(/\s+/g, ' '));
	if (assumption.equals !== undefined)
		return lang === 'ja'
			? `${label} が '${assumption.equals}' の場合`
			: `when ${label} is '${assumption.equals}'`;
	if (assumption.notIn)
		return lang === 'ja'
			? `${label} が ${assumption.notIn.map((t) => `'${t}'`).join('、')} 以外の場合`
			: `when ${label} is not ${assumption.notIn.map((t) => `'${t}'`).join(' or ')}`;
	return lang === 'ja'
		? `${label} が ${String(assumption.truth)} の場合`
		: `when ${label} is ${String(assumption.truth)}`;
}

/** A finding's message with the branches it holds on. */
export function onBranch(message: string, branches: string[], lang: Lang): string {
	if (lang === 'ja') return `${message}この指摘は、${branches.join('、または ')}に当てはまります。`;
	return `${message} This applies ${branches.join(', or ')}.`;
}

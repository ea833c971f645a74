import { limits } from '../limits.ts';
import type { EvaluationSession, LimitEvent } from '../scope.ts';
import type { SourceText } from '../source.ts';
import { concatParts, isHole, unknown, type StringPart, type Value } from '../values.ts';

/** What building a value costs: its characters, its pieces, how deep its expansions nest. */
export interface ValueCost {
	size: number;
	parts?: number;
	depth?: number;
}

/**
 * The one budget every reader spends when it builds a value out of others (a shell or PowerShell
 * variable expanded in a string, a Bicep or Terraform interpolation), with the ARM evaluator's
 * limits (limits.ts): a value over `valueSize` characters or `valueParts` pieces, nested deeper
 * than `evaluationDepth`, or built once the check's work is spent, is not built. The reader treats
 * it as unknown, and the first place each limit is reached is reported once (KV051), so that a few
 * doubling variables cannot make time, memory or output grow faster than the input.
 */
export function overValueLimit(
	budget: EvaluationSession,
	cost: ValueCost,
	at: { source: SourceText; start: number; end: number }
): boolean {
	const limit: LimitEvent['limit'] | undefined =
		(cost.depth ?? 0) > limits.evaluationDepth
			? 'depth'
			: cost.size > limits.valueSize || (cost.parts ?? 1) > limits.valueParts
				? 'size'
				: budget.work < cost.size
					? 'work'
					: undefined;
	if (limit === undefined) {
		budget.work -= cost.size;
		return false;
	}
	if (limit === 'work') budget.work = 0;
	if (!budget.limited.some((e) => e.limit === limit)) budget.limited.push({ at, limit });
	return true;
}

/**
 * A string value joined from parts (an interpolated Bicep or HCL string), or an unknown value
 * when the joined value is over the budget (reported at `at`).
 */
export function joinWithinBudget(
	budget: EvaluationSession,
	parts: StringPart[],
	at: { source: SourceText; start: number; end: number }
): Value {
	let size = 0;
	for (const part of parts) size += isHole(part) ? 1 : part.text.length;
	if (overValueLimit(budget, { size, parts: parts.length }, at))
		return unknown(`limit@${at.start}`, '{?}');
	return concatParts(parts);
}

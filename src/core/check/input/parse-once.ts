import { GrammarLimitReached, type LanguageParser, type SyntaxNode } from './tree-sitter.ts';

/**
 * A parser that parses each text once: per-branch checking (engine/check.ts) reads an input again
 * for each assumed branch, and parsing was most of such a pass (a 38 KB Bicep file with
 * conditionals parsed seven times). The trees are plain copies that readers never change, and a
 * parse is deterministic (its budgets are counted, not timed), so the first outcome stands for the
 * later ones: the same tree, or the same "limit reached" thrown again. Other errors are not kept.
 */
export function parseOnce(parser: LanguageParser): LanguageParser {
	interface Outcome {
		source: string | undefined;
		offset: number;
		root?: SyntaxNode | undefined;
		limit?: GrammarLimitReached;
	}
	const outcomes = new Map<string, Outcome[]>();
	return {
		parse(text, placement) {
			const source = placement?.source;
			const offset = placement?.offset ?? 0;
			let known = outcomes.get(text);
			const seen = known?.find((o) => o.offset === offset && o.source === source);
			if (seen) {
				if (seen.limit) throw seen.limit;
				return seen.root;
			}
			if (!known) outcomes.set(text, (known = []));
			try {
				const root = parser.parse(text, placement);
				known.push({ source, offset, root });
				return root;
			} catch (error) {
				if (error instanceof GrammarLimitReached) known.push({ source, offset, limit: error });
				throw error;
			}
		},
		parseOnly(text) {
			parser.parseOnly(text);
		},
	};
}

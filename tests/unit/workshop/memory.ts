import type { ProgressStorage } from '../../../src/components/widgets/workshop/progress.ts';

/** localStorage in memory, with its map to look into. */
export const memory = (): ProgressStorage & { map: Map<string, string> } => {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (k) => map.get(k) ?? null,
		setItem: (k, v) => void map.set(k, v),
		removeItem: (k) => void map.delete(k),
	};
};

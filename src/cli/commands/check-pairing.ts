import { basename } from 'node:path';
import { detectInputKind } from '../../core/check/index.ts';

/** A text to check, with the parameters file paired with it. */
export interface PairedInput {
	path: string;
	text: string;
	parameters?: { path: string; text: string };
}

/** Pairs parameters files given among the paths with their template (`x.parameters.json` ↔ `x.json`, or the only template). */
export function pairParameters<T extends PairedInput>(
	inputs: T[],
	explicit: { path: string; text: string } | undefined
): T[] {
	// One input without --parameters pairs with nothing: its kind is not needed, and telling it
	// would parse a large template once more before the check parses it.
	const pairing = explicit !== undefined || inputs.length > 1;
	const kinds = inputs.map((input) =>
		pairing && (/\.jsonc?$/i.test(input.path) || !/\.\w+$/.test(input.path))
			? detectInputKind(input.text, input.path)
			: undefined
	);
	const templates = inputs.filter((_, i) => kinds[i] === 'template');
	const result: T[] = [];
	inputs.forEach((input, i) => {
		if (kinds[i] === 'parameters' && templates.length > 0) {
			const stem = basename(input.path)
				.replace(/\.parameters\.jsonc?$/i, '')
				.replace(/\.jsonc?$/i, '');
			const match =
				templates.find((t) => basename(t.path).replace(/\.jsonc?$/i, '') === stem) ??
				(templates.length === 1 ? templates[0] : undefined);
			if (match && !explicit) {
				match.parameters = { path: input.path, text: input.text };
				return;
			}
		}
		result.push(input);
	});
	if (explicit) for (const t of templates) t.parameters = explicit;
	return pairBicepParameters(result, explicit);
}

/** Gives a .bicepparam file (among the paths, or --parameters) to its .bicep file (same stem, or the only one). */
function pairBicepParameters<T extends PairedInput>(
	inputs: T[],
	explicit: { path: string; text: string } | undefined
): T[] {
	const bicep = inputs.filter((input) => /\.bicep$/i.test(input.path));
	// A JSON --parameters goes to the .bicep files too, which say that they do not read it
	// (KV051), rather than being checked with their defaults in silence.
	if (explicit) for (const b of bicep) b.parameters = explicit;
	if (bicep.length === 0) return inputs;
	return inputs.filter((input) => {
		if (!/\.bicepparam$/i.test(input.path)) return true;
		const stem = basename(input.path).replace(/\.bicepparam$/i, '');
		const match =
			bicep.find((b) => basename(b.path).replace(/\.bicep$/i, '') === stem) ??
			(bicep.length === 1 ? bicep[0] : undefined);
		if (!match || explicit) return true;
		match.parameters = { path: input.path, text: input.text };
		return false;
	});
}

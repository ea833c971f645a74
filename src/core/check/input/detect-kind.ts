import { createSource } from '../source.ts';
import type { InputKind } from '../types.ts';
import { createProbe, readerFor } from './registry.ts';

/**
 * The kind of input a text is (`template`, `parameters`, `bicep`, `command`…), as `check` would
 * read it; undefined for text of no kind kvcert reads. The path helps (`.bicep`, `.tf`).
 */
export function detectInputKind(text: string, path?: string): InputKind | undefined {
	const probe = createProbe(createSource(path ?? '<input>', text), undefined);
	return readerFor(probe).kind;
}

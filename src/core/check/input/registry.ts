import { parseJsonDocument, type JsonDocument } from '../json.ts';
import type { SourceText } from '../source.ts';
import type { InputKind } from '../types.ts';
import { commandReader } from './command-reader.ts';
import { binaryReader, foreignReader } from './foreign-reader.ts';
import { bicepparamReader, bicepReader, terraformReader } from './iac-reader.ts';
import { jsonReaders } from './json-readers.ts';
import type { InputReader, Probe } from './reader.ts';

/**
 * Every input reader, in the order they are asked: bytes that are not text (whatever the name),
 * Bicep and Terraform (by file name or by what the text starts with), commands, text of another kind, then the JSON readers (the last claims
 * any text, so that its syntax is still reported).
 */
export const readers: readonly InputReader[] = [
	binaryReader,
	bicepReader,
	bicepparamReader,
	terraformReader,
	commandReader,
	foreignReader,
	...jsonReaders,
];

/** A probe of a text, parsing it as JSON at most once. */
export function createProbe(source: SourceText, kind: InputKind | undefined): Probe {
	let json: JsonDocument | undefined;
	return {
		text: source.raw,
		path: source.path,
		kind,
		json: () => (json ??= parseJsonDocument(source)),
	};
}

/** The reader that claims a text (the first in registry order). */
export function readerFor(probe: Probe): InputReader {
	return readers.find((reader) => reader.claims(probe)) ?? readers[readers.length - 1]!;
}

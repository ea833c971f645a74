import { foreignKindNames, isBinaryText, recogniseForeign } from './recognise.ts';
import type { InputReader } from './reader.ts';
import { unreadInputRule } from '../rules/kv051-unread-input.ts';

/** Text that is none of the kinds kvcert reads (an email, YAML…): said so, never "no problems". */
export const foreignReader: InputReader = {
	name: 'foreign',
	kind: undefined,
	fixPolicy: 'json',
	claims: (probe) => probe.kind === undefined && recogniseForeign(probe.text) !== undefined,
	read(source, env) {
		const foreign = recogniseForeign(source.raw)!;
		const start = Math.max(0, source.raw.search(/\S/));
		const lineEnd = source.raw.slice(start).search(/[\r\n]/);
		env.report(unreadInputRule, {
			messageId: 'notRecognised',
			severity: 'error',
			data: { recognised: foreignKindNames[foreign][env.lang] },
			at: { source, start, end: lineEnd <= 0 ? source.raw.length : start + lineEnd },
		});
		return { kind: undefined, document: undefined, jsonDocuments: [], unreadable: [], foreign };
	},
};

/**
 * Bytes that are not text (binary data, an encoding kvcert does not decode), whatever the file is
 * named: nothing in it can be read, so it is an error that `--fail-on error` stops (rv24c item 4:
 * 30 MB of random bytes named `.json` passed with one info), and no grammar is run over it.
 */
export const binaryReader: InputReader = {
	name: 'binary',
	kind: undefined,
	fixPolicy: 'json',
	claims: (probe) => isBinaryText(probe.text),
	read(source, env) {
		env.report(unreadInputRule, {
			messageId: 'notText',
			severity: 'error',
			at: { source, start: 0, end: Math.min(1, source.raw.length) },
		});
		return {
			kind: undefined,
			document: undefined,
			jsonDocuments: [],
			unreadable: [],
			foreign: 'text',
		};
	},
};

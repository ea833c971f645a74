import type { OffsetMap } from '../source.ts';

/** A shell word with its decoded text and where each character came from in the raw text. */
export interface Word {
	text: string;
	start: number;
	end: number;
	/** Maps an offset in `text` to a raw offset. */
	map: OffsetMap;
	quoted: boolean;
	/** Indices in `text` of each `$` the shell expands (not inside single quotes). */
	dollars?: number[];
	/** How many variable expansions this word's text went through (its `map` calls nest as deep). */
	depth?: number;
}

/** Which quoting rules apply. */
export type ShellDialect = 'bash' | 'powershell';

function mapFrom(offsets: number[], end: number): OffsetMap {
	return (i) => (i >= offsets.length ? end : (offsets[Math.max(0, i)] ?? end));
}

/**
 * Splits a script into statements of words, with offsets. Handles quotes ('…', "…" with the escapes
 * of the dialect), line continuations (`\` and PowerShell's backtick), `;`, comments and
 * parenthesised sub-expressions (kept as one word).
 */
export function tokenizeScript(text: string, dialectOf: (line: string) => ShellDialect): Word[][] {
	const statements: Word[][] = [];
	let words: Word[] = [];
	let pos = 0;
	let dialect: ShellDialect = dialectOf(text);
	const endStatement = () => {
		if (words.length > 0) statements.push(words);
		words = [];
	};
	while (pos < text.length) {
		const ch = text[pos]!;
		if (words.length === 0 && (ch === '\n' || ch === ' ' || ch === '\t' || ch === '\r')) {
			pos++;
			if (ch === '\n') dialect = dialectOf(text.slice(pos, text.indexOf('\n', pos) >>> 0));
			continue;
		}
		if ((ch === '\\' || ch === '`') && /^[ \t]*\r?\n/.test(text.slice(pos + 1, pos + 4))) {
			pos = text.indexOf('\n', pos) + 1;
			continue;
		}
		if (ch === '\n' || ch === ';') {
			endStatement();
			pos++;
			if (ch === '\n') dialect = dialectOf(text.slice(pos, text.indexOf('\n', pos) >>> 0));
			continue;
		}
		if (ch === ' ' || ch === '\t' || ch === '\r') {
			pos++;
			continue;
		}
		if (ch === '#') {
			while (pos < text.length && text[pos] !== '\n') pos++;
			continue;
		}
		const start = pos;
		let value = '';
		const offsets: number[] = [];
		let quoted = false;
		let depth = 0;
		const dollars: number[] = [];
		while (pos < text.length) {
			const c = text[pos]!;
			if (depth === 0 && (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';')) break;
			if (
				// A backtick ending a word (`X=\`az … tsv\``) closes a bash substitution; after a
				// space it continues the line (PowerShell, and az commands written for it).
				(c === '\\' || (c === '`' && (dialect === 'powershell' || value === ''))) &&
				depth === 0 &&
				/^[ \t]*\r?\n/.test(text.slice(pos + 1, pos + 4))
			)
				break;
			if (c === '(' && (value === '' || value.endsWith('$'))) depth++;
			if (c === ')' && depth > 0) depth--;
			if (c === "'" && depth === 0) {
				quoted = true;
				pos++;
				while (pos < text.length) {
					if (text[pos] === "'") {
						if (dialect === 'powershell' && text[pos + 1] === "'") {
							offsets.push(pos);
							value += "'";
							pos += 2;
							continue;
						}
						break;
					}
					offsets.push(pos);
					value += text[pos];
					pos++;
				}
				pos++;
				continue;
			}
			if (c === '"' && depth === 0) {
				quoted = true;
				pos++;
				while (pos < text.length) {
					const d = text[pos]!;
					if (d === '"') {
						if (dialect !== 'powershell' || text[pos + 1] !== '"') break;
						offsets.push(pos);
						value += '"';
						pos += 2;
						continue;
					}
					if (dialect === 'bash' && d === '\\' && /["\\$`\n]/.test(text[pos + 1] ?? '')) {
						if (text[pos + 1] !== '\n') {
							offsets.push(pos + 1);
							value += text[pos + 1];
						}
						pos += 2;
						continue;
					}
					if (dialect === 'powershell' && d === '`' && pos + 1 < text.length) {
						const e = text[pos + 1]!;
						offsets.push(pos + 1);
						value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
						pos += 2;
						continue;
					}
					if (d === '$') dollars.push(value.length);
					offsets.push(pos);
					value += d;
					pos++;
				}
				pos++;
				continue;
			}
			if (c === '$') dollars.push(value.length);
			offsets.push(pos);
			value += c;
			pos++;
		}
		const end = Math.min(pos, text.length);
		words.push({
			text: value,
			start,
			end,
			map: mapFrom(offsets, end),
			quoted,
			...(dollars.length > 0 ? { dollars } : {}),
		});
	}
	endStatement();
	return statements;
}

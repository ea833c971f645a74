/*
 * PowerShell values that carry extension settings: hashtables (`@{ … }`, nested, with arrays
 * `@( … )`), here-strings (`@' … '@`, `@" … "@`) with `.Replace(a, b)` chains, strings joined
 * with `+` (`'…' + $x + '…'`, over lines after a `+`, a backtick or inside parentheses), and
 * variables assigned earlier. Each becomes JSON text whose every character maps back to the script, so rules
 * report positions in the user's script. What cannot be known (an unassigned variable, `$(…)`, a
 * `.Replace` with an unknown argument) becomes an ARM expression `[parameters('…')]` read in a
 * standalone scope, that is an unknown value: never guessed.
 */

/** JSON text built from a script, and the raw offset of each of its characters. */
export interface MappedText {
	text: string;
	offsets: number[];
}

/** A PowerShell value read from the script. */
export interface PsValue {
	/** `hashtable` for `@{…}`, `string` for here-strings and quoted strings, `other` otherwise. */
	kind: 'hashtable' | 'string' | 'other';
	/** For hashtables: JSON; for strings: the string's text (JSON when it holds settings). */
	json: MappedText;
	/** Where the value is written. */
	start: number;
	end: number;
}

/** A piece of a string: literal characters with their raw offsets, or an unknown named part. */
type Segment = { text: string; offsets: number[] } | { hole: string; at: number };

/** Values of variables assigned earlier in the script, by lower-case name without `$`. */
export type PsVariables = Map<string, PsValue>;

/** Writes a JSON string literal: plain when fully known, else an ARM `concat` of its pieces. */
function stringLiteral(segments: Segment[], out: MappedText, at: number, raw = false): void {
	const push = (s: string, offset: number) => {
		for (const ch of s) {
			out.text += ch;
			out.offsets.push(offset);
		}
	};
	const escape = (ch: string) =>
		raw
			? ch
			: ch === '"'
				? '\\"'
				: ch === '\\'
					? '\\\\'
					: ch < ' '
						? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
						: ch;
	const holes = segments.filter((s) => 'hole' in s);
	// The closing quote maps just past the last character written, so that ranges end there.
	let last = at;
	for (const s of segments)
		last =
			'hole' in s ? s.at + 1 : s.offsets.length > 0 ? s.offsets[s.offsets.length - 1]! + 1 : last;
	if (holes.length === 0) {
		push('"', at);
		let first = true;
		for (const segment of segments) {
			if ('hole' in segment) continue;
			for (let i = 0; i < segment.text.length; i++) {
				const ch = segment.text[i]!;
				// A known string starting with `[` is literal text, not an ARM expression.
				if (first && ch === '[') push('[', segment.offsets[i] ?? at);
				first = false;
				push(escape(ch), segment.offsets[i] ?? at);
			}
		}
		push('"', last);
		return;
	}
	push('"[concat(', at);
	segments.forEach((segment, index) => {
		if (index > 0) push(', ', at);
		if ('hole' in segment) {
			push(`parameters('${segment.hole.replace(/'/g, "''").replace(/["\\]/g, '')}')`, segment.at);
			return;
		}
		push("'", segment.offsets[0] ?? at);
		for (let i = 0; i < segment.text.length; i++) {
			const ch = segment.text[i]!;
			push(ch === "'" ? "''" : escape(ch), segment.offsets[i] ?? at);
		}
		push("'", segment.offsets[segment.text.length - 1] ?? at);
	});
	if (segments.length === 1) push(", ''", last);
	push(')]"', last);
}

/** Reads PowerShell values with positions from one script. */
export class PsReader {
	private readonly raw: string;
	private pos = 0;
	readonly variables: PsVariables;

	/** Where the last read stopped. */
	get position(): number {
		return this.pos;
	}

	/**
	 * Whether a value of `size` characters, copied from a variable at `start`–`end`, is over the
	 * check's budget (input/value-budget.ts): then the variable is an unknown part there.
	 */
	private readonly overLimit: (size: number, start: number, end: number) => boolean;

	constructor(
		raw: string,
		variables: PsVariables,
		overLimit: (size: number, start: number, end: number) => boolean = () => false
	) {
		this.raw = raw;
		this.variables = variables;
		this.overLimit = overLimit;
	}

	private skip(newlines: boolean): void {
		const raw = this.raw;
		for (;;) {
			const c = raw[this.pos];
			if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r' || c === ';')))
				this.pos++;
			else if (c === '`' && (raw[this.pos + 1] === '\n' || raw[this.pos + 1] === '\r'))
				this.pos += 2;
			else if (c === '#' && newlines) {
				while (this.pos < raw.length && raw[this.pos] !== '\n') this.pos++;
			} else return;
		}
	}

	/** Reads the value at `start` (a hashtable, here-string, string…); undefined if it is none. */
	read(start: number): PsValue | undefined {
		this.pos = start;
		this.unclosed = false;
		const out: MappedText = { text: '', offsets: [] };
		const kind = this.value(out, 0);
		// A broken hashtable is not read (its settings are reported as not read).
		if (kind === undefined || this.unclosed) return undefined;
		return { kind, json: out, start, end: this.pos };
	}

	/** Writes one value, then a space mapped just past it, so that its range ends where it ends. */
	private value(out: MappedText, depth: number): PsValue['kind'] | undefined {
		const kind = this.valueOnly(out, depth);
		if (kind !== undefined) {
			out.text += ' ';
			out.offsets.push(this.pos);
		}
		return kind;
	}

	private valueOnly(out: MappedText, depth: number): PsValue['kind'] | undefined {
		if (depth > 64) return undefined;
		this.skip(false);
		const raw = this.raw;
		const at = this.pos;
		const c = raw[at];
		if (c === '@' && raw[at + 1] === '{') {
			this.pos += 2;
			this.hashtable(out, depth, at);
			return 'hashtable';
		}
		if (c === '@' && raw[at + 1] === '(') {
			this.pos += 2;
			this.array(out, depth, at, ')');
			return 'other';
		}
		if (
			c === '@' &&
			(raw[at + 1] === "'" || raw[at + 1] === '"') &&
			/^[ \t]*\r?\n/.test(raw.slice(at + 2, at + 4))
		) {
			const segments = this.hereString();
			if (!segments) return undefined;
			this.replaceChain(segments);
			this.concatenation(segments, false);
			stringLiteral(segments, out, at);
			return 'string';
		}
		if (c === "'" || c === '"') {
			const segments = c === "'" ? this.singleQuoted() : this.doubleQuoted();
			this.replaceChain(segments);
			this.concatenation(segments, false);
			stringLiteral(segments, out, at);
			return 'string';
		}
		if (c === '(') {
			// `('…' + $x +<newline> '…')`: a string joined inside parentheses, where lines may break.
			const segments = this.parenthesizedString();
			if (segments) {
				stringLiteral(segments, out, at);
				return 'string';
			}
			this.pos = at;
		}
		if (c === '$') {
			const match = /^\$(\{[^}]+\}|[A-Z_][\w:]*)/i.exec(raw.slice(at, at + 200));
			// `$cert.SecretId`, `$x.Split('/')[0]`: a member of a variable is read below as unknown
			// text (a string's `.Replace(…)` excepted), never as the variable's value.
			const member =
				match !== null &&
				raw[at + match[0].length] === '.' &&
				!/^\.replace\(/i.test(raw.slice(at + match[0].length, at + match[0].length + 20));
			if (match && !member) {
				this.pos += match[0].length;
				const name = match[1]!.replace(/^\{|\}$/g, '');
				const lower = name.toLowerCase();
				if (lower === 'true' || lower === 'false' || lower === 'null') {
					for (const ch of lower) {
						out.text += ch;
						out.offsets.push(at);
					}
					return 'other';
				}
				const known = this.variables.get(lower);
				if (
					known?.kind === 'string' &&
					/^\s*\.replace\(/i.test(raw.slice(this.pos, this.pos + 20))
				) {
					// `$s.Replace(…)`: the string read earlier, with the replacements applied.
					const segments = segmentsOf(known);
					this.replaceChain(segments);
					this.concatenation(segments, false);
					stringLiteral(segments, out, at);
					return 'string';
				}
				if (known?.kind === 'string' && this.joinFollows(false)) {
					// `$s + '…'`: the string read earlier, joined with what follows.
					const segments = this.copied(segmentsOf(known), at);
					this.concatenation(segments, false);
					stringLiteral(segments, out, at);
					return 'string';
				}
				if (known && !this.overLimit(out.text.length + known.json.text.length, at, this.pos)) {
					out.text += known.json.text;
					for (const offset of known.json.offsets) out.offsets.push(offset);
					return known.kind;
				}
				stringLiteral([{ hole: `$${name}`, at }], out, at);
				return 'other';
			}
		}
		const number = /^-?\d+(?:\.\d+)?(?![\w.])/.exec(raw.slice(at, at + 40));
		if (number) {
			this.pos += number[0].length;
			for (let i = 0; i < number[0].length; i++) {
				out.text += number[0][i];
				out.offsets.push(at + i);
			}
			return 'other';
		}
		// Anything else (a call, a cast, a sub-expression): unknown up to the end of the value.
		const end = this.expressionEnd(at, false);
		if (end === at) return undefined;
		this.pos = end;
		stringLiteral([{ hole: raw.slice(at, end).trim().slice(0, 60), at }], out, at);
		return 'other';
	}

	/** Whether a hashtable or array ran to the end of the script without its closing bracket. */
	private unclosed = false;

	private hashtable(out: MappedText, depth: number, at: number): void {
		const raw = this.raw;
		out.text += '{';
		out.offsets.push(at);
		let first = true;
		for (;;) {
			this.skip(true);
			const c = raw[this.pos];
			if (c === undefined) {
				this.unclosed = true;
				break;
			}
			if (c === '}') {
				this.pos++;
				break;
			}
			const keyAt = this.pos;
			let key: Segment[];
			if (c === "'" || c === '"') key = c === "'" ? this.singleQuoted() : this.doubleQuoted();
			else {
				const match = /^[^\s=;}]+/.exec(raw.slice(this.pos, this.pos + 200));
				if (!match) {
					this.pos++;
					continue;
				}
				this.pos += match[0].length;
				key = [{ text: match[0], offsets: [...match[0]].map((_, i) => keyAt + i) }];
			}
			this.skip(false);
			if (raw[this.pos] !== '=') {
				// Not `key = value`: the hashtable is broken (or was never closed).
				this.unclosed = true;
				break;
			}
			this.pos++;
			if (!first) {
				out.text += ',';
				out.offsets.push(keyAt);
			}
			first = false;
			stringLiteral(
				key.filter((s) => !('hole' in s)),
				out,
				keyAt
			);
			out.text += ':';
			out.offsets.push(keyAt);
			const before = out.text.length;
			this.value(out, depth + 1);
			// A value followed by `,` is an array in PowerShell (`a = 'x', 'y'`).
			this.skip(false);
			if (raw[this.pos] === ',') {
				const item = { text: out.text.slice(before), offsets: out.offsets.slice(before) };
				out.text = out.text.slice(0, before);
				out.offsets.length = before;
				out.text += '[' + item.text;
				out.offsets.push(keyAt, ...item.offsets);
				while (raw[this.pos] === ',') {
					this.pos++;
					out.text += ',';
					out.offsets.push(this.pos - 1);
					this.skip(true);
					this.value(out, depth + 1);
					this.skip(false);
				}
				out.text += ']';
				out.offsets.push(this.pos);
			}
		}
		out.text += '}';
		out.offsets.push(Math.max(at, this.pos - 1));
	}

	private array(out: MappedText, depth: number, at: number, close: string): void {
		const raw = this.raw;
		out.text += '[';
		out.offsets.push(at);
		let first = true;
		for (;;) {
			this.skip(true);
			while (raw[this.pos] === ',') {
				this.pos++;
				this.skip(true);
			}
			const c = raw[this.pos];
			if (c === undefined) break;
			if (c === close) {
				this.pos++;
				break;
			}
			if (!first) {
				out.text += ',';
				out.offsets.push(this.pos);
			}
			first = false;
			const before = this.pos;
			this.value(out, depth + 1);
			if (this.pos === before) this.pos++;
		}
		out.text += ']';
		out.offsets.push(Math.max(at, this.pos - 1));
	}

	/** Whether a `+` (not `++` or `+=`) comes next, over a line break only when `newlines`. */
	private joinFollows(newlines: boolean): boolean {
		const save = this.pos;
		this.skip(newlines);
		const raw = this.raw;
		const join = raw[this.pos] === '+' && raw[this.pos + 1] !== '+' && raw[this.pos + 1] !== '=';
		this.pos = save;
		return join;
	}

	/**
	 * `+ operand + operand…` after a string: PowerShell joins them into one string, the operands
	 * made text. A line may break after a `+`, after a backtick, or anywhere inside parentheses
	 * (`newlines`). Operands that are not known strings are unknown parts of the string.
	 */
	private concatenation(segments: Segment[], newlines: boolean): void {
		while (this.joinFollows(newlines)) {
			const save = this.pos;
			this.skip(newlines);
			this.pos++;
			this.skip(true);
			const operand = this.operand();
			if (!operand) {
				this.pos = save;
				return;
			}
			segments.push(...operand);
		}
	}

	/** One operand of a `+` join: its text, or an unknown part (a variable, a call, `<placeholder>`). */
	private operand(): Segment[] | undefined {
		const raw = this.raw;
		const at = this.pos;
		const c = raw[at];
		if (c === undefined) return undefined;
		if (c === "'" || c === '"') {
			const segments = c === "'" ? this.singleQuoted() : this.doubleQuoted();
			this.replaceChain(segments);
			return segments;
		}
		if (
			c === '@' &&
			(raw[at + 1] === "'" || raw[at + 1] === '"') &&
			/^[ \t]*\r?\n/.test(raw.slice(at + 2, at + 4))
		) {
			const segments = this.hereString();
			if (segments) this.replaceChain(segments);
			return segments;
		}
		const variable = /^\$(\{[^}]+\}|[A-Z_]\w*)(?![\w.:[])/i.exec(raw.slice(at, at + 200));
		if (variable) {
			this.pos += variable[0].length;
			const known = this.variables.get(variable[1]!.replace(/^\{|\}$/g, '').toLowerCase());
			if (known?.kind === 'string') {
				const segments = this.copied(segmentsOf(known), at);
				this.replaceChain(segments);
				return segments;
			}
			return [{ hole: variable[0], at }];
		}
		// A documentation placeholder written where a value goes (`'…' + <pollingInterval> + '…'`).
		const placeholder = /^<[^<>\r\n]{1,200}>/.exec(raw.slice(at, at + 210));
		if (placeholder) {
			this.pos += placeholder[0].length;
			return [{ hole: placeholder[0], at }];
		}
		const number = /^\d+(?:\.\d+)?(?![\w.])/.exec(raw.slice(at, at + 40));
		if (number) {
			this.pos += number[0].length;
			return [{ text: number[0], offsets: [...number[0]].map((_, i) => at + i) }];
		}
		// Anything else (`$cert.SecretId`, `$(…)`, a call in parentheses…): unknown, up to the next
		// `+` or the end of the expression.
		const end = this.expressionEnd(at, true);
		if (end === at) return undefined;
		this.pos = end;
		return [{ hole: raw.slice(at, end).trim().slice(0, 60), at }];
	}

	/**
	 * Where an expression kvcert does not read ends: at a line break, `;` or `,` outside brackets
	 * and quotes, at a closing bracket it did not open, or (`atJoin`) at a `+`.
	 */
	private expressionEnd(at: number, atJoin: boolean): number {
		const raw = this.raw;
		let end = at;
		let nesting = 0;
		while (end < raw.length) {
			const d = raw[end]!;
			if (d === '(' || d === '{' || d === '[') nesting++;
			else if (d === ')' || d === '}' || d === ']') {
				if (nesting === 0) break;
				nesting--;
			} else if (nesting === 0 && (/[\n\r;,]/.test(d) || (atJoin && d === '+'))) break;
			else if (d === "'" || d === '"') {
				const close = raw.indexOf(d, end + 1);
				if (close === -1) break;
				end = close;
			}
			end++;
		}
		return end;
	}

	/** A known string copied into another, or an unknown part when that goes over the budget. */
	private copied(segments: Segment[], at: number): Segment[] {
		const size = segments.reduce((sum, s) => sum + ('hole' in s ? 0 : s.text.length), 0);
		return this.overLimit(size, at, this.pos)
			? [{ hole: this.raw.slice(at, this.pos).slice(0, 60), at }]
			: segments;
	}

	/** `( string + … )`, lines breaking anywhere inside; undefined when it is not a string join. */
	private parenthesizedString(): Segment[] | undefined {
		const raw = this.raw;
		this.pos++;
		this.skip(true);
		const c = raw[this.pos];
		const hereString = c === '@' && (raw[this.pos + 1] === "'" || raw[this.pos + 1] === '"');
		if (c !== "'" && c !== '"' && !hereString) return undefined;
		const segments = this.operand();
		if (!segments) return undefined;
		this.concatenation(segments, true);
		this.skip(true);
		if (raw[this.pos] !== ')') return undefined;
		this.pos++;
		this.replaceChain(segments);
		return segments;
	}

	private singleQuoted(): Segment[] {
		const raw = this.raw;
		const text: string[] = [];
		const offsets: number[] = [];
		this.pos++;
		while (this.pos < raw.length) {
			const c = raw[this.pos]!;
			if (c === "'") {
				if (raw[this.pos + 1] !== "'") break;
				this.pos++;
			}
			text.push(c);
			offsets.push(this.pos);
			this.pos++;
		}
		this.pos++;
		return [{ text: text.join(''), offsets }];
	}

	/** An expandable string: `$name`, `${name}` and `$(…)` are variables or unknown parts. */
	private doubleQuoted(): Segment[] {
		const raw = this.raw;
		this.pos++;
		const end = (p: number) => raw[p] === '"' && raw[p + 1] !== '"';
		const segments = this.expand(
			(p) => p >= raw.length || end(p),
			(p) => (raw[p] === '"' ? 2 : 1)
		);
		this.pos++;
		return segments;
	}

	/** Reads expandable text up to `stop`, substituting variables known in the script. */
	private expand(stop: (p: number) => boolean, width: (p: number) => number): Segment[] {
		const raw = this.raw;
		const segments: Segment[] = [];
		let literal: { text: string; offsets: number[] } = { text: '', offsets: [] };
		/** Characters copied from variables so far (the budget counts the whole string). */
		let copied = 0;
		const flush = () => {
			if (literal.text.length > 0) segments.push(literal);
			literal = { text: '', offsets: [] };
		};
		while (!stop(this.pos)) {
			const c = raw[this.pos]!;
			if (c === '`' && this.pos + 1 < raw.length) {
				const e = raw[this.pos + 1]!;
				literal.text += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
				literal.offsets.push(this.pos + 1);
				this.pos += 2;
				continue;
			}
			if (c === '$' && raw[this.pos + 1] === '(') {
				flush();
				const at = this.pos;
				let nesting = 0;
				do {
					if (raw[this.pos] === '(') nesting++;
					else if (raw[this.pos] === ')') nesting--;
					this.pos++;
				} while (this.pos < raw.length && nesting > 0);
				segments.push({ hole: raw.slice(at, this.pos).slice(0, 60), at });
				continue;
			}
			const name =
				c === '$' ? /^\$(\{[^}]+\}|[A-Z_]\w*)/i.exec(raw.slice(this.pos, this.pos + 200)) : null;
			if (name) {
				const at = this.pos;
				this.pos += name[0].length;
				const bare = name[1]!.replace(/^\{|\}$/g, '');
				const known = this.variables.get(bare.toLowerCase());
				const text = known?.kind === 'string' ? stringValue(known) : undefined;
				if (text && !this.overLimit((copied += text.text.length), at, this.pos)) {
					literal.text += text.text;
					for (const offset of text.offsets) literal.offsets.push(offset);
				} else {
					flush();
					segments.push({ hole: `$${bare}`, at });
				}
				continue;
			}
			literal.text += c;
			literal.offsets.push(this.pos);
			this.pos += width(this.pos);
		}
		flush();
		return segments;
	}

	/** `@'…'@` (literal) or `@"…"@` (expandable): the lines between the opening and closing lines. */
	private hereString(): Segment[] | undefined {
		const raw = this.raw;
		const quote = raw[this.pos + 1]!;
		const open = raw.indexOf('\n', this.pos);
		const closing = new RegExp(`\\r?\\n${quote}@`, 'g');
		closing.lastIndex = open;
		const match = closing.exec(raw);
		if (open === -1 || !match) return undefined;
		const bodyStart = open + 1;
		const bodyEnd = match.index;
		let segments: Segment[];
		if (quote === "'") {
			const text = raw.slice(bodyStart, bodyEnd);
			segments = [{ text, offsets: [...text].map((_, i) => bodyStart + i) }];
			this.pos = bodyEnd;
		} else {
			this.pos = bodyStart;
			segments = this.expand(
				(p) => p >= bodyEnd,
				() => 1
			);
		}
		this.pos = match.index + match[0].length;
		return segments;
	}

	/** Applies `.Replace('a', 'b')` calls: a known argument replaces text, an unknown one leaves a hole. */
	private replaceChain(segments: Segment[]): void {
		const raw = this.raw;
		for (;;) {
			const call = /^\s*\.replace\(\s*/i.exec(raw.slice(this.pos, this.pos + 40));
			if (!call) return;
			this.pos += call[0].length;
			const from = this.argument();
			this.skip(false);
			if (raw[this.pos] === ',') this.pos++;
			this.skip(false);
			const toAt = this.pos;
			const to = this.argument();
			this.skip(false);
			if (raw[this.pos] === ')') this.pos++;
			const pattern = from && from.every((s) => !('hole' in s)) ? joinText(from) : undefined;
			if (pattern === undefined || pattern === '') continue;
			const replacement: Segment[] = to ?? [
				{ hole: raw.slice(toAt, this.pos - 1).trim(), at: toAt },
			];
			replaceIn(segments, pattern, replacement);
		}
	}

	private argument(): Segment[] | undefined {
		const raw = this.raw;
		this.skip(false);
		const c = raw[this.pos];
		if (c === "'") return this.singleQuoted();
		if (c === '"') return this.doubleQuoted();
		const name = /^\$([A-Z_]\w*)/i.exec(raw.slice(this.pos, this.pos + 200));
		if (name) {
			const at = this.pos;
			this.pos += name[0].length;
			const known = this.variables.get(name[1]!.toLowerCase());
			const text = known?.kind === 'string' ? stringValue(known) : undefined;
			return text ? [text] : [{ hole: name[0], at }];
		}
		// Something else: skip to the end of the argument; unknown.
		const at = this.pos;
		while (this.pos < raw.length && raw[this.pos] !== ',' && raw[this.pos] !== ')') this.pos++;
		return [{ hole: raw.slice(at, this.pos).trim().slice(0, 60), at }];
	}
}

/** The pieces of a string value read earlier. */
function segmentsOf(value: PsValue): Segment[] {
	if (value.json.text.startsWith('"[concat(')) return concatSegments(value.json);
	const plain = stringValue(value);
	return plain ? [plain] : [];
}

function joinText(segments: Segment[]): string {
	return segments.map((s) => ('hole' in s ? '' : s.text)).join('');
}

/** The text of a string value read earlier, when it has no unknown parts. */
function stringValue(value: PsValue): { text: string; offsets: number[] } | undefined {
	const json = value.json.text.trimEnd();
	if (!json.startsWith('"') || json.startsWith('"[concat(')) return undefined;
	// The JSON literal written by stringLiteral: unescape it, keeping offsets.
	const text: string[] = [];
	const offsets: number[] = [];
	const start = json.startsWith('"[[') ? 2 : 1;
	for (let i = start; i < json.length - 1; i++) {
		let ch = json[i]!;
		if (ch === '\\') {
			const next = json[i + 1]!;
			if (next === 'u') {
				ch = String.fromCharCode(parseInt(json.slice(i + 2, i + 6), 16));
				i += 5;
			} else {
				ch = next;
				i++;
			}
		}
		text.push(ch);
		offsets.push(value.json.offsets[i] ?? value.start);
	}
	return { text: text.join(''), offsets };
}

/** Replaces every occurrence of `pattern` in the literal segments (occurrences within one segment). */
function replaceIn(segments: Segment[], pattern: string, replacement: Segment[]): void {
	for (let i = 0; i < segments.length; i++) {
		const segment = segments[i]!;
		if ('hole' in segment) continue;
		const index = segment.text.indexOf(pattern);
		if (index === -1) continue;
		const before = { text: segment.text.slice(0, index), offsets: segment.offsets.slice(0, index) };
		const after = {
			text: segment.text.slice(index + pattern.length),
			offsets: segment.offsets.slice(index + pattern.length),
		};
		const at = segment.offsets[index] ?? 0;
		const inserted = replacement.map((r) =>
			'hole' in r ? { hole: r.hole, at } : { text: r.text, offsets: r.offsets }
		);
		segments.splice(i, 1, before, ...inserted, after);
		i += inserted.length;
	}
	for (let i = segments.length - 1; i >= 0; i--) {
		const s = segments[i]!;
		if (!('hole' in s) && s.text === '') segments.splice(i, 1);
	}
}

/** JSON text made from a string, and its unknown parts that may stand for JSON's structure. */
export interface StringJson extends MappedText {
	/**
	 * Unknown parts outside any JSON string (a value, or brackets and commas: which is not known)
	 * or in a property name, where they are written in the script: what they hide is not known.
	 */
	looseParts: Array<{ part: string; at: number }>;
}

/**
 * Turns the text of a string that holds JSON (a here-string, `-SettingString '…'`, `'…' + $x`)
 * into JSON text whose unknown parts are ARM expressions inside the JSON strings they fall in. An
 * unknown part outside a string or in a property name is listed in `looseParts`.
 */
export function jsonFromString(value: PsValue): StringJson {
	const json = value.json.text;
	if (!json.startsWith('"[concat(')) {
		const plain = stringValue(value);
		return { ...(plain ?? { text: '', offsets: [] }), looseParts: [] };
	}
	// Rebuild the segments from the concat written by stringLiteral, then place holes in strings.
	const segments = concatSegments(value.json);
	const flat: Array<{ ch: string; at: number } | { hole: string; at: number }> = [];
	for (const s of segments)
		if ('hole' in s) flat.push(s);
		else for (let i = 0; i < s.text.length; i++) flat.push({ ch: s.text[i]!, at: s.offsets[i]! });
	const out: StringJson = { text: '', offsets: [], looseParts: [] };
	/** Whether a colon comes next after `from`: the string before it is a property name. */
	const beforeColon = (from: number) => {
		for (let k = from; k < flat.length; k++) {
			const next = flat[k]!;
			if ('hole' in next) return false;
			if (!/\s/.test(next.ch)) return next.ch === ':';
		}
		return false;
	};
	let i = 0;
	while (i < flat.length) {
		const item = flat[i]!;
		if ('hole' in item) {
			out.looseParts.push({ part: item.hole, at: item.at });
			stringLiteral([item], out, item.at);
			i++;
			continue;
		}
		if (item.ch !== '"') {
			out.text += item.ch;
			out.offsets.push(item.at);
			i++;
			continue;
		}
		// A JSON string: collect its pieces up to the closing quote.
		const pieces: Segment[] = [];
		let literal = { text: '', offsets: [] as number[] };
		let j = i + 1;
		for (; j < flat.length; j++) {
			const piece = flat[j]!;
			if ('hole' in piece) {
				if (literal.text) pieces.push(literal);
				literal = { text: '', offsets: [] };
				pieces.push(piece);
				continue;
			}
			if (piece.ch === '\\' && j + 1 < flat.length) {
				const next = flat[j + 1]!;
				literal.text += piece.ch + ('hole' in next ? '' : next.ch);
				literal.offsets.push(piece.at, 'hole' in next ? piece.at : next.at);
				j++;
				continue;
			}
			if (piece.ch === '"') break;
			literal.text += piece.ch;
			literal.offsets.push(piece.at);
		}
		if (literal.text) pieces.push(literal);
		const hole = pieces.find((p): p is Extract<Segment, { hole: string }> => 'hole' in p);
		if (hole && beforeColon(j + 1)) out.looseParts.push({ part: hole.hole, at: hole.at });
		stringLiteral(pieces, out, item.at, true);
		i = j + 1;
	}
	return out;
}

/** The segments of a concat literal written by stringLiteral (texts and holes). */
function concatSegments(json: MappedText): Segment[] {
	const segments: Segment[] = [];
	const text = json.text;
	let i = '"[concat('.length;
	while (i < text.length) {
		if (text.startsWith("parameters('", i)) {
			const at = json.offsets[i]!;
			let j = i + "parameters('".length;
			let name = '';
			while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) {
				name += text[j];
				j += text[j] === "'" ? 2 : 1;
			}
			segments.push({ hole: name, at });
			i = j + 2;
		} else if (text[i] === "'") {
			let j = i + 1;
			const literal = { text: '', offsets: [] as number[] };
			while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) {
				let ch = text[j]!;
				let at = json.offsets[j]!;
				if (ch === "'") j++;
				else if (ch === '\\') {
					j++;
					ch =
						text[j] === 'u'
							? String.fromCharCode(parseInt(text.slice(j + 1, j + 5), 16))
							: text[j]!;
					at = json.offsets[j]!;
					if (text[j] === 'u') j += 4;
				}
				literal.text += ch;
				literal.offsets.push(at);
				j++;
			}
			if (literal.text) segments.push(literal);
			i = j + 1;
		} else i++;
	}
	return segments;
}

/**
 * Finds PowerShell values that span lines or hold settings (hashtables and here-strings, with
 * their `.Replace` chains) in a script. Returns them with the script text where each is replaced
 * by a placeholder word of the same length, so that the line-based tokenizer reads the rest.
 */
export function readPsValues(
	raw: string,
	variables: PsVariables,
	overLimit?: (size: number, start: number, end: number) => boolean
): { masked: string; values: Map<number, PsValue> } {
	const values = new Map<number, PsValue>();
	const reader = new PsReader(raw, variables, overLimit);
	const chars = raw.split('');
	// In document order: assignments (`$name = value`, read so that later uses see them) and
	// hashtables or here-strings anywhere (command arguments).
	const pattern = /^[ \t]*\$([A-Z_]\w*)[ \t]*=[ \t]*(?=['"$@]|\(\s*@?['"])|@\{|@['"][ \t]*\r?\n/gim;
	let match: RegExpExecArray | null;
	while ((match = pattern.exec(raw))) {
		const start = match.index + match[0].length;
		const lineStart = raw.lastIndexOf('\n', match.index) + 1;
		if (/#/.test(raw.slice(lineStart, match.index).replace(/'[^']*'|"[^"]*"/g, ''))) continue;
		const at = match[1] ? start : match.index;
		const value = reader.read(at);
		if (!value || value.end <= at) {
			if (match[1]) variables.delete(match[1].toLowerCase());
			// What a failed read went over is not read again from each inner `@{` (linear time).
			pattern.lastIndex = Math.max(pattern.lastIndex, reader.position);
			continue;
		}
		pattern.lastIndex = Math.max(pattern.lastIndex, value.end);
		// `$s = $x + '…'` (or -f, -replace…): built by operators the reader does not follow, not
		// read; an earlier value of the variable no longer holds. (Joins that start with a string
		// were read whole above.)
		if (
			match[1] &&
			/^[ \t]*(?:\+|-f\b|-replace\b|-join\b|-split\b)/i.test(raw.slice(value.end, value.end + 20))
		) {
			variables.delete(match[1].toLowerCase());
			continue;
		}
		if (match[1] && value.kind !== 'other') variables.set(match[1].toLowerCase(), value);
		// Values over several lines, hashtables and here-strings become one placeholder word.
		const spread = raw[at] === '@' || /[\r\n]/.test(raw.slice(at, value.end));
		if (!spread) continue;
		const placeholder = `$_p${values.size}`;
		if (value.end - at < placeholder.length) continue;
		values.set(values.size, value);
		for (let i = at; i < value.end; i++)
			chars[i] = i - at < placeholder.length ? placeholder[i - at]! : raw[i] === '\n' ? ' ' : ' ';
	}
	return { masked: chars.join(''), values };
}

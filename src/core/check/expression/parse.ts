import type { Call, Expr, ExpressionSyntaxError, StringLiteral } from './ast.ts';

/** The result of parsing: the expression, or the first syntax error. */
export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: ExpressionSyntaxError };

/** Whether a JSON string is an ARM expression: `[...]` but not the `[[` escape. */
export function isExpression(text: string): boolean {
	return text.length >= 2 && text[0] === '[' && text[1] !== '[' && text[text.length - 1] === ']';
}

/** Whether a JSON string uses the `[[` escape for literal text that starts with `[`. */
export function isEscapedBracket(text: string): boolean {
	return text.startsWith('[[') && text.endsWith(']');
}

class Failure {
	constructor(
		readonly message: string,
		readonly offset: number
	) {}
}

const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Recursive-descent parser over the text between the outer brackets. */
class ExpressionParser {
	pos = 1;
	readonly end: number;

	constructor(readonly text: string) {
		this.end = text.length - 1;
	}

	skipSpace(): void {
		while (this.pos < this.end && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
	}

	at(ch: string): boolean {
		return this.pos < this.end && this.text[this.pos] === ch;
	}

	expect(ch: string, what: string): void {
		this.skipSpace();
		if (!this.at(ch)) throw new Failure(what, this.pos);
		this.pos++;
	}

	identifier(): string {
		const start = this.pos;
		if (this.pos >= this.end || !isIdentStart(this.text.charCodeAt(this.pos)))
			throw new Failure('expected a function or property name', this.pos);
		while (this.pos < this.end) {
			const c = this.text.charCodeAt(this.pos);
			if (!isIdentStart(c) && !isDigit(c)) break;
			this.pos++;
		}
		return this.text.slice(start, this.pos);
	}

	stringLiteral(): StringLiteral {
		const start = this.pos++;
		let value = '';
		let chunk = this.pos;
		for (;;) {
			if (this.pos >= this.end) throw new Failure('unterminated string literal', start);
			if (this.text.charCodeAt(this.pos) === 39) {
				value += this.text.slice(chunk, this.pos);
				if (this.pos + 1 < this.end && this.text.charCodeAt(this.pos + 1) === 39) {
					value += "'";
					this.pos += 2;
					chunk = this.pos;
					continue;
				}
				this.pos++;
				return { kind: 'string', value, start, end: this.pos };
			}
			this.pos++;
		}
	}

	primary(): Expr {
		this.skipSpace();
		const start = this.pos;
		if (this.pos >= this.end) throw new Failure('expected an expression', this.pos);
		const c = this.text.charCodeAt(this.pos);
		if (c === 39) return this.stringLiteral();
		if (isDigit(c) || (c === 45 && isDigit(this.text.charCodeAt(this.pos + 1)))) {
			this.pos++;
			while (this.pos < this.end && isDigit(this.text.charCodeAt(this.pos))) this.pos++;
			return {
				kind: 'number',
				value: Number(this.text.slice(start, this.pos)),
				start,
				end: this.pos,
			};
		}
		let name = this.identifier();
		let namespace: string | undefined;
		this.skipSpace();
		if (this.at('.')) {
			this.pos++;
			this.skipSpace();
			namespace = name;
			name = this.identifier();
			this.skipSpace();
		}
		if (!this.at('('))
			throw new Failure(
				`expected '(' after '${namespace ? `${namespace}.` : ''}${name}'`,
				this.pos
			);
		this.pos++;
		const args: Expr[] = [];
		this.skipSpace();
		if (this.at(')')) this.pos++;
		else
			for (;;) {
				args.push(this.postfix());
				this.skipSpace();
				if (this.at(',')) {
					this.pos++;
					continue;
				}
				this.expect(')', `expected ',' or ')' in the arguments of '${name}'`);
				break;
			}
		const call: Call = { kind: 'call', name, args, start, end: this.pos };
		if (namespace !== undefined) call.namespace = namespace;
		return call;
	}

	postfix(): Expr {
		let expr = this.primary();
		for (;;) {
			this.skipSpace();
			if (this.at('.')) {
				this.pos++;
				this.skipSpace();
				const name = this.identifier();
				expr = { kind: 'property', object: expr, name, start: expr.start, end: this.pos };
			} else if (this.at('[')) {
				this.pos++;
				const index = this.postfix();
				this.expect(']', "expected ']'");
				expr = { kind: 'index', object: expr, index, start: expr.start, end: this.pos };
			} else return expr;
		}
	}
}

/**
 * Parses the expression inside `[` … `]` of a JSON string (the whole decoded string is given, so
 * offsets in the result are offsets in that string).
 */
export function parseExpression(text: string): ParseResult {
	const parser = new ExpressionParser(text);
	try {
		if (text.length > 24_576)
			throw new Failure('the expression is longer than 24,576 characters', 0);
		const expr = parser.postfix();
		parser.skipSpace();
		if (parser.pos < parser.end) throw new Failure(`unexpected '${text[parser.pos]}'`, parser.pos);
		return { ok: true, expr };
	} catch (error) {
		if (error instanceof Failure)
			return { ok: false, error: { message: error.message, offset: error.offset } };
		if (error instanceof RangeError)
			return { ok: false, error: { message: 'the expression is nested too deeply', offset: 0 } };
		throw error;
	}
}

/** The offset in the expression text of character `index` of a string literal's value. */
export function literalOffset(text: string, literal: StringLiteral, index: number): number {
	let pos = literal.start + 1;
	for (let i = 0; i < index && pos < literal.end - 1; i++) pos += text[pos] === "'" ? 2 : 1;
	return pos;
}

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
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c);

/**
 * Parses the expression inside `[` … `]` of a JSON string (the whole decoded string is given, so
 * offsets in the result are offsets in that string).
 */
export function parseExpression(text: string): ParseResult {
	let pos = 1;
	const end = text.length - 1;

	const skipSpace = () => {
		while (pos < end && /\s/.test(text[pos] ?? '')) pos++;
	};
	const expect = (ch: string, what: string) => {
		skipSpace();
		if (text[pos] !== ch || pos >= end) throw new Failure(what, pos);
		pos++;
	};
	const identifier = (): string => {
		const start = pos;
		if (!isIdentStart(text.charCodeAt(pos)) || pos >= end)
			throw new Failure('expected a function or property name', pos);
		while (pos < end && isIdentPart(text.charCodeAt(pos))) pos++;
		return text.slice(start, pos);
	};
	const stringLiteral = (): StringLiteral => {
		const start = pos;
		pos++;
		let value = '';
		for (;;) {
			if (pos >= end) throw new Failure('unterminated string literal', start);
			const ch = text[pos];
			if (ch === "'") {
				if (text[pos + 1] === "'" && pos + 1 < end) {
					value += "'";
					pos += 2;
					continue;
				}
				pos++;
				return { kind: 'string', value, start, end: pos };
			}
			value += ch;
			pos++;
		}
	};
	const primary = (): Expr => {
		skipSpace();
		const start = pos;
		const c = text.charCodeAt(pos);
		if (pos >= end) throw new Failure('expected an expression', pos);
		if (text[pos] === "'") return stringLiteral();
		if (isDigit(c) || (text[pos] === '-' && isDigit(text.charCodeAt(pos + 1)))) {
			pos++;
			while (pos < end && isDigit(text.charCodeAt(pos))) pos++;
			return { kind: 'number', value: Number(text.slice(start, pos)), start, end: pos };
		}
		let name = identifier();
		let namespace: string | undefined;
		skipSpace();
		if (text[pos] === '.' && pos < end) {
			pos++;
			skipSpace();
			namespace = name;
			name = identifier();
			skipSpace();
		}
		if (text[pos] !== '(' || pos >= end)
			throw new Failure(`expected '(' after '${namespace ? `${namespace}.` : ''}${name}'`, pos);
		pos++;
		const args: Expr[] = [];
		skipSpace();
		if (text[pos] === ')' && pos < end) pos++;
		else {
			for (;;) {
				args.push(postfix());
				skipSpace();
				if (text[pos] === ',' && pos < end) {
					pos++;
					continue;
				}
				expect(')', `expected ',' or ')' in the arguments of '${name}'`);
				break;
			}
		}
		const call: Call = { kind: 'call', name, args, start, end: pos };
		if (namespace !== undefined) call.namespace = namespace;
		return call;
	};
	const postfix = (): Expr => {
		let expr = primary();
		for (;;) {
			skipSpace();
			if (pos >= end) return expr;
			if (text[pos] === '.') {
				pos++;
				skipSpace();
				const name = identifier();
				expr = { kind: 'property', object: expr, name, start: expr.start, end: pos };
			} else if (text[pos] === '[') {
				pos++;
				const index = postfix();
				expect(']', "expected ']'");
				expr = { kind: 'index', object: expr, index, start: expr.start, end: pos };
			} else return expr;
		}
	};

	try {
		if (text.length > 24_576)
			throw new Failure('the expression is longer than 24,576 characters', 0);
		const expr = postfix();
		skipSpace();
		if (pos < end) throw new Failure(`unexpected '${text[pos]}'`, pos);
		return { ok: true, expr };
	} catch (error) {
		if (error instanceof Failure)
			return { ok: false, error: { message: error.message, offset: error.offset } };
		throw error;
	}
}

/** The offset in the expression text of character `index` of a string literal's value. */
export function literalOffset(text: string, literal: StringLiteral, index: number): number {
	let pos = literal.start + 1;
	for (let i = 0; i < index && pos < literal.end - 1; i++) pos += text[pos] === "'" ? 2 : 1;
	return pos;
}

/** Nodes of an ARM template expression. Offsets are positions in the expression text (the decoded JSON string). */
export type Expr = StringLiteral | NumberLiteral | Call | PropertyAccess | IndexAccess;

/** `'text'`, with `''` standing for one quote. `start`/`end` include the quotes. */
export interface StringLiteral {
	kind: 'string';
	value: string;
	start: number;
	end: number;
}

/** An integer literal. */
export interface NumberLiteral {
	kind: 'number';
	value: number;
	start: number;
	end: number;
}

/** `name(args)` or `namespace.name(args)` (a user-defined function). */
export interface Call {
	kind: 'call';
	name: string;
	namespace?: string;
	args: Expr[];
	start: number;
	end: number;
}

/** `object.name`. */
export interface PropertyAccess {
	kind: 'property';
	object: Expr;
	name: string;
	start: number;
	end: number;
}

/** `object[index]`. */
export interface IndexAccess {
	kind: 'index';
	object: Expr;
	index: Expr;
	start: number;
	end: number;
}

/** A syntax error in an expression, with the offset where it was found. */
export interface ExpressionSyntaxError {
	message: string;
	offset: number;
}

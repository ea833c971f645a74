/** An expression of the target language, written as it is (a Bicep symbol, an HCL reference…). */
export class Expression {
	constructor(readonly text: string) {}
}

/** A plain data tree, with expressions where a format computes a value. */
export type Value =
	string | number | boolean | Expression | Value[] | { [key: string]: Value | undefined };

/** An expression written as it is. */
export const expression = (text: string) => new Expression(text);

/** Whether a value is a plain object (not an array, not an expression). */
export function isRecord(value: Value | undefined): value is { [key: string]: Value | undefined } {
	return typeof value === 'object' && !Array.isArray(value) && !(value instanceof Expression);
}

/** The entries of an object whose value is set. */
export function definedEntries(value: {
	[key: string]: Value | undefined;
}): Array<[string, Value]> {
	return Object.entries(value).filter((e): e is [string, Value] => e[1] !== undefined);
}

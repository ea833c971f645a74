// Writers of one data tree (see value.ts) in the syntax of each format: Bicep object literals, HCL
// object expressions (inside jsonencode) and PowerShell hashtables. Strings are escaped for each.
import { definedEntries, Expression, type Value } from './value.ts';

const identifier = /^[A-Z_]\w*$/i;

/** A Bicep string literal. */
export function bicepString(text: string): string {
	return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${')}'`;
}

/** A Bicep value, multi-line, indented by `indent` from the second line on. */
export function printBicep(value: Value, indent = ''): string {
	if (value instanceof Expression) return value.text;
	if (typeof value === 'string') return bicepString(value);
	if (typeof value !== 'object') return String(value);
	const inner = `${indent}  `;
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		return `[\n${value.map((v) => `${inner}${printBicep(v, inner)}`).join('\n')}\n${indent}]`;
	}
	const entries = definedEntries(value);
	if (entries.length === 0) return '{}';
	// A key written in quotes already is an interpolated key (`'${identity.id}'`): kept as it is.
	const keyOf = (key: string) =>
		identifier.test(key) ? key : key.startsWith("'") ? key : bicepString(key);
	const lines = entries.map(([key, v]) => `${inner}${keyOf(key)}: ${printBicep(v, inner)}`);
	return `{\n${lines.join('\n')}\n${indent}}`;
}

/** An HCL string literal (template sequences `${` and `%{` escaped). */
export function hclString(text: string): string {
	const escaped = text
		.replace(/\\/g, '\\\\')
		.replace(/"/g, '\\"')
		.replace(/\$\{/g, '$${')
		.replace(/%\{/g, '%%{');
	return `"${escaped}"`;
}

/** An HCL value, multi-line, indented by `indent` from the second line on. */
export function printHcl(value: Value, indent = ''): string {
	if (value instanceof Expression) return value.text;
	if (typeof value === 'string') return hclString(value);
	if (typeof value !== 'object') return String(value);
	const inner = `${indent}  `;
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		return `[\n${value.map((v) => `${inner}${printHcl(v, inner)},`).join('\n')}\n${indent}]`;
	}
	const entries = definedEntries(value);
	if (entries.length === 0) return '{}';
	// As `terraform fmt`: equals signs aligned within a run of attributes; a value over several
	// lines ends the run.
	const printed = entries.map(([key, v]) => ({
		key: identifier.test(key) ? key : hclString(key),
		value: printHcl(v, inner),
	}));
	const lines: string[] = [];
	let run: typeof printed = [];
	const flush = () => {
		const width = Math.max(...run.map((e) => e.key.length));
		for (const e of run) lines.push(`${inner}${e.key.padEnd(width)} = ${e.value}`);
		run = [];
	};
	for (const entry of printed) {
		run.push(entry);
		if (entry.value.includes('\n')) flush();
	}
	if (run.length) flush();
	return `{\n${lines.join('\n')}\n${indent}}`;
}

/** A PowerShell single-quoted string. */
export function powerShellString(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

/** A PowerShell hashtable / array / scalar, multi-line, indented by `indent` from the second line on. */
export function printPowerShell(value: Value, indent = ''): string {
	if (value instanceof Expression) return value.text;
	if (typeof value === 'string') return powerShellString(value);
	if (typeof value === 'boolean') return value ? '$true' : '$false';
	if (typeof value !== 'object') return String(value);
	const inner = `${indent}\t`;
	if (Array.isArray(value)) {
		if (value.length === 0) return '@()';
		return `@(\n${value.map((v) => `${inner}${printPowerShell(v, inner)}`).join(',\n')}\n${indent})`;
	}
	const entries = definedEntries(value);
	if (entries.length === 0) return '@{}';
	const lines = entries.map(
		([key, v]) =>
			`${inner}${identifier.test(key) ? key : powerShellString(key)} = ${printPowerShell(v, inner)}`
	);
	return `@{\n${lines.join('\n')}\n${indent}}`;
}

/** JSON as ARM templates and settings files are written: two spaces, a final new line. */
export function printJson(value: unknown): string {
	return `${JSON.stringify(value, (_key, v: unknown) => (v instanceof Expression ? v.text : v), 2)}\n`;
}

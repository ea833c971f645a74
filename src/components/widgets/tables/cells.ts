/**
 * What a data-table cell holds, as data: widgets' pure view modules return these, and
 * render-cell.ts turns them into DOM. Each kind wraps where a reader expects it to.
 */
export type Cell =
	/** Plain text; wraps at spaces (a long word breaks only when nothing else fits). */
	| { kind: 'text'; text: string }
	/** A hex value (thumbprint, SHA-256): groups of 8 digits, wrapping only between groups. */
	| { kind: 'hex'; value: string }
	/** Parts that never break inside (a date, a time), separated by spaces. */
	| { kind: 'parts'; parts: string[] }
	/** A path or URL (in code type): wraps after `/`, `.`, `?`, `&` and `=`, never inside a name. */
	| { kind: 'path'; value: string }
	/** A host or distinguished name (CN=www.contoso.test): text that may wrap after `.` and `=` too. */
	| { kind: 'name'; value: string }
	/** Short sentences, one per line (warnings). */
	| { kind: 'list'; items: string[] };

/** A text cell. */
export const text = (value: string): Cell => ({ kind: 'text', text: value });
/** A hex cell. */
export const hex = (value: string): Cell => ({ kind: 'hex', value });
/** A cell of unbreakable parts. */
export const parts = (...values: string[]): Cell => ({ kind: 'parts', parts: values });
/** A path cell. */
export const path = (value: string): Cell => ({ kind: 'path', value });
/** A name cell (host, subject). */
export const name = (value: string): Cell => ({ kind: 'name', value });
/** A list cell. */
export const list = (items: string[]): Cell => ({ kind: 'list', items });

/** Digits per group of a hex value: 40-digit thumbprints read as 5 groups, SHA-256 as 8. */
export const HEX_GROUP = 8;

/** A hex value cut into groups of {@link HEX_GROUP} (the last may be shorter). */
export function hexGroups(value: string, size = HEX_GROUP): string[] {
	const groups: string[] = [];
	for (let i = 0; i < value.length; i += size) groups.push(value.slice(i, i + size));
	return groups;
}

/** Where a path or URL may wrap: after each run of these. */
const separators = '/.?&=';

/** A path or URL cut after each separator, so that it may wrap there and only there. */
export function pathSegments(value: string): string[] {
	const segments: string[] = [];
	let start = 0;
	for (let i = 0; i < value.length; i++)
		if (separators.includes(value[i]!) && !separators.includes(value[i + 1] ?? '')) {
			segments.push(value.slice(start, i + 1));
			start = i + 1;
		}
	if (start < value.length) segments.push(value.slice(start));
	return segments;
}

/** `YYYY-MM-DD` and `HH:MM UTC` of Unix seconds: a date that does not split, and its time. */
export function utcParts(seconds: number): [string, string] {
	const iso = new Date(seconds * 1000).toISOString();
	return [iso.slice(0, 10), `${iso.slice(11, 16)} UTC`];
}

// Documentation samples are pasted with their placeholders still in: `<examplekv>`, `<polling
// interval in seconds, e.g. "3600">`, `xxxxxx-xxxx-…`, `...` where parts are left out. This file
// finds them, and for JSON gives a text of the same length in which bare placeholders read as a
// value and elisions as nothing, so that the rest of the sample is read around them.

/** What a placeholder stands for, when its place tells; it decides what the user is told to fill in. */
export type PlaceholderRole =
	| 'vaultName'
	| 'certificateName'
	| 'certificateUrl'
	| 'clientId'
	| 'msiEndpoint'
	| 'pollingInterval'
	| 'resourceGroup'
	| 'machineName'
	| 'location'
	| 'keyValue'
	| 'value';

/** How a placeholder is written. */
export type PlaceholderForm =
	/** `<name>` or `<a description, e.g. "3600">`, in a string or as a bare value. */
	| 'angle'
	/** `...` or `…` standing for parts the sample leaves out. */
	| 'elision'
	/** `xxxxxxxx-xxxx-…` or the docs' example ID `00001111-aaaa-2222-bbbb-3333cccc4444`. */
	| 'exampleId'
	/** `{secretname}` inside a string. */
	| 'braces'
	/** A value named after its field: `pollingIntervalInS = "pollingInterval"`, `"myMachineName"`. */
	| 'named'
	/** `"KeyVaultForWindows or KeyVaultForLinux"`: a choice left to the reader. */
	| 'choice';

export interface Placeholder {
	form: PlaceholderForm;
	role: PlaceholderRole;
	/** Raw offsets of the placeholder as written. */
	start: number;
	end: number;
	text: string;
	/** The key or option it is the value of, if any. */
	key?: string;
	/**
	 * The span a finding may cover and still be caused by this placeholder alone: the placeholder
	 * with its quotes, and for a bare value the key written before it (`"key": <…>`).
	 */
	span: { start: number; end: number };
	/** A bare `<…` never closed with `>` (read up to the end of its line). */
	unclosed?: boolean;
}

export interface PlaceholderScan {
	placeholders: Placeholder[];
	/** For JSON: the text with bare placeholders read as `null` and elisions as blanks (same length). */
	masked: string | undefined;
}

/** Tags that are HTML in a description string, not placeholders. */
const htmlTag = /^\/?(?:[abiup]|br|hr|em|strong|code|pre|li|ul|ol|div|span|sup|sub|table|tr|td)\b/i;
const anglePattern = /<([A-Z_][^<>"\n]{0,120})>/gi;
const exampleIdPattern = /\b(?:[xX]{4,}(?:-[xX]{2,}){1,4}|00001111-aaaa-2222-bbbb-3333cccc4444)\b/g;
const bracePattern = /(?<![$%@\\{])\{([A-Z][\w-]{0,60})\}/gi;
/** `key = "value"`, `"key": "value"` or `key = @("value"` with a bare word as the value. */
const pairPattern = /(["']?)([A-Z]\w{2,60})\1\s*[:=]\s*(?:@?[([]\s*)?"([A-Z][A-Z0-9]{2,60})"/gi;
/** Settings keys whose values the docs write as words named after them (`"pollingInterval"`). */
const settingsKeys = new Set([
	'pollingintervalins',
	'observedcertificates',
	'url',
	'certificatestorename',
	'certificatestorelocation',
	'msiendpoint',
	'msiclientid',
	'customsymboliclinkname',
]);
const choicePattern = /"([A-Za-z][\w.]{2,60}) or ([A-Za-z][\w.]{2,60})"/g;
/** The most placeholders reported for one input: a pasted page of docs stays readable. */
const maxPlaceholders = 200;

function roleOf(
	text: string,
	before: string,
	after: string,
	key: string | undefined
): PlaceholderRole {
	if (/:\/\/$/.test(before) && /^\.vault\./i.test(after)) return 'vaultName';
	if (/\/(?:secrets|certificates|keys)\/$/i.test(before)) return 'certificateName';
	const k = (key ?? text).toLowerCase().replace(/[^a-z]/g, '');
	if (k.includes('clientid')) return 'clientId';
	if (k.includes('msiendpoint')) return 'msiEndpoint';
	if (k.includes('pollinginterval')) return 'pollingInterval';
	if (k === 'url' || k.startsWith('observedcert')) return 'certificateUrl';
	if (k.startsWith('resourcegroup') || k === 'g') return 'resourceGroup';
	if (/^(?:vm|vmss|machine|vmscaleset)name$/.test(k) || k === 'vmname') return 'machineName';
	if (k === 'location' || k === 'l') return 'location';
	return key ? 'keyValue' : 'value';
}

/** Widens a span over the quotes, backslashes and spaces that wrap a placeholder in a string. */
function widen(text: string, start: number, end: number): { start: number; end: number } {
	let s = start;
	let e = end;
	while (s > 0 && /["'\\ ]/.test(text[s - 1]!)) s--;
	while (e < text.length && /["'\\ ]/.test(text[e]!)) e++;
	return { start: s, end: e };
}

/** Whether an offset is inside a quoted part of its line (for Bicep and Terraform, where `<` is an operator). */
function insideQuotes(text: string, offset: number): boolean {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	const before = text.slice(lineStart, offset).replace(/\\./g, '');
	return (before.split('"').length - 1) % 2 === 1 || (before.split("'").length - 1) % 2 === 1;
}

/** The key a JSON value at `offset` belongs to (`"key": value`), with where the key starts. */
function keyBefore(text: string, offset: number): { key: string; start: number } | undefined {
	const m = /"([^"\\\n]{1,80})"\s*:\s*$/.exec(text.slice(Math.max(0, offset - 120), offset));
	if (!m) return undefined;
	return { key: m[1]!, start: offset - m[0].length };
}

/** The option or hashtable key a value at `offset` is given to (`--vm-name "<x>"`, `key = "<x>"`). */
function ownerBefore(text: string, offset: number): string | undefined {
	const head = text.slice(Math.max(0, offset - 80), offset);
	// `head` is at most 80 characters (above), so backtracking stays bounded.
	// eslint-disable-next-line regexp/no-super-linear-backtracking, regexp/no-super-linear-move
	const m = /(?:--?([A-Z][\w-]*)|["']?([A-Z]\w*)["']?\s*[:=])\s*["']?[^"'\s]*$/i.exec(head);
	return m ? (m[1] ?? m[2]) : undefined;
}

/** Where a bare `<…` placeholder ends: its `>` outside strings and brackets, else the end of its line. */
function angleEnd(text: string, open: number): { end: number; unclosed: boolean } {
	let depth = 0;
	let angles = 0;
	for (let i = open; i < text.length; i++) {
		const c = text[i]!;
		if (c === '"') {
			const close = text.indexOf('"', i + 1);
			const newline = text.indexOf('\n', i + 1);
			if (close < 0 || (newline >= 0 && newline < close)) break;
			i = close;
		} else if (c === '<') angles++;
		else if (c === '>') {
			angles--;
			if (angles === 0 && depth <= 0) return { end: i + 1, unclosed: false };
		} else if (c === '[' || c === '{') depth++;
		else if (c === ']' || c === '}') {
			depth--;
			if (depth < 0) break;
		}
	}
	// Never closed: it ends where its first line's content ends.
	const newline = text.indexOf('\n', open);
	let end = newline < 0 ? text.length : newline;
	while (end > open && /\s/.test(text[end - 1]!)) end--;
	return { end, unclosed: true };
}

/**
 * Whether `text[from…to)` holds a character every placeholder pattern needs: `<` (angle), `{`
 * (braces), four x in a row or `00001111` (example IDs). Most strings of a large template hold
 * none, and are passed over without a copy or a regular expression.
 */
function mayHoldPlaceholder(text: string, from: number, to: number): boolean {
	let xs = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === 60 || c === 123) return true;
		if (c === 120 || c === 88) {
			if (++xs === 4) return true;
		} else {
			xs = 0;
			if (c === 48 && text.startsWith('00001111', i)) return true;
		}
	}
	return false;
}

/** Finds placeholders inside one string (or one stretch of command text). */
function scanStretch(
	text: string,
	from: number,
	to: number,
	found: Placeholder[],
	quotedOnly: boolean,
	inJson: boolean
): void {
	if (!mayHoldPlaceholder(text, from, to)) return;
	const stretch = text.slice(from, to);
	const add = (
		form: PlaceholderForm,
		start: number,
		end: number,
		key: string | undefined,
		role?: PlaceholderRole
	) => {
		if (found.length >= maxPlaceholders) return;
		if (found.some((p) => p.start <= start && end <= p.end)) return;
		if (quotedOnly && !insideQuotes(text, start)) return;
		found.push({
			form,
			role:
				role ??
				roleOf(
					text.slice(start + 1, end - 1),
					text.slice(Math.max(0, start - 12), start),
					text.slice(end, end + 8),
					key
				),
			start,
			end,
			text: text.slice(start, end),
			...(key ? { key } : {}),
			span: widen(text, start, end),
		});
	};
	// Whether each name is closed later in the stretch, looked up once per name: per match, 200 KB of
	// `<ab> ` took 10 s (issue 24).
	const closedNames = new Map<string, boolean>();
	for (const m of stretch.matchAll(anglePattern)) {
		if (found.length >= maxPlaceholders) return;
		const start = from + m.index;
		if (htmlTag.test(m[1]!) || text[start - 1] === '<') continue;
		// An element closed later in the same string is XML (Windows unattend content), not a placeholder.
		let closed = closedNames.get(m[1]!);
		if (closed === undefined) closedNames.set(m[1]!, (closed = stretch.includes(`</${m[1]}>`)));
		if (closed) continue;
		const owner = ownerBefore(text, start);
		// A description says what a value looks like (`<label>.westeurope.cloudapp.azure.com`).
		if (owner?.toLowerCase() === 'description') continue;
		add('angle', start, start + m[0].length, owner);
	}
	for (const m of stretch.matchAll(exampleIdPattern)) {
		const start = from + m.index;
		add('exampleId', start, start + m[0].length, ownerBefore(text, start), 'clientId');
	}
	// `{name}` only in JSON strings: scripts fill such tokens themselves (`.Replace('{name}', $x)`).
	if (!inJson) return;
	for (const m of stretch.matchAll(bracePattern)) {
		const start = from + m.index;
		add('braces', start, start + m[0].length, ownerBefore(text, start));
	}
}

/** Placeholders written as ordinary words: named after their field, `my…` names, `A or B` choices. */
function scanWords(text: string, found: Placeholder[]): void {
	for (const m of text.matchAll(pairPattern)) {
		const key = m[2]!;
		const value = m[3]!;
		if (!settingsKeys.has(key.toLowerCase())) continue;
		// `value` is at most 61 characters (the pattern above), so the retried run stays short.
		// eslint-disable-next-line regexp/no-super-linear-move
		const bareValue = value.replace(/\d+$/, '').toLowerCase();
		let common = 0;
		const lowerKey = key.toLowerCase();
		while (common < bareValue.length && bareValue[common] === lowerKey[common]) common++;
		const namedAfterKey = common >= 6 && common >= bareValue.length * 0.6;
		const myName = /^my[A-Z][A-Za-z]+$/.test(value);
		if (!namedAfterKey && !myName) continue;
		const start = m.index + m[0].length - value.length - 1;
		if (found.some((p) => p.start <= start && start < p.end)) continue;
		found.push({
			form: 'named',
			role: roleOf(value, '', '', key),
			start,
			end: start + value.length,
			text: value,
			key,
			span: widen(text, start, start + value.length),
		});
	}
	for (const m of text.matchAll(choicePattern)) {
		const start = m.index + 1;
		const end = start + m[0].length - 2;
		if (found.some((p) => p.start <= start && start < p.end)) continue;
		found.push({
			form: 'choice',
			role: 'value',
			start,
			end,
			text: text.slice(start, end),
			span: widen(text, start, end),
		});
	}
}

/** Finds the placeholders of a JSON text and masks what JSON cannot hold (bare `<…>`, `...`). */
function scanJson(text: string, found: Placeholder[]): string | undefined {
	const masks: Array<{ start: number; end: number; filler: string }> = [];
	const elisions: Array<{ start: number; end: number }> = [];
	const length = text.length;
	for (let i = 0; i < length && found.length < maxPlaceholders; i++) {
		const code = text.charCodeAt(i);
		// Most characters start nothing: `"`, `/`, `<`, `.` and `…` do.
		if (code !== 34 && code !== 47 && code !== 60 && code !== 46 && code !== 0x2026) continue;
		const c = text[i]!;
		if (c === '"') {
			let j = i + 1;
			for (;;) {
				const d = text.charCodeAt(j);
				// NaN past the end.
				if (d === 34 || d === 10 || !(j < length)) break;
				j += d === 92 ? 2 : 1;
			}
			// A description says what a value looks like (`/resourceGroups/<Resource group name>/…`):
			// its `<…>` are not placeholders left in the template.
			const end = Math.min(j, length);
			if (mayHoldPlaceholder(text, i + 1, end) && keyBefore(text, i)?.key !== 'description')
				scanStretch(text, i + 1, end, found, false, true);
			i = j;
		} else if (c === '/' && text[i + 1] === '/') {
			const newline = text.indexOf('\n', i);
			i = newline < 0 ? text.length : newline;
		} else if (c === '/' && text[i + 1] === '*') {
			const close = text.indexOf('*/', i + 2);
			i = close < 0 ? text.length : close + 1;
		} else if (c === '<') {
			const { end, unclosed } = angleEnd(text, i);
			const owner = keyBefore(text, i);
			found.push({
				form: 'angle',
				role: roleOf(text.slice(i + 1, end - 1), '', '', owner?.key),
				start: i,
				end,
				text: text.slice(i, end),
				...(owner ? { key: owner.key } : {}),
				span: { start: owner?.start ?? i, end },
				...(unclosed ? { unclosed: true } : {}),
			});
			masks.push({ start: i, end, filler: end - i >= 4 ? 'null' : '0' });
			i = end - 1;
		} else if ((c === '.' && text.startsWith('...', i)) || c === '…') {
			let end = i;
			while (end < text.length && (text[end] === '.' || text[end] === '…')) end++;
			found.push({
				form: 'elision',
				role: 'value',
				start: i,
				end,
				text: text.slice(i, end),
				span: { start: i, end },
			});
			elisions.push({ start: i, end });
			masks.push({ start: i, end, filler: '' });
			i = end - 1;
		}
	}
	if (masks.length === 0) return undefined;
	// An elision between items leaves one comma too many: `a, ... }` or `[ ..., b`.
	for (const { start, end } of elisions) {
		let after = end;
		while (after < text.length && /\s/.test(text[after]!)) after++;
		let before = start - 1;
		while (before >= 0 && /\s/.test(text[before]!)) before--;
		if ((text[after] === '}' || text[after] === ']') && text[before] === ',')
			masks.push({ start: before, end: before + 1, filler: '' });
		else if (text[after] === ',' && /[{[,]/.test(text[before] ?? ''))
			masks.push({ start: after, end: after + 1, filler: '' });
	}
	masks.sort((a, b) => a.start - b.start);
	let out = '';
	let at = 0;
	for (const { start, end, filler } of masks) {
		if (start < at) continue;
		out +=
			text.slice(at, start) +
			filler +
			text.slice(start + filler.length, end).replace(/[^\r\n]/g, ' ');
		at = end;
	}
	return out + text.slice(at);
}

function scanNonJson(text: string, found: Placeholder[], quotedOnly: boolean): undefined {
	scanStretch(text, 0, text.length, found, quotedOnly, false);
	return undefined;
}

/**
 * Finds the placeholders of a pasted text. `quotedOnly` is for Bicep and Terraform, where `<` and
 * `>` are operators: there only placeholders inside strings count.
 */
export function scanPlaceholders(text: string, quotedOnly: boolean): PlaceholderScan {
	const found: Placeholder[] = [];
	const json = /^\s*[[{"]/.test(text);
	const masked = json ? scanJson(text, found) : scanNonJson(text, found, quotedOnly);
	if (!quotedOnly) scanWords(text, found);
	found.sort((a, b) => a.start - b.start);
	return { placeholders: found, masked };
}

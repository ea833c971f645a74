// Share links: the answers as JSON in base64url after `#options=`. Browsers never send the
// fragment to a server. A link is read back field by field, as the form would give them, so a
// crafted link can only set answers a person could type.
import type { FieldValues } from './form-state.ts';

/** The fragment prefix of shared answers. */
export const optionsPrefix = '#options=';

/** The longest fragment read (characters after the prefix): answers are a few hundred bytes. */
export const optionsLimit = 16_384;

/** At most this many fields are read from a link (fifty certificates of eight fields, and the rest). */
const maxFields = 500;
/** At most this many characters per field. */
const maxValue = 1_000;

function toBase64Url(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	// btoa pads with at most two '=', all at the end: the run is never longer than two.
	// eslint-disable-next-line regexp/no-super-linear-move
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	return new TextDecoder('utf-8', { fatal: true }).decode(
		Uint8Array.from(binary, (c) => c.charCodeAt(0))
	);
}

/** The `#options=…` fragment of the form's values. */
export function encodeFields(values: FieldValues): string {
	return `${optionsPrefix}${toBase64Url(JSON.stringify(values))}`;
}

/** Whether a URL fragment carries shared answers. */
export const isOptionsFragment = (hash: string) => hash.startsWith(optionsPrefix);

/** The form's values in a `#options=…` fragment; undefined when the link is damaged. */
export function decodeFields(hash: string): FieldValues | undefined {
	if (!isOptionsFragment(hash)) return undefined;
	const data = hash.slice(optionsPrefix.length);
	if (data.length > optionsLimit || !/^[\w-]*$/.test(data)) return undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(fromBase64Url(data));
	} catch {
		return undefined;
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
	const entries = Object.entries(parsed as Record<string, unknown>);
	if (entries.length > maxFields) return undefined;
	const values: FieldValues = {};
	for (const [key, value] of entries) {
		if (!/^[A-Z]+(?:\.\d{1,3}\.[A-Z]+)?$/i.test(key)) continue;
		if (typeof value === 'boolean') values[key] = value;
		else if (typeof value === 'string' && value.length <= maxValue) values[key] = value;
	}
	return values;
}

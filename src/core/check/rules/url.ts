import { flatText, locateInValue, type Anchor } from '../navigate.ts';
import { isHole, type Hole, type Value } from '../values.ts';

/** Key Vault DNS suffixes per cloud (research/kvvm-extension.md §4.3). */
export const vaultSuffixes = [
	'vault.azure.net',
	'vault.azure.cn',
	'vault.usgovcloudapi.net',
	'vault.microsoftazure.de',
];

/** A piece of a URL, in `flatText` coordinates (a hole counts as one character). */
export interface UrlPiece {
	text: string;
	start: number;
	end: number;
	known: boolean;
}

/** What can be told statically about an observed-certificate URL. */
export interface UrlShape {
	value: Value;
	/** The whole URL is one unknown (e.g. `reference(...).secretUri`). */
	hole: Hole | undefined;
	scheme: UrlPiece | undefined;
	host: UrlPiece | undefined;
	/** The host's first label, when known. */
	vaultName: UrlPiece | undefined;
	/** The DNS suffix after the vault name: known text, `keyvaultDns` when from environment(), else unknown. */
	suffix: { kind: 'known'; text: string } | { kind: 'environment' } | { kind: 'unknown' };
	/** Path segments after the host (collection, name, version…); the last is empty for a trailing slash. */
	segments: UrlPiece[];
	/** Whether the host part is understood at all (else rules stay silent about the path). */
	parsed: boolean;
}

function piece(flat: string, start: number, end: number): UrlPiece {
	const text = flat.slice(start, end);
	return { text, start, end, known: !text.includes('\uE000') };
}

/** Splits an observed-certificate URL (possibly with unknown holes) into its parts. */
export function analyseUrl(value: Value): UrlShape {
	const shape: UrlShape = {
		value,
		hole: undefined,
		scheme: undefined,
		host: undefined,
		vaultName: undefined,
		suffix: { kind: 'unknown' },
		segments: [],
		parsed: false,
	};
	if (value.kind === 'unknown') return { ...shape, hole: value.hole };
	if (value.kind !== 'string') return shape;
	const first = value.parts[0];
	if (value.parts.length === 1 && first && isHole(first)) return { ...shape, hole: first.hole };
	const flat = flatText(value);
	let pathStart: number;
	if (first && isHole(first) && first.hole.tag === 'vaultUri') {
		shape.suffix = { kind: 'environment' };
		pathStart = 1;
	} else {
		const match = /^([A-Z][A-Z0-9+.-]*):\/\/([^/]*)/i.exec(flat);
		if (!match) return shape;
		const schemeEnd = match[1]!.length;
		shape.scheme = piece(flat, 0, schemeEnd);
		const hostStart = schemeEnd + 3;
		const hostEnd = hostStart + match[2]!.length;
		shape.host = piece(flat, hostStart, hostEnd);
		const dot = match[2]!.indexOf('.');
		const nameEnd = dot === -1 ? hostEnd : hostStart + dot;
		shape.vaultName = piece(flat, hostStart, nameEnd);
		const rest = flat.slice(nameEnd, hostEnd).replace(/:443$/, '');
		const holeIndex = nameEnd < hostEnd ? flat.indexOf('\uE000', nameEnd) : -1;
		if (!rest.includes('\uE000')) shape.suffix = { kind: 'known', text: rest.replace(/^\./, '') };
		else if (rest === '\uE000' && holeAt(value, holeIndex)?.tag === 'keyvaultDns')
			shape.suffix = { kind: 'environment' };
		if (dot === -1 && shape.vaultName.text.endsWith('\uE000')) {
			const last = holeAt(value, hostEnd - 1);
			if (last?.tag === 'keyvaultDns') {
				shape.vaultName = piece(flat, hostStart, hostEnd - 1);
				shape.suffix = { kind: 'environment' };
			}
		}
		pathStart = hostEnd + 1;
		if (flat[hostEnd] !== '/') {
			shape.parsed = true;
			return shape;
		}
	}
	shape.parsed = true;
	let start = pathStart;
	for (;;) {
		const slash = flat.indexOf('/', start);
		const end = slash === -1 ? flat.length : slash;
		shape.segments.push(piece(flat, start, end));
		if (slash === -1) break;
		start = slash + 1;
	}
	return shape;
}

function holeAt(value: Value, index: number): Hole | undefined {
	if (value.kind !== 'string' || index < 0) return undefined;
	let offset = 0;
	for (const part of value.parts) {
		const length = isHole(part) ? 1 : part.text.length;
		if (index >= offset && index < offset + length) return isHole(part) ? part.hole : undefined;
		offset += length;
	}
	return undefined;
}

/** Where a piece of the URL is written in the user's text, if it lies in one literal. */
export function pieceAnchor(shape: UrlShape, start: number, end: number): Anchor | undefined {
	return locateInValue(shape.value, start, end);
}

import { stringContent } from '../json.ts';
import { anchorOf, child, resolve, type Anchor } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import type { Field } from '../model.ts';
import type { RelatedDescriptor, RuleContext } from '../rule.ts';
import { isHole, knownText, type Located, type Value } from '../values.ts';

/** Whether anchor `inner` lies within anchor `outer`. */
export function within(inner: Anchor, outer: Anchor): boolean {
	return inner.source === outer.source && inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * Where to report a value: where it is written (a parameter default, a variable, a parameters
 * file…) with the place it is used as a related location, or the place of use when it is computed.
 */
export function placeOf(at: Located): {
	anchor: Anchor;
	related: RelatedDescriptor[];
	/** The literal node the value is written as, when it is one node (for fixes). */
	literal: Located | undefined;
} {
	const use = anchorOf(at);
	const resolved = resolve(at);
	const { value } = resolved;
	let anchor = anchorOf(resolved.at);
	let literal: Located | undefined = isLiteral(resolved.at) ? resolved.at : undefined;
	if ((value.kind === 'number' || value.kind === 'boolean' || value.kind === 'null') && value.at) {
		literal = value.at;
		anchor = anchorOf(value.at);
	}
	const part = value.kind === 'string' && value.parts.length === 1 ? value.parts[0] : undefined;
	if (part && !isHole(part) && part.origin && !isLiteral(resolved.at)) {
		anchor = {
			source: part.origin.source,
			start: part.origin.map(0),
			end: part.origin.map(part.text.length),
		};
		literal = undefined;
	}
	const related = within(anchor, use) ? [] : [{ at: use, message: relatedMessages.valueUsed }];
	return { anchor, related, literal };
}

/** Whether a node is written as a plain JSON literal (not an ARM expression). */
export function isLiteral(at: Located): boolean {
	if (at.node.type !== 'string') return at.node.type !== 'object' && at.node.type !== 'array';
	const text = stringContent(at.doc, at.node).text;
	return !(at.scope && text.startsWith('[') && text.endsWith(']'));
}

/** Known text of a node (after parameters and variables), or undefined. */
export function textOf(at: Located | undefined): string | undefined {
	return at ? knownText(resolve(at).value) : undefined;
}

/** The boolean a node stands for, or undefined. */
export function booleanOf(at: Located | undefined): boolean | undefined {
	if (!at) return undefined;
	const value = resolve(at).value;
	return value.kind === 'boolean' ? value.value : undefined;
}

/** A GUID in its usual 8-4-4-4-12 form. */
export function isGuid(text: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}

/** Every place a per-certificate or top-level setting `key` is written in secretsManagementSettings. */
export function settingOccurrences(context: RuleContext, key: string): Located[] {
	const found: Located[] = [];
	const top = child(context.secretsManagementSettings, key);
	if (top) found.push(top);
	for (const entry of context.observedCertificates ?? []) {
		const value = child(entry.object, key);
		if (value) found.push(value);
	}
	return found;
}

/** Whether a value is a single hole with the given tag. */
export function isTaggedHole(value: Value, tag: string): boolean {
	if (value.kind === 'unknown') return value.hole.tag === tag;
	return value.kind === 'string' && value.parts.some((p) => isHole(p) && p.hole.tag === tag);
}

/** The anchor of the key of the property that holds a value node. */
export function propertyKeyAnchor(at: Located): Anchor {
	const key = at.node.parent?.type === 'property' ? at.node.parent.children?.[0] : undefined;
	return anchorOf(key ? { ...at, node: key } : at);
}

/** Where a field of an extension is written (see `placeOf`); command fields are their word. */
export function fieldPlace(field: Field): { anchor: Anchor; related: RelatedDescriptor[] } {
	if (field.at) return placeOf(field.at);
	return {
		anchor: field.anchor ?? { source: { path: '', raw: '' }, start: 0, end: 0 },
		related: [],
	};
}

/** An edit that replaces the whole text of a string value, when it is one literal piece. */
export function replaceString(
	value: Value,
	text: string
): Array<{ at: Anchor; text: string }> | undefined {
	if (value.kind !== 'string' || value.parts.length !== 1) return undefined;
	const part = value.parts[0]!;
	if (isHole(part) || !part.origin) return undefined;
	return [
		{
			at: {
				source: part.origin.source,
				start: part.origin.map(0),
				end: part.origin.map(part.text.length),
			},
			text,
		},
	];
}

/**
 * Every authenticationSettings block of an extension: where it belongs (inside settings) and where
 * it is misplaced (inside secretsManagementSettings, or beside settings; KV009 reports those), so
 * that rules about its contents still read a block written in the wrong place.
 */
export function authenticationBlocks(context: RuleContext): {
	placed: Located | undefined;
	misplaced: Located[];
} {
	const misplaced = [
		child(context.secretsManagementSettings, 'authenticationSettings'),
		child(context.extension.properties, 'authenticationSettings', true),
	].filter((at): at is Located => at !== undefined);
	return { placed: context.authenticationSettings, misplaced };
}

import { anchorOf } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import type { RelatedDescriptor, RuleContext } from '../rule.ts';
import type { Anchor } from '../navigate.ts';
import { analyseUrl, pieceAnchor, type UrlPiece, type UrlShape } from './url.ts';
import { within } from './util.ts';

/** An observed-certificate URL with what is statically known of it and where it is used. */
export interface ObservedUrl {
	shape: UrlShape;
	/** The URL node as used in observedCertificates. */
	use: Anchor;
}

const shapes = new WeakMap<object, ObservedUrl[]>();

/** The URLs of a context's observedCertificates, analysed once per extension. */
export function observedUrls(context: RuleContext): ObservedUrl[] {
	const entries = context.observedCertificates;
	if (!entries) return [];
	const cached = shapes.get(entries);
	if (cached) return cached;
	const urls = entries.flatMap((entry) =>
		entry.url ? [{ shape: analyseUrl(entry.url.resolved.value), use: anchorOf(entry.url.at) }] : []
	);
	shapes.set(entries, urls);
	return urls;
}

/**
 * Where to report a piece of a URL: the exact characters when they are one literal, else the place
 * of use; plus a related location when the literal is elsewhere (a parameter default…).
 */
export function pieceReport(
	url: ObservedUrl,
	piece: UrlPiece | undefined
): { at: Anchor; related: RelatedDescriptor[]; exact: Anchor | undefined } {
	const exact = piece ? pieceAnchor(url.shape, piece.start, piece.end) : undefined;
	const at = exact ?? url.use;
	const related = within(at, url.use) ? [] : [{ at: url.use, message: relatedMessages.valueUsed }];
	return { at, related, exact };
}

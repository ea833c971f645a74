import { langOf, type Lang, type Localized } from '../../core/i18n/lang.ts';

export type { Lang, Localized };

/** A box in the drawing. Coordinates are in the diagram's viewBox units. */
export interface DiagramNode {
	id: string;
	x: number;
	y: number;
	w: number;
	h: number;
	/** One entry per line of the box's label. */
	label: Localized[];
	/** Visual role: `danger` marks the weak point (a stored secret), `accent` what changes. */
	tone?: 'default' | 'danger' | 'accent' | 'muted';
}

/** A dashed boundary around nodes, such as the Azure VM. */
export interface DiagramGroup {
	x: number;
	y: number;
	w: number;
	h: number;
	label: Localized;
}

/** An arrow between two nodes, drawn as part of one numbered step. */
export interface DiagramEdge {
	from: string;
	to: string;
	step: number;
	label: Localized;
	/** Where the label goes when the default (beside the step badge, away from the arrow) doesn't fit. */
	labelAt?: LabelPosition;
	/** Shifts the arrow sideways so that two arrows between the same nodes don't overlap. */
	offset?: number;
}

/** A point and how text is anchored to it. */
export interface LabelPosition {
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
}

/** One numbered step: the sentence under the drawing and the nodes it involves. */
export interface DiagramStep {
	text: Localized;
	nodes: string[];
}

/** Everything one diagram needs: drawing, accessible title and description, steps. */
export interface DiagramSpec {
	title: Localized;
	description: Localized;
	width: number;
	height: number;
	groups: DiagramGroup[];
	nodes: DiagramNode[];
	edges: DiagramEdge[];
	steps: DiagramStep[];
	/** Short facts shown under the thumbnail in the overview's side-by-side comparison. */
	summary?: Localized[];
}

/** Picks the site language for a Starlight `lang` value ('ja', 'en', 'en-US'…); Japanese is the default. */
export function toLang(lang: string | undefined): Lang {
	return langOf(lang, 'ja');
}

/** The point where the ray from a box's centre towards (dx, dy) leaves the box. */
function exitPoint(node: DiagramNode, dx: number, dy: number) {
	const cx = node.x + node.w / 2;
	const cy = node.y + node.h / 2;
	const tx = dx === 0 ? Infinity : node.w / 2 / Math.abs(dx);
	const ty = dy === 0 ? Infinity : node.h / 2 / Math.abs(dy);
	const t = Math.min(tx, ty);
	return { x: cx + dx * t, y: cy + dy * t };
}

/**
 * The straight arrow from one box's border to the other's, shifted sideways by `offset`,
 * with its midpoint (where the step number is drawn).
 */
export function edgeGeometry(from: DiagramNode, to: DiagramNode, offset = 0) {
	const dx = to.x + to.w / 2 - (from.x + from.w / 2);
	const dy = to.y + to.h / 2 - (from.y + from.h / 2);
	const length = Math.hypot(dx, dy) || 1;
	const [ux, uy] = [dx / length, dy / length];
	const [ox, oy] = [-uy * offset, ux * offset];
	const start = exitPoint(from, ux, uy);
	const end = exitPoint(to, -ux, -uy);
	const gap = 4; // keeps the arrowhead off the box's border
	const x1 = start.x + ox + ux * gap;
	const y1 = start.y + oy + uy * gap;
	const x2 = end.x + ox - ux * gap;
	const y2 = end.y + oy - uy * gap;
	const mx = (x1 + x2) / 2;
	const my = (y1 + y2) / 2;
	// The label sits beside the badge on the arrow's offset side, or below / right of it.
	let [px, py] = [-uy, ux];
	if (offset ? offset < 0 : py < 0 || (py === 0 && px < 0)) [px, py] = [-px, -py];
	const label: LabelPosition = {
		x: mx + px * 20,
		y: my + py * 20 + 5,
		anchor: Math.abs(px) > 0.5 ? (px > 0 ? 'start' : 'end') : 'middle',
	};
	if (label.anchor === 'middle') label.y += py * 8;
	return { x1, y1, x2, y2, mx, my, label };
}

/** Splits text on backticks so `code` spans can be rendered as <code>. Odd indexes are code. */
export function splitCode(text: string): string[] {
	return text.split('`');
}

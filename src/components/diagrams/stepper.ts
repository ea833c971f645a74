// Where a diagram's step-through goes: step 0 shows every step; 1…N highlight one. Pure, so the
// wrap-around and the keys are unit-tested.

/** What moves the step: the buttons and the keys inside the controls. */
export type StepAction = 'previous' | 'next' | 'all' | 'first' | 'last';

/** The keys of the controls and what they do. */
export const stepKeys: Readonly<Record<string, StepAction>> = {
	ArrowLeft: 'previous',
	ArrowRight: 'next',
	Home: 'first',
	End: 'last',
	Escape: 'all',
};

/** The step after `action` from step `current` of `total` (going round at either end). */
export function stepAfter(current: number, total: number, action: StepAction): number {
	switch (action) {
		case 'previous':
			return current <= 1 ? total : current - 1;
		case 'next':
			return current >= total ? 1 : current + 1;
		case 'first':
			return 1;
		case 'last':
			return total;
		case 'all':
			return 0;
	}
}

/** A box in a scrolling frame's own pixels. */
export interface Span {
	start: number;
	end: number;
}

/**
 * The scroll offset that brings `target` into a frame `size` wide that now shows from `scroll`:
 * unchanged when it is already in sight, else centred (or its start shown, if it is wider).
 */
export function scrollToShow(target: Span, scroll: number, size: number, max: number): number {
	if (target.start >= scroll && target.end <= scroll + size) return scroll;
	const width = target.end - target.start;
	const wanted = width >= size ? target.start : target.start - (size - width) / 2;
	return Math.round(Math.min(Math.max(wanted, 0), Math.max(max, 0)));
}

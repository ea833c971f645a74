// The "fill in" list above the findings: one entry per placeholder left from a documentation sample
// (the placeholder, what to put there, its places as buttons that select it in the editor), and
// the findings that stand at a placeholder under it rather than in the findings list.
import type { FillInEntry } from './fill-in.ts';
import { element, findingRow, type PanelOptions } from './findings-panel.ts';
import type { CheckerView, PlaceView } from './view-model.ts';

/** Place buttons shown per placeholder at most; a note counts the rest. */
export const maxPlaces = 20;

/** What the fill-in list does when the reader picks a place. */
export interface FillInOptions extends PanelOptions {
	onSelectPlace: (place: PlaceView) => void;
}

function placeButton(entry: FillInEntry, place: PlaceView, options: FillInOptions) {
	const { t } = options;
	const button = element('button', 'place', t('kvcert.checker.fillIn.place', { line: place.line }));
	button.type = 'button';
	button.dataset['place'] = '';
	button.dataset['line'] = String(place.line);
	button.setAttribute(
		'aria-label',
		t('kvcert.checker.fillIn.placeLabel', {
			placeholder: entry.text,
			line: place.line,
			column: place.column,
		})
	);
	button.addEventListener('click', () => options.onSelectPlace(place));
	return button;
}

function entryRow(entry: FillInEntry, view: CheckerView, options: FillInOptions): HTMLLIElement {
	const { t } = options;
	const row = element('li', 'placeholder');
	row.dataset['placeholder'] = entry.text;
	row.dataset['places'] = String(entry.places.length);
	const places = element('p', 'places');
	places.append(
		element('span', 'count', t('kvcert.checker.fillIn.places', { count: entry.places.length })),
		...entry.places.slice(0, maxPlaces).map((p) => placeButton(entry, p, options))
	);
	if (entry.places.length > maxPlaces)
		places.append(
			element(
				'span',
				'more',
				t('kvcert.checker.fillIn.morePlaces', { count: entry.places.length - maxPlaces })
			)
		);
	row.append(element('code', 'text', entry.text), element('p', 'what', entry.message), places);
	if (entry.alsoHere.length > 0) {
		const also = element('ol', 'members');
		also.setAttribute('aria-label', t('kvcert.checker.fillIn.alsoHere'));
		also.append(...entry.alsoHere.map((i) => findingRow(view.findings[i]!, i, options)));
		row.append(also);
	}
	return row;
}

/** Renders the fill-in list of a view (hidden when the text holds no placeholder). */
export function renderFillIn(
	section: HTMLElement,
	list: HTMLElement,
	view: CheckerView,
	options: FillInOptions
): void {
	list.replaceChildren(...view.fillIn.entries.map((e) => entryRow(e, view, options)));
	section.hidden = view.fillIn.entries.length === 0;
	section.toggleAttribute('data-stale', !options.fresh);
}

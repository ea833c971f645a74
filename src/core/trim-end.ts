/**
 * `text` without the run of `characters` at its end, in one pass from the end. A pattern such as
 * `/\/+$/` is tried again at every position of a long run that does not end the text, which is
 * quadratic in the run's length (eslint-plugin-regexp's `no-super-linear-move`).
 */
export function trimEnd(text: string, characters: string): string {
	let end = text.length;
	while (end > 0 && characters.includes(text[end - 1] as string)) end--;
	return text.slice(0, end);
}

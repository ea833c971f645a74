/**
 * Joins sentences: after a Japanese full stop (。) nothing, otherwise one space. Decided by the
 * punctuation rather than a UI string, because an empty translation reads as missing in Starlight.
 */
export function joinSentences(sentences: string[]): string {
	return sentences.reduce(
		(text, sentence) =>
			text ? `${text}${/[。！？]$/.test(text) ? '' : ' '}${sentence}` : sentence,
		''
	);
}

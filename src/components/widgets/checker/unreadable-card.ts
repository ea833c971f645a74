// The card for a text the checker cannot read at all (KV051 "notRecognised"). The rule's own
// sentence is the CLI's ("kvcert check reads …"); in the browser the card says what this checker
// tried, what the text looks like only where that guess rests on its shape, and what to do next.
import { foreignKindNames, type Lang } from '../../../core/check/index.ts';
import type { Translate } from '../../../core/i18n/translator.ts';

/** KV051's message for a text of none of the kinds kvcert reads. */
export const notRecognisedMessageId = 'notRecognised';

/**
 * The card's sentence. `recognised` is the rule's name for what the text looks like (its data).
 * "An email" and "plain text" are guesses from a greeting or from nothing (a line of prose reads as
 * an email): those say only that it is no template or command.
 */
export function unreadableCardMessage(recognised: string | undefined, lang: Lang, t: Translate) {
	if (recognised === foreignKindNames.bicep[lang]) return t('kvcert.checker.unreadableCard.bicep');
	const weak = [foreignKindNames.email[lang], foreignKindNames.text[lang]];
	if (recognised === undefined || weak.includes(recognised))
		return t('kvcert.checker.unreadableCard.unknown');
	return t('kvcert.checker.unreadableCard.guessed', { kind: recognised });
}

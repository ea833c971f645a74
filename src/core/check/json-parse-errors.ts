import type { Localized } from './types.ts';

/**
 * What each jsonc-parser error means, as a sentence for the person who wrote the JSON (the parser's
 * own names, such as PropertyNameExpected, are never shown). The Japanese stands alone after
 * 「JSON の構文エラー (12 行 5 列): 」, the English reads after "JSON syntax error: ".
 */
const sentences: Record<string, Localized> = {
	InvalidSymbol: {
		ja: 'JSON で使えない文字または単語があります (文字列は二重引用符で囲みます)。',
		en: 'there is a character or word that JSON does not allow (strings go in double quotes).',
	},
	InvalidNumberFormat: {
		ja: '数値の書き方が JSON の形式ではありません。',
		en: 'the number is not written the way JSON allows.',
	},
	PropertyNameExpected: {
		ja: 'プロパティ名 (二重引用符で囲んだ文字列) が必要です。',
		en: 'a property name (a string in double quotes) is expected.',
	},
	ValueExpected: { ja: '値が必要です。', en: 'a value is expected.' },
	ColonExpected: { ja: 'コロン (:) が必要です。', en: 'a colon (:) is expected.' },
	CommaExpected: { ja: 'コンマ (,) が必要です。', en: 'a comma (,) is expected.' },
	CloseBraceExpected: {
		ja: '{ で始めたオブジェクトを閉じる波かっこ (}) が必要です。',
		en: 'a closing brace (}) is expected.',
	},
	CloseBracketExpected: {
		ja: '配列を閉じる角かっこ (]) が必要です。',
		en: 'a closing bracket (]) is expected.',
	},
	EndOfFileExpected: {
		ja: 'JSON の終わりの後に、まだテキストが続いています。',
		en: 'the JSON has ended, but more text follows.',
	},
	InvalidCommentToken: {
		ja: 'コメントの書き方が正しくありません。',
		en: 'the comment is not written correctly.',
	},
	UnexpectedEndOfComment: {
		ja: 'コメント (/* … */) が閉じられていません。',
		en: 'a comment (/* … */) is not closed.',
	},
	UnexpectedEndOfString: {
		ja: '文字列が閉じられていません (終わりの二重引用符がありません)。',
		en: 'a string is not closed (the closing double quote is missing).',
	},
	UnexpectedEndOfNumber: { ja: '数値が途中で終わっています。', en: 'a number ends too early.' },
	InvalidUnicode: {
		ja: '\\u の後に 16 進数 4 桁が必要です。',
		en: '\\u must be followed by four hexadecimal digits.',
	},
	InvalidEscapeCharacter: {
		ja: 'バックスラッシュ (\\) の後の文字は、JSON のエスケープとして使えません (Windows のパスは \\\\ と書きます)。',
		en: 'the character after the backslash (\\) is not a JSON escape (write Windows paths with \\\\).',
	},
	InvalidCharacter: {
		ja: '文字列の中に、エスケープが必要な制御文字 (タブなど) があります。タブは \\t と書きます。',
		en: 'the string contains a control character (such as a tab) that must be escaped (write a tab as \\t).',
	},
};

/** Said of an error code this table does not know (a newer jsonc-parser): never the raw name. */
const unknown: Localized = {
	ja: 'JSON として読めない箇所があります。',
	en: 'this part cannot be read as JSON.',
};

/** The sentence for a jsonc-parser error, by its code's name (`printParseErrorCode`), in ja and en. */
export function parseErrorSentence(codeName: string): Localized {
	return Object.hasOwn(sentences, codeName) ? sentences[codeName]! : unknown;
}

/**
 * Said, at the closing bracket, when the whole JSON closed there and more text follows: most often
 * one `}` or `]` too many (as in a settings string built by hand), else an opening one missing.
 */
export function closedEarlySentence(close: '}' | ']'): Localized {
	const open = close === '}' ? '{' : '[';
	return {
		ja: `この ${close} で JSON 全体が閉じていますが、その後にまだテキストが続いています。${close} が 1 つ多いか、それより前で ${open} が 1 つ足りません。`,
		en: `this ${close} closes the whole JSON, but more text follows: there is one ${close} too many, or a ${open} missing before it.`,
	};
}

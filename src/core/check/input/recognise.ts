import type { Localized } from '../types.ts';

/** What a text kvcert does not read looks like, for the message that says so (KV051). */
export type ForeignKind = 'email' | 'yaml' | 'bicep' | 'terraform' | 'markup' | 'text';

/** How each foreign kind is named in messages. */
export const foreignKindNames: Record<ForeignKind, Localized> = {
	email: { ja: 'メールの本文', en: 'an email' },
	yaml: { ja: 'YAML', en: 'YAML' },
	bicep: {
		ja: 'resource や module の宣言がない Bicep',
		en: 'Bicep without a resource or module declaration',
	},
	terraform: {
		ja: 'kvcert が読める resource や module のブロックがない Terraform (HCL)',
		en: 'Terraform (HCL) without a resource or module block kvcert can read',
	},
	markup: { ja: 'XML または HTML', en: 'XML or HTML' },
	text: {
		ja: 'JSON でもコマンドでもないテキスト',
		en: 'text that is neither JSON nor commands',
	},
};

/** Control characters or U+FFFD that text may hold (a stray DOS end-of-file mark, a bad byte). */
const strayAllowed = 8;
/** One U+FFFD in this many characters or more is binary (random bytes give about one in two). */
const replacedShare = 10;

/** C0 control characters that text does not hold (all but tab, line feed, form feed and CR). */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const controlCharacter = /[\x01-\x08\v\x0E-\x1F]/g;

/**
 * Whether a text is binary data rather than text: it holds a NUL or several other control
 * characters, or many bytes that were not UTF-8 (decoded as U+FFFD): more than one character in
 * `replacedShare`. Random bytes of any size are then one answer ("not text"), never commands or a
 * template because some line happens to start like one (issue 24, N19); a script saved in
 * Windows-1252 with accented comments (a few U+FFFD among text) is still read (rv24d item 4).
 */
export function isBinaryText(text: string): boolean {
	if (text.includes('\0')) return true;
	controlCharacter.lastIndex = 0;
	for (let found = 0; controlCharacter.exec(text) !== null;)
		if (++found >= strayAllowed) return true;
	const most = Math.max(strayAllowed, text.length / replacedShare);
	let replaced = 0;
	for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1))
		if (++replaced >= most) return true;
	return false;
}

/**
 * Tells what a text that is neither JSON nor commands looks like. Undefined when it may be JSON
 * (it starts like JSON, or like a pasted JSON fragment) or is empty.
 */
export function recogniseForeign(text: string): ForeignKind | undefined {
	if (isBinaryText(text)) return 'text';
	const body = text.replace(/^\uFEFF/, '').replace(/^(?:\s|\/\/[^\n\r]*|\/\*[\s\S]*?\*\/)+/, '');
	const first = body[0];
	if (first === undefined || first === '{' || first === '[' || first === '"') return undefined;
	const head = body.slice(0, 4000);
	if (first === '<') return 'markup';
	if (
		/^(?:from|to|subject|date|cc|sent|件名|差出人|宛先):/im.test(head) ||
		/^(?:hi|hello|dear)\b/i.test(body)
	)
		return 'email';
	if (
		/^[ \t]*(?:resource|data|provider|variable|module|terraform|output|locals)\s+(?:"|\{)/m.test(
			head
		)
	)
		return 'terraform';
	if (/^[ \t]*(?:targetScope|param|var|resource|module|output)\s+[A-Za-z_]\w*\s/m.test(head))
		return 'bicep';
	if (/^---\s*$/m.test(head) || /^[ \t]*[A-Z_][\w.-]*:(?:\s|$)/im.test(head)) return 'yaml';
	return 'text';
}

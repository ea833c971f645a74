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

/**
 * Whether a text is binary data rather than text: it holds a NUL, or several bytes that were not
 * UTF-8 (decoded as U+FFFD; one stray U+FFFD in a template is still text). Random bytes of any size
 * are then one answer ("not text"), never commands or a template because some line happens to
 * start like one (issue 24, N19).
 */
export function isBinaryText(text: string): boolean {
	if (text.includes('\0')) return true;
	let replaced = 0;
	for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1))
		if (++replaced >= 8) return true;
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

import { printParseErrorCode } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { checkSync, parseConfig } from '../../../src/core/check/index.ts';
import { parseErrorSentence } from '../../../src/core/check/json-parse-errors.ts';
import { LANGS } from '../../../src/core/i18n/lang.ts';

/** Every error code jsonc-parser has (the codes are numbered from 1 without gaps). */
const codes: number[] = [];
for (let code = 1; !printParseErrorCode(code).startsWith('<unknown'); code++) codes.push(code);
const codeNames = codes.map((code) => printParseErrorCode(code));
const rawName = new RegExp(codeNames.join('|'));

describe('JSON syntax errors told as sentences, never as parser codes', () => {
	it('has a sentence of its own for every jsonc-parser error code, in ja and en', () => {
		expect(codeNames).toContain('PropertyNameExpected');
		expect(codes.length).toBeGreaterThanOrEqual(16);
		for (const lang of LANGS) {
			const said = codes.map((code) => parseErrorSentence(printParseErrorCode(code))[lang]);
			expect(new Set(said).size, lang).toBe(codes.length);
			for (const sentence of said) expect(sentence).not.toMatch(rawName);
		}
		expect(parseErrorSentence(codeNames[2]!).ja).toMatch(/^[\u3000-\u9fff]/u);
	});

	// Broken templates as people paste them: cut off, a comma lost, a single quote, a Windows path.
	const broken: Array<[string, RegExp, RegExp]> = [
		[
			'{\n  "type": "Microsoft.Compute/virtualMachines/extensions",\n  "properties": {\n    "publisher": "Microsoft.Azure.KeyVault",\n',
			/プロパティ名 \(二重引用符で囲んだ文字列\) が必要です/,
			/a property name \(a string in double quotes\) is expected/,
		],
		[
			'{ "a": { "b": 1 }',
			/\{ で始めたオブジェクトを閉じる波かっこ \(\}\) が必要です/,
			/a closing brace \(\}\) is expected/,
		],
		['{ "a": [1, 2', /配列を閉じる角かっこ \(\]\) が必要です/, /a closing bracket/],
		['{ "a": 1 "b": 2 }', /コンマ \(,\) が必要です/, /a comma \(,\) is expected/],
		["{ 'a': 1 }", /使えない文字または単語/, /does not allow/],
		['{ "path": "C:\\data" }', /エスケープ/, /not a JSON escape/],
		['{ "a": "x', /文字列が閉じられていません/, /a string is not closed/],
	];
	for (const [text, ja, en] of broken)
		it(`says what is wrong in ${JSON.stringify(text).slice(0, 30)}…`, () => {
			for (const [lang, expected] of [
				['ja', ja],
				['en', en],
			] as const) {
				const syntax = checkSync(text, { lang }).diagnostics.filter((d) => d.ruleId === 'KV050');
				expect(syntax.length, lang).toBeGreaterThan(0);
				expect(syntax[0]!.message).toMatch(expected);
				for (const d of syntax) expect(d.message).not.toMatch(rawName);
				// The data stays the same in both languages (baseline fingerprints are made from it).
				expect(syntax[0]!.data['code']).toMatch(rawName);
			}
		});

	it('tells a broken kvcert.config.json the same way', () => {
		for (const lang of LANGS) {
			const [error] = parseConfig('{ "rules": ', lang).errors;
			expect(error!.message).not.toMatch(rawName);
			expect(error!.message).toBe(
				lang === 'ja' ? 'JSON の構文エラー: 値が必要です。' : 'not valid JSON: a value is expected.'
			);
		}
	});
});

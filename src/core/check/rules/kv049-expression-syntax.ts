import { defineRule } from '../rule.ts';

/** KV049: an ARM expression the checks depend on cannot be parsed or refers to nothing. */
export const expressionSyntaxRule = defineRule({
	id: 'KV049',
	name: 'expression-syntax',
	severity: 'error',
	meta: {
		title: {
			ja: 'ARM テンプレートの式に構文エラーがあります',
			en: 'Broken ARM template expression',
		},
		docs: {
			ja: '`[` で始まり `]` で終わる文字列は ARM の式として評価されます。括弧や引用符の閉じ忘れ、宣言されていないパラメーターや変数の参照は、デプロイの時点でエラーになります。kvcert は Key Vault VM 拡張機能の確認に使う式を解析し、構文エラーがあればここで知らせます (その値は「不明」として扱い、推測はしません)。',
			en: 'A string that starts with `[` and ends with `]` is evaluated as an ARM expression. An unclosed bracket or quote, or a reference to an undeclared parameter or variable, fails at deployment. kvcert parses the expressions its Key Vault extension checks depend on and reports broken ones here (their value is treated as unknown, never guessed).',
		},
		messages: {
			broken: {
				ja: '式を解析できません: {{detail}}',
				en: 'The expression cannot be parsed: {{detail}}',
			},
		},
		sources: [],
	},
});

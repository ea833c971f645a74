import { defineRule } from '../rule.ts';

/** KV050: the input is not valid JSON (comments and trailing commas are accepted). */
export const jsonSyntaxRule = defineRule({
	id: 'KV050',
	name: 'json-syntax',
	severity: 'error',
	meta: {
		title: { ja: 'JSON の構文エラー', en: 'JSON syntax error' },
		docs: {
			ja: 'テンプレートや設定の JSON を解析できませんでした。kvcert はコメントと末尾のカンマは受け付けますが (ARM テンプレートも受け付けます)、それ以外の構文エラーはデプロイ前に直す必要があります。解析できた部分の確認は続けます。',
			en: 'The JSON of the template or settings could not be parsed. kvcert accepts comments and trailing commas (as ARM does), but other syntax errors must be fixed before deployment. Checks continue on what could be parsed.',
		},
		messages: {
			syntax: {
				ja: 'JSON の構文エラーです ({code})。',
				en: 'JSON syntax error ({code}).',
			},
			bicep: {
				ja: 'Bicep の構文エラーです。この部分は読み取れなかったため確認していません。',
				en: 'Bicep syntax error; this part could not be read and was not checked.',
			},
			unread: {
				ja: 'この {language} のファイルは読み取っていないため、確認していません (文法ファイルを読み込めませんでした)。',
				en: 'This {language} file was not read, so it was not checked (the grammar was not loaded).',
			},
			hcl: {
				ja: 'Terraform (HCL) の構文エラーです。この部分は読み取れなかったため確認していません。',
				en: 'Terraform (HCL) syntax error; this part could not be read and was not checked.',
			},
		},
		sources: [],
	},
});

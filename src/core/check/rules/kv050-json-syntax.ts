import { defineRule } from '../rule.ts';

/** KV050: the input is not valid JSON (comments and trailing commas are accepted). */
export const jsonSyntaxRule = defineRule({
	id: 'KV050',
	name: 'json-syntax',
	severity: 'error',
	meta: {
		title: { ja: 'JSON の構文エラー', en: 'JSON syntax error' },
		docs: {
			ja: 'テンプレートや設定の JSON を解析できませんでした。kvcert はコメント、末尾のコンマ、先頭の BOM は受け付けますが (ARM テンプレートも受け付けます)、それ以外の構文エラーはデプロイ前に直す必要があります。1 つの誤りから続くエラーはまとめて 1 件として知らせます。複数行にわたる文字列は Azure CLI と Azure PowerShell では受け付けられるため、情報として知らせます。解析できた部分の確認は続けます。',
			en: 'The JSON of the template or settings could not be parsed. kvcert accepts comments, trailing commas and a leading BOM (as ARM does), but other syntax errors must be fixed before deployment. Errors that follow from one mistake are reported once. Strings broken over several lines are accepted by Azure CLI and Azure PowerShell, so they are reported as info. Checks continue on what could be parsed.',
		},
		messages: {
			syntax: {
				ja: 'JSON の構文エラー: {{problem}}',
				en: 'JSON syntax error: {{problem}}',
			},
			more: {
				ja: 'JSON の構文エラー: {{problem}}この後の {{count}} 件の構文エラーはこのエラーの影響とみなし、表示しません。',
				en: 'JSON syntax error: {{problem}} The {{count}} syntax error(s) that follow from it are not shown.',
			},
			multilineString: {
				ja: 'この文字列は複数行にわたっています。Azure CLI と Azure PowerShell からのデプロイでは受け付けられますが、Azure portal、DevOps パイプライン、REST API では受け付けられません。',
				en: 'This string spans several lines. Deployments from Azure CLI and Azure PowerShell accept it; the Azure portal, DevOps pipelines and the REST API do not.',
			},
			unread: {
				ja: 'この {{language}} のファイルは読み取っていないため、確認していません (文法ファイルを読み込めませんでした)。',
				en: 'This {{language}} file was not read, so it was not checked (the grammar was not loaded).',
			},
		},
		sources: [],
	},
});

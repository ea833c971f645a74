import type { JsonDocument } from '../json.ts';
import { defineRule, type ReportDescriptor } from '../rule.ts';
import { findTrailingCommas } from '../trailing-commas.ts';

/**
 * KV050: the input is not valid JSON (comments and trailing commas are accepted, as ARM accepts
 * them; a trailing comma is pointed at where az CLI reads the JSON, or in settings on their own).
 */
export const jsonSyntaxRule = defineRule({
	id: 'KV050',
	name: 'json-syntax',
	severity: 'error',
	meta: {
		title: { ja: 'JSON の構文エラー', en: 'JSON syntax error' },
		docs: {
			ja: 'テンプレートや設定の JSON を解析できませんでした。kvcert はコメント、末尾のコンマ、先頭の BOM は受け付けますが (ARM テンプレートも受け付けます)、それ以外の構文エラーはデプロイ前に直す必要があります。1 つの誤りから続くエラーはまとめて 1 件として知らせます。複数行にわたる文字列は Azure CLI と Azure PowerShell では受け付けられるため、情報として知らせます。解析できた部分の確認は続けます。az コマンドの `--settings` に渡す JSON (とコマンドに直接書いた `--protected-settings` の JSON) の末尾のコンマは、その位置を示します。Azure CLI はこの JSON をまず Python の `json.loads` で読みます (末尾のコンマは誤り)。失敗すると、Python のリテラルとして `ast.literal_eval` で読み直します。こちらは末尾のコンマを受け付けますが、`true`、`false`、`null` は受け付けません。この読み方は、Azure/azure-cli の `src/azure-cli-core/azure/cli/core/util.py` にある shell_safe_json_parse によるものです。そのため、これらが 1 つでもあれば az は「Failed to parse JSON」で止まり (エラー)、なければ Python のリテラルとしてだけ受け付けられます (警告)。単独で確認した設定の JSON では情報として知らせます。',
			en: 'The JSON of the template or settings could not be parsed. kvcert accepts comments, trailing commas and a leading BOM (as ARM does), but other syntax errors must be fixed before deployment. Errors that follow from one mistake are reported once. Strings broken over several lines are accepted by Azure CLI and Azure PowerShell, so they are reported as info. Checks continue on what could be parsed. A trailing comma in the `--settings` JSON of an az command (or in `--protected-settings` written inline) is pointed at: az CLI reads that JSON with Python\'s `json.loads`, which rejects it, and then as a Python literal (`ast.literal_eval`), which accepts a trailing comma but not `true`, `false` or `null` (shell_safe_json_parse in Azure/azure-cli `src/azure-cli-core/azure/cli/core/util.py`). With one of those as well, az stops with "Failed to parse JSON" (an error); without, it is accepted only as a Python literal (a warning). In settings checked on their own it is an info.',
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
			trailingCommaAzFails: {
				ja: '末尾のコンマです。Azure CLI は、{{option}} の JSON を厳密な JSON として読めないと、Python のリテラルとして読み直します。この JSON には Python にない {{keyword}} があるため、どちらでも読めず「Failed to parse JSON」で失敗します。このコンマを削除してください。',
				en: 'Trailing comma. When az CLI cannot read the {{option}} JSON as strict JSON, it reads it again as a Python literal; this JSON holds {{keyword}}, which Python literals do not have, so both fail and az stops with "Failed to parse JSON". Remove this comma.',
			},
			trailingCommaAzLiteral: {
				ja: '末尾のコンマです。厳密な JSON では誤りのため、Azure CLI は {{option}} の JSON を Python のリテラルとして読み直して受け付けています。true、false、null を 1 つでも書くと「Failed to parse JSON」で失敗するため、削除してください。',
				en: 'Trailing comma. Strict JSON rejects it; az CLI accepts the {{option}} JSON only by reading it again as a Python literal. With any true, false or null added, az fails with "Failed to parse JSON"; remove it.',
			},
			trailingCommaSettings: {
				ja: '末尾のコンマです。ARM テンプレートでは受け付けられますが、この設定を Azure CLI の --settings に渡すと、true、false、null を含む場合に「Failed to parse JSON」で失敗します。削除しておくと確実です。',
				en: 'Trailing comma. ARM templates accept it, but az CLI --settings rejects it when the JSON also holds true, false or null ("Failed to parse JSON"). Removing it is safer.',
			},
			removeComma: { ja: 'コンマを削除する', en: 'Remove the comma' },
			unread: {
				ja: 'この {{language}} のファイルは読み取っていないため、確認していません (文法ファイルを読み込めませんでした)。',
				en: 'This {{language}} file was not read, so it was not checked (the grammar was not loaded).',
			},
		},
		sources: ['C1'],
	},
});

/**
 * The trailing commas of settings JSON, each at its comma with the fix that removes it: as az CLI
 * reads `--settings` (an error when the JSON also holds true/false/null, else a warning), or as
 * settings checked on their own (an info: ARM accepts them, az may not).
 */
export function trailingCommaReports(
	doc: JsonDocument,
	use: { azOption: string } | 'settings'
): ReportDescriptor[] {
	const { commas, jsonKeyword } = findTrailingCommas(doc.text);
	return commas.map((offset): ReportDescriptor => {
		const at = { source: doc.source, start: doc.toRaw(offset), end: doc.toRaw(offset) + 1 };
		const fix = { messageId: 'removeComma', edits: [{ at, text: '' }] };
		if (use === 'settings')
			return { messageId: 'trailingCommaSettings', severity: 'info', at, fix };
		return jsonKeyword === undefined
			? {
					messageId: 'trailingCommaAzLiteral',
					severity: 'warning',
					data: { option: use.azOption },
					at,
					fix,
				}
			: {
					messageId: 'trailingCommaAzFails',
					severity: 'error',
					data: { option: use.azOption, keyword: jsonKeyword },
					at,
					fix,
				};
	});
}

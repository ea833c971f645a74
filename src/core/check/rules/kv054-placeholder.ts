import { defineRule } from '../rule.ts';

/**
 * KV054: a placeholder left from a documentation sample. Reported by the engine
 * (placeholders/settle.ts), which also drops the errors and warnings it alone would cause.
 */
export const placeholderRule = defineRule({
	id: 'KV054',
	name: 'placeholder',
	severity: 'info',
	meta: {
		title: {
			ja: 'ドキュメントのサンプルのプレースホルダーが残っています',
			en: 'A placeholder from a documentation sample is still in',
		},
		docs: {
			ja: 'Microsoft Learn のサンプルには、`<examplekv>`、`<polling interval in seconds, e.g. "3600">`、`xxxxxx-xxxx-…`、省略の `...` といったプレースホルダーがあります。kvcert はこれらを誤りとしては扱わず、何に置き換えるかを 1 つずつ示します。プレースホルダーだけが原因のエラーや警告は出しません。`...` で省略された部分は「ない」のではなく「分からない」ものとして扱うので、たとえばマネージド ID が省略されたサンプルで「マネージド ID がない」とは報告しません。置き換えたあとにもう一度確認すると、値そのものが確認されます。',
			en: 'Microsoft Learn samples hold placeholders such as `<examplekv>`, `<polling interval in seconds, e.g. "3600">`, `xxxxxx-xxxx-…` and `...` for parts left out. kvcert does not treat them as mistakes: it names each one and says what to put in its place, and reports no error or warning that only a placeholder causes. What a `...` leaves out is unknown rather than missing, so a sample whose managed identity is elided is not reported as having none. Check again after filling them in, and the values themselves are checked.',
		},
		messages: {
			vaultName: {
				ja: '{{placeholder}} はプレースホルダーです。Key Vault の名前に置き換えてください。',
				en: 'Replace the placeholder {{placeholder}} with your key vault’s name.',
			},
			certificateName: {
				ja: '{{placeholder}} はプレースホルダーです。Key Vault の証明書の名前に置き換えてください。',
				en: 'Replace the placeholder {{placeholder}} with the name of your certificate in Key Vault.',
			},
			certificateUrl: {
				ja: '{{placeholder}} はプレースホルダーです。証明書のシークレットの URL (https://<Key Vault 名>.vault.azure.net/secrets/<証明書名>) に置き換えてください。',
				en: 'Replace the placeholder {{placeholder}} with your certificate’s secret URL (https://<vault-name>.vault.azure.net/secrets/<certificate-name>).',
			},
			clientId: {
				ja: '{{placeholder}} はプレースホルダーです。使うユーザー割り当てマネージド ID のクライアント ID に置き換えてください。',
				en: 'Replace the placeholder {{placeholder}} with the client ID of your user-assigned managed identity.',
			},
			exampleId: {
				ja: '{{placeholder}} はドキュメントの例の ID です。使うユーザー割り当てマネージド ID のクライアント ID に置き換えてください。',
				en: '{{placeholder}} is the documentation’s example ID; replace it with the client ID of your user-assigned managed identity.',
			},
			msiEndpoint: {
				ja: '{{placeholder}} はプレースホルダーです。使う OS のドキュメントが示す値に置き換えてください。Azure の VM の値は、Windows では http://169.254.169.254/metadata/identity/oauth2/token です。Linux ではその末尾の /oauth2/token を除いた http://169.254.169.254/metadata/identity です。Azure Arc 対応サーバーでは http://localhost:40342/metadata/identity です。',
				en: 'Replace the placeholder {{placeholder}} with the value your OS’s documentation gives: http://169.254.169.254/metadata/identity/oauth2/token on Windows, http://169.254.169.254/metadata/identity on Linux; on Azure Arc machines, http://localhost:40342/metadata/identity.',
			},
			pollingInterval: {
				ja: '{{placeholder}} はプレースホルダーです。ポーリング間隔の秒数を文字列で書いてください (例: "3600")。',
				en: 'Replace the placeholder {{placeholder}} with the polling interval in seconds, as a string (e.g. "3600").',
			},
			resourceGroup: {
				ja: '{{placeholder}} はプレースホルダーです。リソース グループの名前に置き換えてください。',
				en: 'Replace the placeholder {{placeholder}} with your resource group’s name.',
			},
			machineName: {
				ja: '{{placeholder}} はプレースホルダーです。VM (またはスケール セット、マシン) の名前に置き換えてください。',
				en: 'Replace the placeholder {{placeholder}} with the name of your VM (or scale set, or machine).',
			},
			location: {
				ja: '{{placeholder}} はプレースホルダーです。リージョン (例: japaneast) に置き換えてください。',
				en: 'Replace the placeholder {{placeholder}} with a region (e.g. eastus).',
			},
			keyValue: {
				ja: '{{placeholder}} はプレースホルダーです。{{key}} の値に置き換えてください。',
				en: 'Replace the placeholder {{placeholder}} with a value for {{key}}.',
			},
			value: {
				ja: '{{placeholder}} はプレースホルダーです。実際の値に置き換えてください。',
				en: 'Replace the placeholder {{placeholder}} with your own value.',
			},
			elision: {
				ja: '{{placeholder}} はサンプルで省略された部分です。省略された内容は確認していません。必要な項目を書くか、削除してください。',
				en: '{{placeholder}} stands for parts the sample leaves out; what it hides is not checked. Write them out or delete it.',
			},
			choice: {
				ja: '{{placeholder}} は選択肢です。{{first}} と {{second}} のどちらか 1 つだけを書いてください。',
				en: '{{placeholder}} offers a choice: keep one of {{first}} and {{second}}.',
			},
			spaced: {
				ja: '{{placeholder}} はプレースホルダーですが、引用符の内側で前後に空白があります。空白も含めて実際の値に置き換えてください。空白を残すと値の一部になり、たとえば " https://… " は URL として読めません。',
				en: 'The placeholder {{placeholder}} has spaces around it inside its quotes; replace it together with them. Left in, the spaces become part of the value (" https://… " is not a URL).',
			},
			unclosed: {
				ja: 'プレースホルダー {{placeholder}} には閉じる山かっこがないため、行の終わりまでをプレースホルダーとして読みました。まとめて実際の値に置き換えてください。',
				en: 'The placeholder {{placeholder}} is not closed with ">"; it was read up to the end of its line. Replace it whole with your value.',
			},
		},
		sources: ['S1', 'S7'],
		examples: {
			bad: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "observedCertificates": [{ "url": "https://<examplekv>.vault.azure.net/secrets/web" }]
  }
}`,
			good: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "observedCertificates": [{ "url": "https://kvprod.vault.azure.net/secrets/web" }]
  }
}`,
		},
	},
});

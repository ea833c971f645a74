import { defineRule } from '../rule.ts';

/**
 * KV051: a part of the input kvcert did not read (settings it cannot see, a limit reached, text of
 * another kind), reported so that "no problems found" never covers what was not checked. Reported by
 * the engine itself; also names the form a pasted fragment was read as.
 */
export const unreadInputRule = defineRule({
	id: 'KV051',
	name: 'unread-input',
	// A part not read is a warning, so that `--fail-on warning` (or the config) can stop it; input
	// refused whole is an error; what was read but only in part (a pasted form, a repeated
	// resource) is an info.
	severity: 'warning',
	meta: {
		title: {
			ja: '読み取れなかった入力があります',
			en: 'Part of the input was not read',
		},
		docs: {
			ja: 'kvcert が読めなかった部分 (存在しないファイルや値の分からない変数で渡された settings、上限を超える入力、ARM JSON・settings・コマンドのどれでもないテキスト) をその場所で知らせます。読めなかった settings についての問題は表示されないため、「問題なし」とは限りません。上限は、JSON の入れ子 1,000 段、変数・パラメーター・関数の入れ子 512 段、評価した文字列 65,536 文字 (部分の数は 1,024)、評価の手間 (入力の長さに比例) です。上限を超えた値は「不明」として扱い、推測はしません。貼り付けたスニペット (外側の波かっこのない settings、拡張機能の properties、VM 上のハンドラー設定ファイル) をどの形式として読んだかもここで知らせます。Terraform では、for_each の値から作られる dynamic ブロックと、count や for_each で繰り返し作る拡張機能リソースもここで知らせます。dynamic ブロックは、Key Vault VM 拡張機能やその settings、マシンの ID やイメージ、Key Vault のアクセス ポリシーを含みうるものだけを警告にします。それ以外 (plan や secret など) は確認結果に影響しないため、ファイルごとに 1 件の情報 (info) にまとめて知らせます。Bicep と Terraform で kvcert の文法が読めない部分 (新しい構文など) も、エラーにはせず、その場所で「読んでいない」と知らせます。文法が読むのは 2,000,000 文字まで (コメント行は長さにかかわらず 1 行 16 文字と数えます) で、読む手間と作る構文木の大きさにも上限があります。読んでいない部分は既定で警告なので、`--fail-on warning` (または設定ファイル) で CI を止められます。入力全体を読まなかった場合 (JSON の入れ子が深すぎる、Bicep や Terraform のファイルが文法の上限を超えたなど) はエラーです。ただし、上限を超えたのが .bicepparam ファイルだけなら、Bicep ファイルは既定値で確認するので警告です。CLI では、Bicep と Terraform のローカル モジュール (確認するファイルのフォルダーか、そのファイルがある Git リポジトリの中にあるもの) を読み、呼び出しが渡す値でモジュールの中も確認します。読めなかったモジュール、自分自身を呼び出すモジュール、入れ子が深すぎるモジュールは、呼び出しの場所で情報として知らせます。ブラウザーのチェッカーは貼り付けた 1 つのテキストだけを読むため、ローカル モジュールの呼び出しごとに、そのモジュールを読んでいないことを知らせます。.bicepparam ファイルを読めなかった場合は、Bicep ファイルを既定値で確認したことを Bicep ファイルの側でも知らせます。',
			en: 'Reports, at its place, what kvcert could not read: settings given through a file that does not exist or a variable whose value is unknown, input over a limit, or text that is neither ARM JSON, settings nor commands. Findings about settings that were not read are not shown, so no findings does not mean no problems. The limits are 1,000 levels of JSON nesting, 512 levels of variables, parameters and calls inside each other, 65,536 characters (or 1,024 pieces) per evaluated string and an evaluation effort proportional to the input’s length; a value over a limit is treated as unknown, never guessed. It also says which form a pasted fragment was read as (settings without their outer braces, an extension’s properties, the handler settings file from a VM). In Terraform, it also reports dynamic blocks, which are made from for_each values, and extension resources repeated with count or for_each. A dynamic block is a warning only when it could hold a Key Vault VM extension, its settings, the machine’s identity or image, or a vault access policy; the others (plan, secret…) cannot change a finding and are named together in one info per file. A part of a Bicep or Terraform file kvcert’s grammar cannot read (newer syntax…) is reported at its place as not read, never as an error. The grammar reads at most 2,000,000 characters, each comment line counted as 16 whatever its length, with limits on the effort of reading and on the size of the tree it builds. A part not read is a warning by default, so `--fail-on warning` (or the config file) can stop a CI run on it; an input not read at all (JSON nested too deep, a Bicep or Terraform file over the grammar’s limits…) is an error. A .bicepparam file over the limits is a warning, because its Bicep file is still checked with its defaults. In the CLI, local Bicep and Terraform modules (inside the checked file’s folder or its Git repository) are read and checked with the values each call passes; a module that cannot be read, calls itself or nests too deep is an info at the call. The browser checker reads only the text pasted into it, so it says at each local module call that the module was not read. When a .bicepparam file cannot be read, the Bicep file also says that it was checked with its default values.',
		},
		messages: {
			fileNotRead: {
				ja: 'settings を読み取れませんでした: ファイル "{{file}}" を読めません。この拡張機能の settings についての問題は表示されません。',
				en: 'Settings not read: file "{{file}}" cannot be read — findings for them are not shown.',
			},
			variableNotRead: {
				ja: 'settings を読み取れませんでした: {{name}} の値がスクリプト内で分かりません。この拡張機能の settings についての問題は表示されません。',
				en: 'Settings not read: the value of {{name}} is not known in this script — findings for them are not shown.',
			},
			valueNotRead: {
				ja: 'settings を読み取れませんでした: この形式 ({{what}}) の値は読めません。この拡張機能の settings についての問題は表示されません。',
				en: 'Settings not read: a value written as {{what}} cannot be read — findings for them are not shown.',
			},
			partNotRead: {
				ja: 'settings を読み取れませんでした。settings の JSON に埋め込まれた {{part}} の値がこのスクリプトからは分からず、その値がかっこやコンマなどの JSON の構造を含んでいる可能性があるためです。この拡張機能の settings についての問題は表示されません。',
				en: 'Settings not read: part of their JSON is {{part}}, whose value this script does not show and which may hold part of the JSON’s structure (brackets, commas) — findings for them are not shown.',
			},
			settingStringPath: {
				ja: '-SettingString には JSON の文字列を渡します。ファイルのパスを渡すと、パスそのものが settings になり、拡張機能は失敗します。ファイルから読むには -SettingString (Get-Content -Raw {{path}}) としてください。',
				en: '-SettingString takes JSON text, not a file: the path itself becomes the settings and the extension fails. To read the file, write -SettingString (Get-Content -Raw {{path}}).',
			},
			settingPathString: {
				ja: '{{option}} にはハッシュテーブル (@{ … }) を渡します。ファイルのパス "{{path}}" を渡すと、ファイルの中身ではなくパスの文字列が settings としてマシンに届き、拡張機能は失敗します。ファイルを読むには {{option}} (Get-Content -Raw "{{path}}" | ConvertFrom-Json -AsHashtable) のように書いてください (PowerShell 7 以降)。',
				en: '{{option}} takes a hashtable (@{ … }): given the path "{{path}}", the path string, not the file, reaches the machine as settings and the extension fails. To read the file, write {{option}} (Get-Content -Raw "{{path}}" | ConvertFrom-Json -AsHashtable) (PowerShell 7 or later).',
			},
			settingFileText: {
				ja: '{{option}} にはハッシュテーブル (@{ … }) を渡します。Get-Content が返すのはファイル "{{path}}" の中身の文字列なので、settings が文字列のままマシンに届き、拡張機能は "not an object" で失敗します。{{option}} (Get-Content -Raw "{{path}}" | ConvertFrom-Json -AsHashtable) のように書いてください (PowerShell 7 以降)。',
				en: '{{option}} takes a hashtable (@{ … }): Get-Content gives the text of "{{path}}", a string, which reaches the machine as a string, and the extension fails with "not an object". Write {{option}} (Get-Content -Raw "{{path}}" | ConvertFrom-Json -AsHashtable) (PowerShell 7 or later).',
			},
			settingConvertToJson: {
				ja: '{{option}} にはハッシュテーブルをそのまま渡します。(ConvertTo-Json …) で JSON の文字列にすると settings が文字列のままマシンに届き、拡張機能は "not an object" で失敗します。ConvertTo-Json を外してください。',
				en: '{{option}} takes the hashtable itself: made into JSON text by (ConvertTo-Json …), the settings reach the machine as a string and the extension fails with "not an object". Drop the ConvertTo-Json.',
			},
			settingAsString: {
				ja: '{{option}} にはハッシュテーブル (@{ … }) を渡します。JSON の文字列を渡すと settings が文字列のままマシンに届き、拡張機能は "not an object" で失敗します。',
				en: '{{option}} takes a hashtable (@{ … }): a JSON string here reaches the machine as a string, and the extension fails with "not an object".',
			},
			tooDeep: {
				ja: 'JSON の入れ子が {{limit}} 段を超えています。kvcert はこの入力を読みません (ここで上限を超えました)。',
				en: 'JSON nested deeper than {{limit}} levels: kvcert does not read this input (the limit is reached here).',
			},
			limitDepth: {
				ja: '変数・パラメーター・関数の入れ子が {{limit}} 段を超えたため、ここから先の値は「不明」として扱います。',
				en: 'Variables, parameters and calls nest deeper than {{limit}} levels: values beyond this point are treated as unknown.',
			},
			limitSize: {
				ja: '評価した値が大きすぎる ({{limit}} 文字または 1,024 個の部分を超える) ため、「不明」として扱います。',
				en: 'The evaluated value is too large (over {{limit}} characters or 1,024 pieces): it is treated as unknown.',
			},
			limitWork: {
				ja: '式の評価が上限に達したため、ここから先の値は「不明」として扱います。',
				en: 'Expression evaluation reached its limit: values from here on are treated as unknown.',
			},
			notRecognised: {
				ja: 'このテキストは {{recognised}} のようです。kvcert check が読むのは、ARM テンプレート (JSON)、パラメーター ファイル、Bicep、Terraform、Key Vault VM 拡張機能の settings (JSON) です。Azure CLI と Azure PowerShell のコマンドも読みます。',
				en: 'This text looks like {{recognised}}. kvcert check reads ARM templates (JSON), parameters files, Bicep, Terraform, Key Vault VM extension settings (JSON), and Azure CLI and Azure PowerShell commands.',
			},
			dynamicBlock: {
				ja: 'dynamic "{{name}}" ブロックは for_each の値から作られるため、読み取っていません。このブロックから作られる {{name}} についての問題は表示されません。',
				en: 'The dynamic "{{name}}" block is made from its for_each value, so it was not read: findings about the {{name}} blocks it makes are not shown.',
			},
			dynamicBlocksNotNeeded: {
				ja: 'dynamic ブロック {{names}} は for_each の値から作られるため、読み取っていません。ただし、これらのブロックは Key Vault VM 拡張機能、その settings、マシンの ID やイメージ、Key Vault のアクセス ポリシーのどれにも関係しないため、確認結果には影響しません。',
				en: 'The dynamic blocks {{names}} are made from their for_each values and were not read; none of them can hold a Key Vault VM extension, its settings, the machine’s identity or image, or a vault access policy, so no finding depends on them.',
			},
			repeated: {
				ja: 'このリソースは {{argument}} で繰り返し作られます。すべてのインスタンスをまとめて 1 つとして確認し、{{argument}} から来る値 (each.value、count.index など) は「不明」として扱います。',
				en: 'This resource is repeated with {{argument}}: its instances are checked as one, and values that come from {{argument}} (each.value, count.index…) are treated as unknown.',
			},
			grammarGap: {
				ja: 'kvcert の {{language}} 文法ではこの部分を読めませんでした (文法が知らない構文か、構文エラーです)。この部分は確認していません。ファイルの残りは確認しました。',
				en: 'kvcert’s {{language}} grammar could not read this part (a construct it does not know, or a syntax error): it was not checked; the rest of the file was.',
			},
			bicepExtension: {
				ja: 'Bicep 拡張機能の宣言 "{{declaration}}" は読み取っていません (kvcert の Bicep 文法は extension 文に対応していません)。この宣言は VM 拡張機能とは関係がありません。ファイルの残りは確認しました。',
				en: 'The Bicep extension declaration "{{declaration}}" was not read (kvcert’s Bicep grammar does not know extension statements); it declares no VM extension, and the rest of the file was checked.',
			},
			extensionNotRead: {
				ja: 'kvcert の {{language}} 文法では、Key Vault VM 拡張機能を含むこの部分を読めませんでした (文法が知らない構文か、構文エラーです)。この拡張機能は確認していません。',
				en: 'kvcert’s {{language}} grammar could not read this part, which holds a Key Vault VM extension (a construct it does not know, or a syntax error): that extension was not checked.',
			},
			moduleNotChecked: {
				ja: 'このモジュール呼び出しは Key Vault VM 拡張機能をモジュールに渡していますが、kvcert はこのモジュールの中を読んでいないため、確認していません (ローカル モジュールを読むのは CLI だけです)。',
				en: 'This module call passes a Key Vault VM extension to the module; kvcert did not read inside this module (only the CLI reads local modules), so it was not checked.',
			},
			moduleNotRead: {
				ja: 'ローカル モジュール {{path}} を読めなかったため、モジュールの中は確認していません (ファイルがないか、呼び出し元のファイルのフォルダーにも、その Git リポジトリにもありません)。kvcert が読むローカル モジュールは、確認するファイルのフォルダーか、そのファイルがある Git リポジトリの中にあるものだけです。このモジュールも確認するには、モジュールのファイルだけを kvcert check で確認する (パラメーターは既定値になります) か、モジュールを同じリポジトリの中に置いてください。',
				en: 'Local module {{path}} was not read (missing, or outside the calling file’s folder and its Git repository): what it declares was not checked. kvcert reads local modules only inside the checked file’s folder or the Git repository it is in; to check this one too, run kvcert check on the module’s file itself (its parameters take their default values), or keep the module inside the same repository.',
			},
			moduleCycle: {
				ja: 'ローカル モジュール {{path}} は呼び出しが循環している (たどると、このモジュールを呼び出すモジュールに戻る) ため、ここではたどっていません。',
				en: 'Local module {{path}} was not followed here: it leads back to a module that calls it (a cycle).',
			},
			moduleLimit: {
				ja: 'ローカル モジュール {{path}} はたどっていません。モジュール呼び出しの入れ子が {{depth}} 段を超えたか、読んだモジュールのファイルが {{files}} 個を超えました。モジュールの中は確認していません。',
				en: 'Local module {{path}} was not followed: module calls nest deeper than {{depth}} levels, or more than {{files}} module files were read. What it declares was not checked.',
			},
			moduleParseLimit: {
				ja: 'ローカル モジュール {{path}} は読んでいません。kvcert の文法で読める大きさ ({{limit}} 文字まで) を超えているか、読むのに手間のかかりすぎる構文を含んでいます。モジュールの中は確認していません。',
				en: 'Local module {{path}} was not read: it is over what kvcert’s grammar reads (at most {{limit}} characters) or too costly to parse. What it declares was not checked.',
			},
			moduleNotReadHere: {
				ja: 'このチェッカーは貼り付けた 1 つのテキストだけを読むため、モジュール {{path}} はここでは読んでおらず、モジュールの中は確認していません。中も確認するには、CLI の kvcert check でこのファイルを確認する (ローカル モジュールもたどります) か、モジュールのファイルをここに貼り付けてください。',
				en: 'Module {{path}} is not read here (this checker reads only the text you pasted), so what it declares was not checked. To check it too, run kvcert check from the CLI on this file (it follows local modules), or paste the module’s file here.',
			},
			parametersNotRead: {
				ja: 'パラメーター ファイル {{path}} は、大きすぎるか、読むのに手間のかかりすぎる構文を含むため、読めませんでした。このファイルのパラメーターは既定値で確認しています。デプロイで渡す値と異なる可能性があります。',
				en: 'Parameters not read: {{path}} could not be read (too large, or too costly to parse), so this file was checked with its default values, which may not be what is deployed.',
			},
			parametersJsonNotRead: {
				ja: 'パラメーター ファイル {{path}} は読めませんでした。kvcert が Bicep ファイルのパラメーターを読むのは、.bicepparam ファイルか、{ "parameters": { "名前": { "value": … } } } の形式の JSON ファイルです。そのため Bicep ファイルはパラメーターの既定値で確認しており、デプロイで渡す値とは違う可能性があります。',
				en: 'Parameters not read: {{path}} is neither a .bicepparam file nor a JSON parameters file ({ "parameters": { "name": { "value": … } } }) kvcert could read, so the Bicep file was checked with its parameters’ default values, which may not be what is deployed.',
			},
			parametersPartlyRead: {
				ja: 'パラメーター ファイル {{path}} に読めない部分があります。そこで設定しているパラメーターは、このファイルの既定値で確認しています。',
				en: 'Parameters partly read: {{path}} has parts that could not be read; parameters set there were checked with this file’s default values.',
			},
			parseLimit: {
				ja: 'kvcert の {{language}} 文法はここで読むのをやめました。原因は、ファイルが大きすぎること (コメント行は長さにかかわらず 1 行 16 文字と数えて {{limit}} 文字まで) か、読むのに手間がかかりすぎる構文 (閉じていないコメントや文字列、補間、小さな要素が非常に多く並ぶ部分など) です。このファイルはどこも確認していません。',
				en: 'kvcert’s {{language}} grammar stopped reading here: the file is too large (at most {{limit}} characters, each comment line counted as 16 whatever its length) or too costly to parse (an unclosed comment, string or interpolation, or a very long run of small items, can make it so). Nothing in this file was checked.',
			},
			internalError: {
				ja: 'kvcert の内部エラーのため、このファイルを確認できませんでした ({{detail}})。ほかのファイルは確認しています。お手数ですが、この入力とともに報告してください。',
				en: 'kvcert could not check this file because of an internal error ({{detail}}); other files were checked. Please report it with this input.',
			},
			notText: {
				ja: 'このファイルはテキストとして読めません (バイナリ データか、UTF-8 と UTF-16 以外の文字コードで書かれています)。このファイルはどこも確認していません。',
				en: 'This file cannot be read as text (binary data, or an encoding other than UTF-8 and UTF-16): nothing in it was checked.',
			},
			readAs: {
				ja: '{{form}} として読みました。位置は貼り付けたテキストでの位置です。',
				en: 'Read as {{form}}; positions are in the pasted text.',
			},
		},
		sources: [],
	},
});

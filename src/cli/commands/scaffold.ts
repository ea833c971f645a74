import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
	defaultOptions,
	defaultPollingInterval,
	scaffold,
	scaffoldFormats,
	type CertificateOptions,
	type Refusal,
	type ScaffoldFormat,
	type ScaffoldOptions,
	type ScaffoldTarget,
} from '../../core/scaffold/index.ts';
import { escapeControlCharacters } from '../../core/terminal-text.ts';
import { format as formatMessage, type Lang } from '../../core/i18n/index.ts';
import { uiTranslator } from '../../core/i18n/ui-strings.ts';
import { describeArgsError } from '../args-error.ts';
import { cliLanguage, langOption } from '../cli-language.ts';
import { makeFolder } from '../make-folder.ts';

const HELP: Record<Lang, string> = {
	en: `Usage:
  kvcert scaffold --os windows|linux --vault <name> --cert <name>[,<name>…] [options]
      Writes a Key Vault VM extension template that passes kvcert check: ARM (with a
      parameters file), Bicep, Terraform (azurerm), an az CLI script with its settings file,
      or Azure PowerShell. Answers the chosen version does not take are refused with the reason.

Options:
  --os windows|linux          Operating system of the machine (required)
  --version <v>               typeHandlerVersion (default: the current one, 4.0)
  --target <t>                vm, vmss (Uniform), vmss-flexible or arc (default vm)
  --machine existing|new      Add to an existing machine, or create it too (ARM, Bicep,
                              Terraform; default existing)
  --name <machine>            Name of the VM, scale set or Arc server (default my-vm)
  --resource-group <rg>       Resource group of the machine (default my-rg)
  --subnet-id <id>            Subnet of a new machine (its resource ID)
  --identity system|user:<client-id>
                              Managed identity the extension signs in with (default system)
  --identity-id <resource-id> Resource ID of the user-assigned identity (with user:…)
  --vault <name>              Key vault that holds the certificates (required)
  --cloud public|china|usgov  Cloud of the vault, for the URLs in scripts (default public)
  --cert <name>[,<name>…]     Certificates to install (required; repeatable)
  --store <name>              Windows: certificate store (default MY)
  --store-location <l>        Windows: LocalMachine or CurrentUser (default LocalMachine)
  --account <name>            Windows: account with read access to the private keys (repeatable)
  --key-exportable            Windows 3.0: let the private keys be exported
  --link-on-renewal           Windows 3.0: link renewed certificates
  --path <dir>                Linux: folder for the certificates
                              (default /var/lib/waagent/Microsoft.Azure.KeyVault.Store)
  --link-name <name>          Linux 3.0: name of the link to the newest version
  --acl <user>[:<group>]      Linux: user and group with read access (repeatable; :<group> alone
                              for a group)
  --require-initial-sync      Version 3.0: report success only once the certificates are in
  --polling <seconds>         Polling interval (default 3600; 300 to 3600 in 4.0)
  --access role|policy|none   Grant the identity read access: a Key Vault Secrets User role
                              assignment, an access policy, or none (default role)
  --form child|nested         ARM/Bicep/Terraform: the extension as a child resource, or nested
                              in a new machine (default child; nested for a new scale set)
  --format <f>                arm, bicep, terraform, azcli or powershell (default arm)
  --out <dir>                 Write the files into this folder (default: print them)
  --lang ja|en                Language of messages and of the comments in the files
  -h, --help                  Show this help

The settings given per certificate apply to every --cert; the site's template builder sets them
one by one. Exit codes: 0 written, 2 usage error, refused answers or an --out that cannot be written.`,
	ja: `使い方:
  kvcert scaffold --os windows|linux --vault <名前> --cert <名前>[,<名前>…] [オプション]
      kvcert check を通る Key Vault VM 拡張機能のテンプレートを書き出します。ARM (パラメーター
      ファイル付き)、Bicep、Terraform (azurerm)、設定ファイル付きの Azure CLI スクリプト、
      Azure PowerShell から選べます。選んだバージョンで使えない設定は、理由を示して
      書き出しません。

オプション:
  --os windows|linux          マシンの OS (必須)
  --version <v>               typeHandlerVersion (既定: 現在のバージョン 4.0)
  --target <t>                vm、vmss (Uniform)、vmss-flexible、arc のどれか (既定: vm)
  --machine existing|new      既存のマシンに追加するか、マシンも作成するか (new は ARM、
                              Bicep、Terraform のみ。既定: existing)
  --name <マシン名>           VM、スケール セット、Azure Arc 対応サーバーの名前 (既定: my-vm)
  --resource-group <rg>       マシンのリソース グループ (既定: my-rg)
  --subnet-id <id>            新しいマシンのサブネット (リソース ID)
  --identity system|user:<クライアント ID>
                              拡張機能がサインインに使うマネージド ID (既定: system)
  --identity-id <リソース ID> ユーザー割り当てマネージド ID のリソース ID (user:… と併用)
  --vault <名前>              証明書が入っている Key Vault (必須)
  --cloud public|china|usgov  Key Vault のクラウド。スクリプトの URL に使います (既定: public)
  --cert <名前>[,<名前>…]     インストールする証明書 (必須。複数回指定できます)
  --store <名前>              Windows: 証明書ストア (既定: MY)
  --store-location <場所>     Windows: LocalMachine か CurrentUser (既定: LocalMachine)
  --account <名前>            Windows: 秘密鍵を読み取れるアカウント (複数回指定できます)
  --key-exportable            Windows 3.0: 秘密鍵のエクスポートを許可します
  --link-on-renewal           Windows 3.0: 古い証明書を更新後の証明書にリンクします
  --path <フォルダー>         Linux: 証明書を置くフォルダー
                              (既定: /var/lib/waagent/Microsoft.Azure.KeyVault.Store)
  --link-name <名前>          Linux 3.0: 最新のバージョンを指すリンクの名前
  --acl <ユーザー>[:<グループ>]
                              Linux: 読み取りを許可するユーザーとグループ (複数回指定できます。
                              グループだけなら :<グループ>)
  --require-initial-sync      バージョン 3.0: 証明書のインストールが終わってから成功を報告します
  --polling <秒>              ポーリング間隔 (既定: 3600。4.0 では 300～3600)
  --access role|policy|none   ID に読み取りを許可する方法。role は Key Vault シークレット
                              ユーザーのロールの割り当て、policy はアクセス ポリシー、none は
                              許可しない (既定: role)
  --form child|nested         ARM、Bicep、Terraform: 拡張機能を子リソースとして書くか、新しい
                              マシンの中に入れ子で書くか (既定: child。新しいスケール セットは nested)
  --format <形式>             arm、bicep、terraform、azcli、powershell のどれか (既定: arm)
  --out <フォルダー>          ファイルをこのフォルダーへ書き出します (既定: 画面に表示)
  --lang ja|en                メッセージとファイル内のコメントの言語
  -h, --help                  このヘルプを表示します

証明書ごとの設定は、指定したすべての --cert に適用します。証明書ごとに変えるには、サイトの
テンプレート ビルダーを使ってください。終了コード: 0 は書き出し成功、2 は使い方の誤り、
書き出せない回答、または書き込めない --out です。`,
};

const MESSAGES: Record<
	Lang,
	{
		required: string;
		badValue: string;
		badNumber: string;
		identityId: string;
		refused: string;
		unwritable: string;
		wrote: string;
		usageHint: string;
	}
> = {
	en: {
		required: 'kvcert scaffold: {{option}} is required.',
		badValue: 'kvcert scaffold: {{option}} must be one of {{allowed}}, not "{{value}}".',
		badNumber: 'kvcert scaffold: {{option}} must be a whole number, not "{{value}}".',
		identityId: 'kvcert scaffold: --identity user:<client-id> needs --identity-id <resource-id>.',
		refused: 'kvcert scaffold: these answers cannot be written as {{format}}:',
		unwritable: 'kvcert scaffold: cannot write {{path}} ({{reason}}).',
		wrote: 'Wrote {{path}}',
		usageHint: 'Run `kvcert scaffold --help` for the options.',
	},
	ja: {
		required: 'kvcert scaffold: {{option}} を指定してください。',
		badValue:
			'kvcert scaffold: {{option}} には {{allowed}} のどれかを指定してください ("{{value}}" は使えません)。',
		badNumber:
			'kvcert scaffold: {{option}} には整数を指定してください ("{{value}}" は使えません)。',
		identityId:
			'kvcert scaffold: --identity user:<クライアント ID> には --identity-id <リソース ID> も指定してください。',
		refused: 'kvcert scaffold: 次の理由で、この回答は {{format}} として書き出せません:',
		unwritable: 'kvcert scaffold: {{path}} に書き込めません ({{reason}})。',
		wrote: '{{path}} に書き出しました',
		usageHint: 'オプションは `kvcert scaffold --help` で確認できます。',
	},
};

/** The command-line option that gave each answer, to name it in a refusal. */
function optionOf(field: string): string {
	const [head, , leaf] = field.split('.');
	const byLeaf: Record<string, string> = {
		name: '--cert',
		storeName: '--store',
		storeLocation: '--store-location',
		accounts: '--account',
		keyExportable: '--key-exportable',
		path: '--path',
		symbolicLinkName: '--link-name',
		acls: '--acl',
	};
	if (head === 'certificates') return (leaf && byLeaf[leaf]) ?? '--cert';
	const byField: Record<string, string> = {
		version: '--version',
		target: '--target',
		machine: '--machine',
		machineName: '--name',
		resourceGroup: '--resource-group',
		identity: '--identity',
		'identity.clientId': '--identity',
		'identity.resourceId': '--identity-id',
		vaultName: '--vault',
		pollingIntervalInS: '--polling',
		linkOnRenewal: '--link-on-renewal',
		requireInitialSync: '--require-initial-sync',
		form: '--form',
		subnetId: '--subnet-id',
	};
	return byField[field] ?? byField[head ?? ''] ?? field;
}

const targets: Record<string, ScaffoldTarget> = {
	vm: 'vm',
	vmss: 'vmss-uniform',
	'vmss-uniform': 'vmss-uniform',
	'vmss-flexible': 'vmss-flexible',
	arc: 'arc',
};

/** Runs `kvcert scaffold`; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
	const lang0: Lang = cliLanguage(langOption(args));
	let parsed;
	try {
		parsed = parseArgs({
			args,
			strict: true,
			options: {
				os: { type: 'string' },
				version: { type: 'string' },
				target: { type: 'string', default: 'vm' },
				machine: { type: 'string', default: 'existing' },
				name: { type: 'string' },
				'resource-group': { type: 'string' },
				'subnet-id': { type: 'string' },
				identity: { type: 'string', default: 'system' },
				'identity-id': { type: 'string' },
				vault: { type: 'string' },
				cloud: { type: 'string', default: 'public' },
				cert: { type: 'string', multiple: true },
				store: { type: 'string' },
				'store-location': { type: 'string' },
				account: { type: 'string', multiple: true },
				'key-exportable': { type: 'boolean' },
				'link-on-renewal': { type: 'boolean' },
				path: { type: 'string' },
				'link-name': { type: 'string' },
				acl: { type: 'string', multiple: true },
				'require-initial-sync': { type: 'boolean' },
				polling: { type: 'string' },
				access: { type: 'string', default: 'role' },
				form: { type: 'string' },
				format: { type: 'string', default: 'arm' },
				out: { type: 'string' },
				lang: { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false },
			},
		});
	} catch (error) {
		console.error(`kvcert scaffold: ${describeArgsError(error, lang0)}`);
		console.error(MESSAGES[lang0].usageHint);
		return 2;
	}
	const { values } = parsed;
	const lang: Lang = values.lang === 'ja' || values.lang === 'en' ? values.lang : lang0;
	const text = MESSAGES[lang];
	const fail = (template: string, data: Record<string, string> = {}) => {
		console.error(escapeControlCharacters(formatMessage(template, data)));
		console.error(text.usageHint);
		return 2;
	};
	if (values.help) {
		console.log(HELP[lang]);
		return 0;
	}
	const choices: Array<[string, string | undefined, readonly string[]]> = [
		['--lang', values.lang, ['ja', 'en']],
		['--os', values.os, ['windows', 'linux']],
		['--target', values.target, Object.keys(targets)],
		['--machine', values.machine, ['existing', 'new']],
		['--cloud', values.cloud, ['public', 'china', 'usgov']],
		['--access', values.access, ['role', 'policy', 'none']],
		['--form', values.form, ['child', 'nested']],
		['--format', values.format, scaffoldFormats],
		['--store-location', values['store-location'], ['LocalMachine', 'CurrentUser']],
	];
	for (const [option, value, allowed] of choices)
		if (value !== undefined && !allowed.includes(value))
			return fail(text.badValue, { option, value, allowed: allowed.join(', ') });
	for (const option of ['os', 'vault', 'cert'] as const)
		if (values[option] === undefined) return fail(text.required, { option: `--${option}` });

	const os = values.os as 'windows' | 'linux';
	const version = values.version ?? defaultOptions(os).version;
	const base = defaultOptions(os);
	let identity: ScaffoldOptions['identity'] = { kind: 'system' };
	if (values.identity !== 'system') {
		const user = /^user:(.*)$/.exec(values.identity ?? '');
		if (!user)
			return fail(text.badValue, {
				option: '--identity',
				value: values.identity ?? '',
				allowed: 'system, user:<client-id>',
			});
		if (values['identity-id'] === undefined) return fail(text.identityId);
		identity = { kind: 'user', clientId: user[1]!, resourceId: values['identity-id'] };
	}
	let pollingIntervalInS = defaultPollingInterval(os, version);
	if (values.polling !== undefined) {
		if (!/^\d{1,9}$/.test(values.polling))
			return fail(text.badNumber, { option: '--polling', value: values.polling });
		pollingIntervalInS = Number(values.polling);
	}
	const acls = values.acl?.map((entry) => {
		const [user, group] = entry.split(':');
		return { ...(user ? { user } : {}), ...(group ? { group } : {}) };
	});
	const certificates: CertificateOptions[] = (values.cert ?? [])
		.flatMap((list) => list.split(','))
		.map((name) => name.trim())
		.filter((name) => name !== '')
		.map((name) => ({
			name,
			...(values.store !== undefined ? { storeName: values.store } : {}),
			...(values['store-location'] !== undefined
				? { storeLocation: values['store-location'] as 'LocalMachine' | 'CurrentUser' }
				: {}),
			...(values.account ? { accounts: values.account } : {}),
			...(values['key-exportable'] !== undefined
				? { keyExportable: values['key-exportable'] }
				: {}),
			...(values.path !== undefined ? { path: values.path } : {}),
			...(values['link-name'] !== undefined ? { symbolicLinkName: values['link-name'] } : {}),
			...(acls ? { acls } : {}),
		}));
	const target = targets[values.target ?? 'vm']!;
	const machine = values.machine as 'existing' | 'new';
	const options: ScaffoldOptions = {
		...base,
		version,
		target,
		machine,
		machineName: values.name ?? base.machineName,
		resourceGroup: values['resource-group'] ?? base.resourceGroup,
		identity,
		vaultName: values.vault!,
		cloud: values.cloud as ScaffoldOptions['cloud'],
		certificates,
		pollingIntervalInS,
		access: values.access as ScaffoldOptions['access'],
		// A new scale set gets the extension in its model: nested unless asked otherwise.
		form:
			(values.form as ScaffoldOptions['form'] | undefined) ??
			(machine === 'new' && target !== 'vm' && target !== 'arc' ? 'nested' : 'child'),
		...(values['subnet-id'] !== undefined ? { subnetId: values['subnet-id'] } : {}),
		...(values['link-on-renewal'] !== undefined
			? { linkOnRenewal: values['link-on-renewal'] }
			: {}),
		...(values['require-initial-sync'] !== undefined
			? { requireInitialSync: values['require-initial-sync'] }
			: {}),
	};

	const format = values.format as ScaffoldFormat;
	const t = uiTranslator(lang);
	const result = scaffold(options, format, t);
	if (!result.ok) {
		console.error(formatMessage(text.refused, { format }));
		for (const refusal of uniqueRefusals(result.refusals))
			console.error(
				escapeControlCharacters(
					`  ${optionOf(refusal.field)}: ${t(`kvcert.builder.refusal.${refusal.code}`, refusal.data)}`
				)
			);
		return 2;
	}
	if (values.out === undefined) {
		const several = result.files.length > 1;
		result.files.forEach((file, i) => {
			if (several) process.stdout.write(`${i > 0 ? '\n' : ''}==> ${file.name} <==\n`);
			process.stdout.write(file.text);
		});
		return 0;
	}
	const folder = resolve(values.out);
	for (const file of result.files) {
		const path = join(folder, file.name);
		try {
			makeFolder(folder);
			writeFileSync(path, file.text, file.language === 'bash' ? { mode: 0o755 } : {});
		} catch (error) {
			console.error(
				escapeControlCharacters(
					formatMessage(text.unwritable, {
						path,
						reason: (error as NodeJS.ErrnoException).code ?? 'error',
					})
				)
			);
			return 2;
		}
		console.error(escapeControlCharacters(formatMessage(text.wrote, { path })));
	}
	return 0;
}

/** One line per reason and option (the same reason for every certificate is said once). */
function uniqueRefusals(refusals: Refusal[]): Refusal[] {
	const seen = new Set<string>();
	return refusals.filter((r) => {
		const key = `${r.code} ${optionOf(r.field)} ${JSON.stringify(r.data)}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/**
 * Entry of the `kvcert` command: picks the subcommand and hands it the remaining arguments.
 * Each subcommand lives in ./commands/<name>.ts and exports `run(args): Promise<number>` (the exit code);
 * it is loaded only when it runs, so `kvcert check` never loads the Azure SDK or the emulator.
 */
import { format } from '../core/i18n/format.ts';
import type { Lang } from '../core/i18n/lang.ts';
import { cliLanguage, langOption } from './cli-language.ts';
import { describeInternalError } from './internal-error.ts';
import { kvcertVersion } from './version.ts';

type Command = {
	summary: { ja: string; en: string };
	load: () => Promise<{ run: (args: string[]) => Promise<number> }>;
};

const commands: Record<string, Command> = {};

/** Registers a subcommand; each command file's loader is listed here so help stays complete. */
function command(name: string, summary: Command['summary'], load: Command['load']) {
	commands[name] = { summary, load };
}

// Subcommands are registered by the features that provide them (check, thumbprint, compare, emulator…).
command(
	'check',
	{
		ja: 'ARM テンプレート、Bicep、Terraform、設定ファイル、コマンドの Key Vault VM 拡張機能の設定を確認します',
		en: 'Check Key Vault VM extension settings in ARM templates, Bicep, Terraform, settings files and commands',
	},
	() => import('./commands/check.ts')
);
command(
	'explain',
	{
		ja: 'ルールの説明 (理由、誤りの例と正しい例、出典) を表示します',
		en: "Print a rule's docs (why, wrong and right examples, sources)",
	},
	() => import('./commands/explain.ts')
);
command(
	'rules',
	{ ja: 'kvcert check のルールを一覧表示します', en: "List kvcert check's rules" },
	() => import('./commands/rules.ts')
);
command(
	'thumbprint',
	{
		ja: '証明書ファイル、または Key Vault の証明書の全バージョンの SHA-1/SHA-256 拇印を表示します',
		en: 'SHA-1/SHA-256 of a certificate file, or of every version in a vault',
	},
	() => import('./commands/thumbprint.ts')
);
command(
	'compare',
	{
		ja: 'Key Vault の現在のバージョンが VM にインストールされているかを確認します (終了コード 0 = はい、1 = いいえ)',
		en: 'Is the current vault version installed on the VM? (exit 0 yes, 1 no)',
	},
	() => import('./commands/compare.ts')
);
command(
	'scaffold',
	{
		ja: 'Key Vault VM 拡張機能のテンプレート (ARM、Bicep、Terraform、Azure CLI、PowerShell) を書き出します',
		en: 'Write a Key Vault VM extension template (ARM, Bicep, Terraform, az CLI, PowerShell)',
	},
	() => import('./commands/scaffold.ts')
);
command(
	'emulator',
	{
		ja: 'デモ用の証明書を入れたローカルの Key Vault と IMDS のエミュレーターを起動します',
		en: 'Run the local Key Vault + IMDS emulator with the demo vault',
	},
	() => import('./commands/emulator.ts')
);

const text = {
	usage: { ja: '使い方: kvcert <コマンド> [オプション]', en: 'Usage: kvcert <command> [options]' },
	commands: { ja: 'コマンド:', en: 'Commands:' },
	options: {
		ja: 'オプション:\n  --version       バージョンを表示します\n  --lang ja|en    ヘルプの言語 (既定: 環境変数 KVCERT_LANG、LC_ALL、LANG から)\n  -h, --help      このヘルプを表示します',
		en: 'Options:\n  --version       print the version\n  --lang ja|en    language of the help (default: from KVCERT_LANG, LC_ALL or LANG)\n  -h, --help      show this help',
	},
	more: {
		ja: 'コマンドのオプションは `kvcert <コマンド> --help` で表示されます。',
		en: 'Run `kvcert <command> --help` for a command’s options.',
	},
	unknown: {
		ja: "kvcert: '{{name}}' というコマンドはありません。",
		en: "kvcert: unknown command '{{name}}'",
	},
};

const usage = (lang: Lang) =>
	[
		text.usage[lang],
		'',
		text.commands[lang],
		...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary[lang]}`),
		'',
		text.options[lang],
		'',
		text.more[lang],
	].join('\n');

/**
 * Runs the CLI with argv (without node and script) and resolves to the exit code. This is the one
 * top-level handler: an error no command expected (commands turn every known failure into their
 * own message and exit code) prints one line asking for a report, never a stack trace, and exits 2.
 */
export async function main(argv: string[]): Promise<number> {
	const lang = () => cliLanguage(langOption(argv));
	const internalError = (error: unknown) => {
		console.error(describeInternalError(error, lang()));
		process.exit(2);
	};
	// Errors thrown outside the awaited chain (a timer, a socket event) end the same way.
	process.once('uncaughtException', internalError);
	process.once('unhandledRejection', internalError);
	try {
		return await runCommand(argv);
	} catch (error) {
		console.error(describeInternalError(error, lang()));
		return 2;
	}
}

async function runCommand(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	const entry = name === undefined ? undefined : commands[name];
	if (entry) return (await entry.load()).run(rest);
	if (argv.includes('--version') || argv.includes('-V')) {
		console.log(kvcertVersion);
		return 0;
	}
	const lang = cliLanguage(langOption(argv));
	const help = argv.includes('--help') || argv.includes('-h');
	if (help || argv.length === 0 || name?.startsWith('--lang')) {
		if (help) {
			console.log(usage(lang));
			return 0;
		}
		console.error(usage(lang));
		return 2;
	}
	console.error(`${format(text.unknown[lang], { name: name ?? '' })}\n\n${usage(lang)}`);
	return 2;
}

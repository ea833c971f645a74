import { parseArgs } from 'node:util';
import { decodeText } from '../../core/text-encoding.ts';
import { compareVersions } from '../../core/thumbprint/compare-versions.ts';
import { describeComparison } from '../../core/thumbprint/describe-comparison.ts';
import { readThumbprints, THUMBPRINT_LIMIT } from '../../core/thumbprint/find-thumbprints.ts';
import { stopDemoEmulator } from '../../vault/demo-emulator.ts';
import type { Lang } from '../../core/i18n/lang.ts';
import { uiTranslator } from '../../core/i18n/ui-strings.ts';
import { escapeControlCharacters } from '../../core/terminal-text.ts';
import { describeArgsError } from '../args-error.ts';
import { cliLanguage, langOption } from '../cli-language.ts';
import { emulatorOptions, externalEmulatorFrom } from '../emulator-options.ts';
import {
	describeInputError,
	InputError,
	inputLimitOptions,
	maxInputBytes,
	readInput,
} from '../read-input.ts';
import { lookUpVaultThumbprints } from '../vault-thumbprints.ts';

const HELP: Record<Lang, string> = {
	en: `Usage:
  kvcert compare --vault <url|demo> --name <certificate> --installed <file|-> [--format text|json]

Reads thumbprints from the VM's output (PowerShell Get-ChildItem Cert:\\..., openssl -fingerprint,
certutil, the certificate dialog, bare hex or x5t; "-" reads standard input) and compares them with
every version of the certificate in Key Vault.

Exit status: 0 the current version is installed, 1 it is not, 2 error.

Options:
  --format text|json    Output format (default text)
  --lang ja|en          Language (default from KVCERT_LANG, LC_ALL or LANG)
  --max-input-size <n>  Refuse a larger --installed file (default 32MB; also KVCERT_MAX_INPUT_SIZE)
  --emulator-ca <file>  CA of an emulator started with \`kvcert emulator\` (with --emulator-imds)
  --emulator-imds <url> IMDS URL of that emulator`,
	ja: `使い方:
  kvcert compare --vault <url|demo> --name <証明書名> --installed <ファイル|-> [--format text|json]

--installed に指定した内容 (PowerShell の Get-ChildItem Cert:\\...、openssl -fingerprint、certutil の出力、
証明書ダイアログからコピーした拇印、16 進数の拇印、x5t) から拇印を読み取り、Key Vault にある
証明書の全バージョンと照合します。"-" を指定すると標準入力から読み込みます。

終了コード: 0 = 現在のバージョンがインストールされている、1 = されていない、2 = エラー

オプション:
  --format text|json    出力形式 (既定: text)
  --lang ja|en          言語 (既定: 環境変数 KVCERT_LANG、LC_ALL、LANG から)
  --max-input-size <n>  --installed で読み込むファイルの上限サイズ (既定: 32MB。環境変数 KVCERT_MAX_INPUT_SIZE でも指定可)
  --emulator-ca <file>  \`kvcert emulator\` で起動したエミュレーターの CA (--emulator-imds と併用)
  --emulator-imds <url> そのエミュレーターの IMDS の URL`,
};

/** `kvcert compare`: is the current version of a vault certificate installed on the VM? */
export async function run(args: string[]): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args,
			options: {
				vault: { type: 'string' },
				name: { type: 'string' },
				installed: { type: 'string' },
				format: { type: 'string', default: 'text' },
				lang: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
				...emulatorOptions,
				...inputLimitOptions,
			},
		});
	} catch (error) {
		const lang = cliLanguage(langOption(args));
		console.error(`kvcert compare: ${describeArgsError(error, lang)}\n\n${HELP[lang]}`);
		return 2;
	}
	const { values } = parsed;
	const lang = cliLanguage(values.lang);
	if (values.help) {
		console.log(HELP[lang]);
		return 0;
	}
	if (
		!values.vault ||
		!values.name ||
		!values.installed ||
		!['text', 'json'].includes(values.format)
	) {
		console.error(HELP[lang]);
		return 2;
	}
	const t = uiTranslator(lang);
	let text: string;
	try {
		const bytes = await readInput(values.installed, maxInputBytes(values['max-input-size']));
		text = decodeText(bytes);
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		const message = describeInputError(error, lang);
		console.error(
			values.format === 'json'
				? JSON.stringify({ error: { code: error.code, message } })
				: escapeControlCharacters(message)
		);
		return 2;
	}
	const { found: installed, truncated } = readThumbprints(text);
	const truncatedNotice = truncated
		? t('kvcert.thumbprint.cli.valuesTruncated', { limit: THUMBPRINT_LIMIT.toLocaleString('en') })
		: undefined;
	try {
		const result = await lookUpVaultThumbprints(
			values.vault,
			values.name,
			lang,
			externalEmulatorFrom(values)
		);
		if (!result.ok) {
			console.error(
				values.format === 'json'
					? JSON.stringify({ error: result.error })
					: escapeControlCharacters(`kvcert: ${result.error.message}`)
			);
			return 2;
		}
		const comparison = compareVersions(result.response.versions, installed);
		const verdict = describeComparison(comparison, t);
		if (values.format === 'json') {
			console.log(
				JSON.stringify(
					{
						vaultUrl: result.response.vaultUrl,
						name: result.response.name,
						currentInstalled: comparison.currentInstalled,
						current: comparison.current?.version ?? null,
						installedVersions: comparison.installedVersions.map((v) => ({
							ordinal: v.ordinal,
							version: v.version,
						})),
						unknownOnVm: comparison.unknownOnVm.map((u) => ({
							algorithm: u.algorithm,
							hex: u.hex,
							line: u.line,
							subject: u.subject ?? null,
						})),
						verdict,
						...(truncatedNotice ? { notice: truncatedNotice } : {}),
					},
					null,
					2
				)
			);
		} else {
			const source = values.installed === '-' ? 'stdin' : values.installed;
			const lines = [
				t('kvcert.thumbprint.cli.installedFrom', { source, count: comparison.pastedCount }),
				...(truncatedNotice ? [truncatedNotice] : []),
				'',
			];
			for (const row of comparison.versions) {
				const v = row.version;
				const mark = row.installed
					? t('kvcert.thumbprint.table.installed')
					: t('kvcert.thumbprint.table.notInstalled');
				lines.push(
					`${v.current ? '*' : ' '} ${t('kvcert.thumbprint.table.versionNumber', { ordinal: v.ordinal })}  ${v.sha1}  ${mark}`
				);
			}
			for (const u of comparison.unknownOnVm)
				lines.push(`? ${u.hex}  ${u.subject ?? ''}`.trimEnd());
			lines.push('', verdict);
			console.log(escapeControlCharacters(lines.join('\n'), { keepLineFeeds: true }));
		}
		return comparison.currentInstalled ? 0 : 1;
	} finally {
		await stopDemoEmulator();
	}
}

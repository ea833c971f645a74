import { X509Certificate } from 'node:crypto';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
	CertificateReadError,
	computeThumbprints,
	type ComputedThumbprints,
} from '../../core/thumbprint/compute-thumbprints.ts';
import type { ThumbprintsResponse } from '../../core/thumbprint/types.ts';
import type { Lang } from '../../core/i18n/lang.ts';
import { uiTranslator } from '../../core/i18n/ui-strings.ts';
import { escapeControlCharacters } from '../../core/terminal-text.ts';
import { describeArgsError } from '../args-error.ts';
import { cliLanguage, langOption } from '../cli-language.ts';
import { externalEmulatorFrom, emulatorOptions } from '../emulator-options.ts';
import {
	describeInputError,
	formatSize,
	InputError,
	inputLimitOptions,
	maxInputBytes,
	readInput,
} from '../read-input.ts';

/** Environment variable with the PFX password: unlike --password, not visible in a process list. */
export const PFX_PASSWORD_ENV = 'KVCERT_PFX_PASSWORD';

const HELP: Record<Lang, string> = {
	en: `Usage:
  kvcert thumbprint <file|-> [--password <p>] [--format text|json]
      SHA-1 and SHA-256 of each certificate in a .cer/.crt/.pem/.pfx/.p12 file (read locally;
      "-" reads standard input).
  kvcert thumbprint --vault <url|demo> --name <certificate> [--format text|json]
      Every version of a Key Vault certificate, newest first, with thumbprints.
      Real vaults use DefaultAzureCredential (az login, managed identity, AZURE_* variables).

Options:
  --password <p>        PFX password (Key Vault downloads have an empty one). Other local users
                        can see a command line (ps): prefer KVCERT_PFX_PASSWORD
  --format text|json    Output format (default text)
  --lang ja|en          Language (default from KVCERT_LANG, LC_ALL or LANG)
  --max-input-size <n>  Refuse larger files (default 32MB; also KVCERT_MAX_INPUT_SIZE)
  --emulator-ca <file>  CA of an emulator started with \`kvcert emulator\` (with --emulator-imds)
  --emulator-imds <url> IMDS URL of that emulator

Environment:
  KVCERT_PFX_PASSWORD   PFX password when --password is not given (unlike a command line, not
                        visible to other users)`,
	ja: `使い方:
  kvcert thumbprint <ファイル|-> [--password <p>] [--format text|json]
      .cer/.crt/.pem/.pfx/.p12 ファイルに含まれる各証明書の SHA-1 と SHA-256 を表示します
      (ファイルはローカルで読みます。"-" は標準入力から読みます)。
  kvcert thumbprint --vault <url|demo> --name <証明書名> [--format text|json]
      Key Vault の証明書の全バージョンを、新しい順に拇印付きで表示します。
      demo 以外の Key Vault には DefaultAzureCredential (az login、マネージド ID、AZURE_* 環境変数) で接続します。

オプション:
  --password <p>        PFX のパスワード (Key Vault からダウンロードした PFX のパスワードは空です)。
                        コマンド ラインは同じマシンのほかのユーザーにも (ps などで) 見えるため、
                        環境変数 KVCERT_PFX_PASSWORD で指定することをお勧めします。
  --format text|json    出力形式 (既定: text)
  --lang ja|en          言語 (既定: 環境変数 KVCERT_LANG、LC_ALL、LANG から)
  --max-input-size <n>  読み込むファイルの上限サイズ (既定: 32MB。環境変数 KVCERT_MAX_INPUT_SIZE でも指定可)
  --emulator-ca <file>  \`kvcert emulator\` で起動したエミュレーターの CA (--emulator-imds と併用)
  --emulator-imds <url> そのエミュレーターの IMDS の URL

環境変数:
  KVCERT_PFX_PASSWORD   --password を指定しないときの PFX のパスワード (コマンド ラインと違い、ほかのユーザーからは見えません)`,
};

const MESSAGES: Record<Lang, { format: string; vaultAndName: string }> = {
	en: {
		format: '--format must be text or json',
		vaultAndName: '--vault and --name go together, without a file',
	},
	ja: {
		format: '--format には text か json を指定してください',
		vaultAndName: '--vault と --name は両方を指定し、ファイルとは併用しないでください',
	},
};

/** Prints the versions table for text output. */
export function formatVersionsTable(response: ThumbprintsResponse, lang: Lang): string {
	const t = uiTranslator(lang);
	const lines = [
		t('kvcert.thumbprint.cli.versionsHeading', {
			name: response.name,
			vault: response.vaultUrl,
			count: response.versions.length,
		}),
	];
	for (const v of response.versions) {
		const expired = Date.parse(v.expires) < Date.now();
		const status = [
			v.current ? t('kvcert.thumbprint.table.current') : '',
			v.enabled ? t('kvcert.thumbprint.table.enabled') : t('kvcert.thumbprint.table.disabled'),
			expired ? t('kvcert.thumbprint.table.expired') : '',
		]
			.filter(Boolean)
			.join(', ');
		lines.push(
			'',
			`${t('kvcert.thumbprint.table.versionNumber', { ordinal: v.ordinal })}  ${v.version}  (${status})`,
			`  ${t('kvcert.thumbprint.table.created')}: ${v.created.slice(0, 10)}   ${t('kvcert.thumbprint.table.validity')}: ${v.notBefore.slice(0, 10)} – ${v.expires.slice(0, 10)}`,
			`  ${t('kvcert.thumbprint.table.subject')}: ${v.subject}   ${t('kvcert.thumbprint.table.sans')}: ${v.sans.join(', ')}`,
			`  SHA-1:   ${v.sha1}`,
			`  SHA-256: ${v.sha256}`
		);
	}
	if (response.truncated) lines.push('', t('kvcert.thumbprint.cli.truncated'));
	return lines.join('\n');
}

/** Node's view of each certificate; a certificate OpenSSL cannot parse is not a certificate. */
function parseCertificates(results: ComputedThumbprints[]): X509Certificate[] {
	try {
		return results.map((r) => new X509Certificate(Buffer.from(r.der)));
	} catch {
		throw new CertificateReadError('not-a-certificate');
	}
}

function describeFile(
	file: string,
	results: ComputedThumbprints[],
	certificates: X509Certificate[],
	lang: Lang
): string {
	const t = uiTranslator(lang);
	return results
		.map((r, i) => {
			const x509 = certificates[i]!;
			return [
				t('kvcert.thumbprint.cli.fileHeading', {
					file: basename(file),
					format: r.format.toUpperCase(),
					index: r.index + 1,
				}),
				`  ${t('kvcert.thumbprint.table.subject')}: ${x509.subject.split('\n').join(', ')}`,
				`  ${t('kvcert.thumbprint.table.validity')}: ${new Date(x509.validFrom).toISOString().slice(0, 10)} – ${new Date(x509.validTo).toISOString().slice(0, 10)}`,
				`  SHA-1:   ${r.sha1}`,
				`  SHA-256: ${r.sha256}`,
				`  x5t:     ${r.x5t}`,
			].join('\n');
		})
		.join('\n\n');
}

/** `kvcert thumbprint`: thumbprints of a local file, or of every version in a vault. */
export async function run(args: string[]): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args,
			allowPositionals: true,
			options: {
				vault: { type: 'string' },
				name: { type: 'string' },
				password: { type: 'string' },
				format: { type: 'string', default: 'text' },
				lang: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
				...emulatorOptions,
				...inputLimitOptions,
			},
		});
	} catch (error) {
		const lang = cliLanguage(langOption(args));
		console.error(`kvcert thumbprint: ${describeArgsError(error, lang)}\n\n${HELP[lang]}`);
		return 2;
	}
	const { values, positionals } = parsed;
	const lang = cliLanguage(values.lang);
	if (values.help) {
		console.log(HELP[lang]);
		return 0;
	}
	const t = uiTranslator(lang);
	const json = values.format === 'json';
	if (values.format !== 'text' && !json) {
		console.error(`kvcert thumbprint: ${MESSAGES[lang].format}\n\n${HELP[lang]}`);
		return 2;
	}

	if (values.vault !== undefined || values.name !== undefined) {
		if (!values.vault || !values.name || positionals.length) {
			console.error(`kvcert thumbprint: ${MESSAGES[lang].vaultAndName}\n\n${HELP[lang]}`);
			return 2;
		}
		// The Azure SDK and the emulator load only here, so file thumbprints start fast.
		const [{ lookUpVaultThumbprints }, { stopDemoEmulator }] = await Promise.all([
			import('../vault-thumbprints.ts'),
			import('../../vault/demo-emulator.ts'),
		]);
		try {
			const result = await lookUpVaultThumbprints(
				values.vault,
				values.name,
				lang,
				externalEmulatorFrom(values)
			);
			if (!result.ok) {
				console.error(
					json
						? JSON.stringify({ error: result.error })
						: escapeControlCharacters(`kvcert: ${result.error.message}`)
				);
				return 2;
			}
			console.log(
				json
					? JSON.stringify(result.response, null, 2)
					: escapeControlCharacters(formatVersionsTable(result.response, lang), {
							keepLineFeeds: true,
						})
			);
			return 0;
		} finally {
			await stopDemoEmulator();
		}
	}

	const [file, ...extra] = positionals;
	if (!file || extra.length) {
		console.error(HELP[lang]);
		return 2;
	}
	const fail = (code: string, message: string) => {
		console.error(
			json ? JSON.stringify({ error: { code, message } }) : escapeControlCharacters(message)
		);
		return 2;
	};
	let bytes: Buffer;
	let limit: number;
	try {
		limit = maxInputBytes(values['max-input-size']);
		bytes = await readInput(file, limit);
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		return fail(error.code, describeInputError(error, lang));
	}
	try {
		const results = await computeThumbprints(new Uint8Array(bytes), {
			password: values.password ?? process.env[PFX_PASSWORD_ENV] ?? '',
			maxBytes: limit,
		});
		const certificates = parseCertificates(results);
		if (json)
			console.log(
				JSON.stringify(
					results.map(({ der: _der, ...rest }) => rest),
					null,
					2
				)
			);
		else
			console.log(
				escapeControlCharacters(
					describeFile(file === '-' ? 'stdin' : file, results, certificates, lang),
					{
						keepLineFeeds: true,
					}
				)
			);
		return 0;
	} catch (error) {
		if (error instanceof CertificateReadError) {
			const key = {
				'password-required': 'cli.passwordRequired',
				'wrong-password': 'file.wrongPassword',
				'not-a-certificate': 'file.notCertificate',
				'too-large': 'file.tooLarge',
			}[error.code];
			return fail(
				error.code,
				`kvcert: ${t(`kvcert.thumbprint.${key}`, { limit: formatSize(limit), variable: PFX_PASSWORD_ENV })}`
			);
		}
		throw error;
	}
}

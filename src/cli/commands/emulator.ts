import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSeedFile } from '../../emulator/demo-vault.ts';
import { startEmulator } from '../../emulator/emulator.ts';
import type { Lang } from '../../core/i18n/lang.ts';
import { uiTranslator } from '../../core/i18n/ui-strings.ts';
import { describeArgsError } from '../args-error.ts';
import { cliLanguage, langOption } from '../cli-language.ts';
import { runAdmin } from './emulator-admin.ts';

const HELP: Record<Lang, string> = {
	en: `Usage:
  kvcert emulator [--port N] [--imds-port N] [--seed file.json]
  kvcert emulator rotate|disable <name> --emulator-imds URL   (see kvcert emulator rotate --help)

Runs a local Key Vault (HTTPS, challenge authentication, certificates and secrets API) and a fake
IMDS token endpoint on 127.0.0.1, seeded with the demo vault or the certificates in --seed.

Options:
  --port N        Vault port (default: any free port)
  --imds-port N   IMDS port (default: --port + 1, or any free port)
  --seed file     JSON {"certificates":[{"name","subject","dnsNames","versions":[{"createdDaysAgo","validityDays","enabled"}]}
                  or {"name","import":{"file","password"}}]}
  --lang ja|en    Language (default from KVCERT_LANG, LC_ALL or LANG)`,
	ja: `使い方:
  kvcert emulator [--port N] [--imds-port N] [--seed file.json]
  kvcert emulator rotate|disable <名前> --emulator-imds URL   (詳しくは kvcert emulator rotate --help)

Key Vault のエミュレーター (HTTPS、チャレンジ認証、証明書とシークレットの API) と、IMDS の
トークン エンドポイントを模したサーバーを 127.0.0.1 で起動します。初期データはデモ用 Key Vault の
証明書、または --seed で指定した証明書です。

オプション:
  --port N        Key Vault エミュレーターのポート (既定: 空いている任意のポート)
  --imds-port N   IMDS のポート (既定: --port + 1、または空いている任意のポート)
  --seed file     JSON {"certificates":[{"name","subject","dnsNames","versions":[{"createdDaysAgo","validityDays","enabled"}]}
                  または {"name","import":{"file","password"}}]}
  --lang ja|en    言語 (既定: 環境変数 KVCERT_LANG、LC_ALL、LANG から)`,
};

const PORT_MESSAGE: Record<Lang, string> = {
	en: 'ports are numbers from 1 to 65535',
	ja: 'ポートには 1 から 65535 までの数値を指定してください',
};

function portOf(value: string | undefined): number | undefined | 'invalid' {
	if (value === undefined) return undefined;
	const port = Number(value);
	return Number.isInteger(port) && port > 0 && port < 65536 ? port : 'invalid';
}

/** `kvcert emulator`: run the Key Vault + IMDS emulator until Ctrl+C. */
export async function run(args: string[]): Promise<number> {
	if (args[0] === 'rotate' || args[0] === 'disable') return runAdmin(args);
	let values;
	try {
		values = parseArgs({
			args,
			options: {
				port: { type: 'string' },
				'imds-port': { type: 'string' },
				seed: { type: 'string' },
				lang: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
		}).values;
	} catch (error) {
		const lang = cliLanguage(langOption(args));
		console.error(`kvcert emulator: ${describeArgsError(error, lang)}\n\n${HELP[lang]}`);
		return 2;
	}
	const lang = cliLanguage(values.lang);
	if (values.help) {
		console.log(HELP[lang]);
		return 0;
	}
	const port = portOf(values.port);
	const imdsPort = portOf(values['imds-port']);
	if (port === 'invalid' || imdsPort === 'invalid') {
		console.error(`kvcert emulator: ${PORT_MESSAGE[lang]}\n\n${HELP[lang]}`);
		return 2;
	}
	const t = uiTranslator(lang);
	let emulator;
	try {
		const seeded = values.seed ? loadSeedFile(values.seed) : undefined;
		emulator = await startEmulator({
			...(port ? { port } : {}),
			...(imdsPort ? { imdsPort } : {}),
			...(seeded ? { seed: seeded.seed, seedBaseDir: seeded.baseDir } : {}),
		});
	} catch (error) {
		console.error(`kvcert emulator: ${(error as Error).message}`);
		return 2;
	}
	const folder = mkdtempSync(join(tmpdir(), 'kvcert-emulator-'));
	const caFile = join(folder, 'ca.pem');
	writeFileSync(caFile, emulator.caPem);
	const names = emulator.store.list().map((c) => c.name);
	console.log(
		[
			t('kvcert.thumbprint.cli.emulatorStarted'),
			'',
			`  ${t('kvcert.thumbprint.cli.emulatorVault')}: ${emulator.vaultUrl}`,
			`  ${t('kvcert.thumbprint.cli.emulatorImds')}: ${emulator.imdsUrl}`,
			`  ${t('kvcert.thumbprint.cli.emulatorCa')}: ${caFile}`,
			`  ${t('kvcert.thumbprint.cli.emulatorCertificates')}: ${names.join(', ')}`,
			'',
			t('kvcert.thumbprint.cli.emulatorTryCli'),
			`  kvcert thumbprint --vault ${emulator.vaultUrl} --name ${names[0] ?? 'webcert'} --emulator-ca ${caFile} --emulator-imds ${emulator.imdsUrl}`,
			'',
			t('kvcert.thumbprint.cli.emulatorTrySdk'),
			`  NODE_EXTRA_CA_CERTS=${caFile} AZURE_POD_IDENTITY_AUTHORITY_HOST=${emulator.imdsUrl} NO_PROXY=127.0.0.1 node app.js`,
		].join('\n')
	);
	await new Promise<void>((resolve) => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
	await emulator.close();
	rmSync(folder, { recursive: true, force: true });
	return 0;
}

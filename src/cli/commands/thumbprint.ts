import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
	CertificateReadError,
	computeThumbprints,
	type ComputedThumbprints,
} from '../../core/thumbprint/compute-thumbprints.ts';
import type { ThumbprintsResponse } from '../../core/thumbprint/types.ts';
import { uiTranslator } from '../../vault/vault-i18n.ts';
import { cliLanguage } from '../cli-language.ts';
import { externalEmulatorFrom, emulatorOptions } from '../emulator-options.ts';

const HELP = `Usage:
  kvcert thumbprint <file> [--password <p>] [--format text|json]
      SHA-1 and SHA-256 of each certificate in a .cer/.crt/.pem/.pfx/.p12 file (read locally).
  kvcert thumbprint --vault <url|demo> --name <certificate> [--format text|json]
      Every version of a Key Vault certificate, newest first, with thumbprints.
      Real vaults use DefaultAzureCredential (az login, managed identity, AZURE_* variables).

Options:
  --password <p>        PFX password (Key Vault downloads have an empty one)
  --format text|json    Output format (default text)
  --lang ja|en          Language (default from LANG)
  --emulator-ca <file>  CA of an emulator started with \`kvcert emulator\` (with --emulator-imds)
  --emulator-imds <url> IMDS URL of that emulator`;

/** Prints the versions table for text output. */
export function formatVersionsTable(response: ThumbprintsResponse, lang: 'ja' | 'en'): string {
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

function describeFile(file: string, results: ComputedThumbprints[], lang: 'ja' | 'en'): string {
	const t = uiTranslator(lang);
	return results
		.map((r) => {
			const x509 = new X509Certificate(Buffer.from(r.der));
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
			},
		});
	} catch (error) {
		console.error(`kvcert thumbprint: ${(error as Error).message}\n\n${HELP}`);
		return 2;
	}
	const { values, positionals } = parsed;
	if (values.help) {
		console.log(HELP);
		return 0;
	}
	const lang = cliLanguage(values.lang);
	const t = uiTranslator(lang);
	const json = values.format === 'json';
	if (values.format !== 'text' && !json) {
		console.error(`kvcert thumbprint: --format must be text or json\n\n${HELP}`);
		return 2;
	}

	if (values.vault !== undefined || values.name !== undefined) {
		if (!values.vault || !values.name || positionals.length) {
			console.error(`kvcert thumbprint: --vault and --name go together, without a file\n\n${HELP}`);
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
					json ? JSON.stringify({ error: result.error }) : `kvcert: ${result.error.message}`
				);
				return 2;
			}
			console.log(
				json ? JSON.stringify(result.response, null, 2) : formatVersionsTable(result.response, lang)
			);
			return 0;
		} finally {
			await stopDemoEmulator();
		}
	}

	const [file, ...extra] = positionals;
	if (!file || extra.length) {
		console.error(HELP);
		return 2;
	}
	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch {
		console.error(`kvcert: ${t('kvcert.thumbprint.cli.readFailed', { file })}`);
		return 2;
	}
	try {
		const results = await computeThumbprints(new Uint8Array(bytes), {
			password: values.password ?? '',
		});
		if (json)
			console.log(
				JSON.stringify(
					results.map(({ der: _der, ...rest }) => rest),
					null,
					2
				)
			);
		else console.log(describeFile(file, results, lang));
		return 0;
	} catch (error) {
		if (error instanceof CertificateReadError) {
			const key = {
				'password-required': 'passwordRequired',
				'wrong-password': 'wrongPassword',
				'not-a-certificate': 'notCertificate',
			}[error.code];
			console.error(`kvcert: ${t(`kvcert.thumbprint.file.${key}`)}`);
			return 2;
		}
		throw error;
	}
}

import { format } from '../../core/i18n/format.ts';
import type { Lang } from '../../core/i18n/lang.ts';
import { parseArgs } from 'node:util';
import { ADMIN_HEADER } from '../../emulator/admin-routes.ts';
import { describeArgsError } from '../args-error.ts';
import { cliLanguage, langOption } from '../cli-language.ts';

const HELP: Record<Lang, string> = {
	en: `Usage:
  kvcert emulator rotate <name> [--emulator-imds URL]
  kvcert emulator disable <name> [--version ID] [--emulator-imds URL]

Changes a running \`kvcert emulator\` through its admin endpoint (loopback only):
  rotate    adds a new version of the certificate (a renewal in Key Vault: new key, new thumbprint)
  disable   disables a version (default: the latest)

Options:
  --emulator-imds URL  The IMDS URL \`kvcert emulator\` printed (http://127.0.0.1:PORT);
                       default KVCERT_EMULATOR_IMDS
  --version ID         The version to disable (32 hex characters)
  --lang ja|en         Language (default from LANG)`,
	ja: `使い方:
  kvcert emulator rotate <名前> [--emulator-imds URL]
  kvcert emulator disable <名前> [--version ID] [--emulator-imds URL]

実行中の \`kvcert emulator\` を、管理エンドポイント (ループバックのみ) から操作します。
  rotate    証明書の新しいバージョンを追加します (Key Vault での更新に相当し、新しいキーと新しい拇印になります)
  disable   バージョンを無効にします (既定では最新のバージョン)

オプション:
  --emulator-imds URL  \`kvcert emulator\` が表示した IMDS の URL (http://127.0.0.1:PORT)。
                       既定値は KVCERT_EMULATOR_IMDS です
  --version ID         無効にするバージョン (16 進数 32 文字)
  --lang ja|en         言語 (既定値は LANG から決まります)`,
};

const MESSAGES: Record<Lang, Record<string, string>> = {
	en: {
		noName: 'Give the certificate name, e.g. kvcert emulator rotate webcert.',
		noImds:
			'Give the IMDS URL that kvcert emulator printed with --emulator-imds (or KVCERT_EMULATOR_IMDS).',
		notLoopback:
			'The emulator admin endpoint is reached on loopback only: http://127.0.0.1:PORT or http://[::1]:PORT.',
		badVersion: '--version must be 32 hexadecimal characters.',
		unreachable: 'No emulator answered at {{url}}. Is kvcert emulator running?',
		refused: 'The emulator refused: {{message}}',
		rotated: 'New version of {{name}}: {{version}}\nThumbprint (SHA-1): {{thumbprint}}',
		disabled: 'Disabled version {{version}} of {{name}} (thumbprint {{thumbprint}}).',
	},
	ja: {
		noName: '証明書の名前を指定してください (例: kvcert emulator rotate webcert)。',
		noImds:
			'kvcert emulator が表示した IMDS の URL を --emulator-imds (または KVCERT_EMULATOR_IMDS) で指定してください。',
		notLoopback:
			'エミュレーターの管理エンドポイントにはループバックでのみ接続できます: http://127.0.0.1:PORT または http://[::1]:PORT。',
		badVersion: '--version には 16 進数 32 文字を指定してください。',
		unreachable:
			'{{url}} でエミュレーターが応答しません。kvcert emulator が実行中か確認してください。',
		refused: 'エミュレーターが要求を拒否しました: {{message}}',
		rotated: '{{name}} の新しいバージョン: {{version}}\n拇印 (SHA-1): {{thumbprint}}',
		disabled: '{{name}} のバージョン {{version}} (拇印 {{thumbprint}}) を無効にしました。',
	},
};

const LOOPBACK_URL = /^http:\/\/(?:127\.0\.0\.1|\[::1\]):\d{1,5}\/?$/;

/** `kvcert emulator rotate|disable <name>`: changes a running emulator through its admin endpoint. */
export async function runAdmin(args: string[]): Promise<number> {
	const [action, ...rest] = args as ['rotate' | 'disable', ...string[]];
	let parsed;
	try {
		parsed = parseArgs({
			args: rest,
			allowPositionals: true,
			options: {
				'emulator-imds': { type: 'string' },
				version: { type: 'string' },
				lang: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
		});
	} catch (error) {
		const lang = cliLanguage(langOption(rest));
		console.error(`kvcert emulator ${action}: ${describeArgsError(error, lang)}\n\n${HELP[lang]}`);
		return 2;
	}
	const { values, positionals } = parsed;
	const lang = cliLanguage(values.lang);
	const m = (key: string, v: Record<string, string> = {}) => format(MESSAGES[lang][key]!, v);
	const fail = (text: string, help = false) => {
		console.error(`kvcert emulator ${action}: ${text}${help ? `\n\n${HELP[lang]}` : ''}`);
		return 2;
	};
	if (values.help) {
		console.log(HELP[lang]);
		return 0;
	}
	const name = positionals[0];
	if (!name || positionals.length > 1) return fail(m('noName'), true);
	const imds = values['emulator-imds'] ?? process.env['KVCERT_EMULATOR_IMDS'];
	if (!imds) return fail(m('noImds'), true);
	if (!LOOPBACK_URL.test(imds)) return fail(m('notLoopback'));
	if (
		values.version !== undefined &&
		(action !== 'disable' || !/^[0-9a-f]{32}$/i.test(values.version))
	)
		return fail(m('badVersion'));
	const url = new URL(`/kvcert/admin/certificates/${encodeURIComponent(name)}/${action}`, imds);
	if (values.version) url.searchParams.set('version', values.version);
	let response: Response;
	try {
		response = await fetch(url, {
			method: 'POST',
			headers: { [ADMIN_HEADER]: '1' },
			signal: AbortSignal.timeout(10_000),
		});
	} catch {
		return fail(m('unreachable', { url: imds }));
	}
	const body = (await response.json().catch(() => ({}))) as {
		error?: { message?: string };
		name?: string;
		version?: string;
		thumbprint?: string;
	};
	if (!response.ok)
		return fail(
			m('refused', { message: (body.error?.message ?? String(response.status)).slice(0, 300) })
		);
	console.log(
		m(action === 'rotate' ? 'rotated' : 'disabled', {
			name: body.name ?? name,
			version: body.version ?? '',
			thumbprint: body.thumbprint ?? '',
		})
	);
	return 0;
}

import type { ExternalEmulator } from './vault-thumbprints.ts';

/** The options that point the CLI at an emulator started elsewhere with `kvcert emulator`. */
export const emulatorOptions = {
	'emulator-ca': { type: 'string' },
	'emulator-imds': { type: 'string' },
} as const;

/**
 * The external emulator named by `--emulator-ca` / `--emulator-imds` (or KVCERT_EMULATOR_CA /
 * KVCERT_EMULATOR_IMDS). The vault URL it applies to is the one given with --vault.
 */
export function externalEmulatorFrom(values: {
	vault?: string | undefined;
	'emulator-ca'?: string | undefined;
	'emulator-imds'?: string | undefined;
}): ExternalEmulator | undefined {
	const caFile = values['emulator-ca'] ?? process.env['KVCERT_EMULATOR_CA'];
	const imdsUrl = values['emulator-imds'] ?? process.env['KVCERT_EMULATOR_IMDS'];
	if (!caFile || !imdsUrl || !values.vault) return undefined;
	// Loopback only: an emulator token must never go anywhere else.
	const loopback = /^(?:127\.0\.0\.1|\[::1\]):\d+\/?$/;
	if (!loopback.test(imdsUrl.replace(/^http:\/\//, '')) || !imdsUrl.startsWith('http://'))
		return undefined;
	if (
		!loopback.test(values.vault.replace(/^https:\/\//, '')) ||
		!values.vault.startsWith('https://')
	)
		return undefined;
	return { vaultUrl: values.vault, caFile, imdsUrl };
}

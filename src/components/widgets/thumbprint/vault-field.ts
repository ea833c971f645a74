import type { Translate } from '../../../core/i18n/translator.ts';
import type { VaultModeResponse } from '../../../core/thumbprint/types.ts';
import { vaultName, vaultUrlFor } from './api.ts';

// What the vault field means before anything is sent: the hint under it (the demo vault for an
// empty field, the URL a bare name is read as), and the refusal a demo-only server would give,
// said for the reader and before a round trip. Pure, so each case is unit-tested.

/** A Key Vault address in any cloud: https://<name>.vault.<cloud's domain>. */
const keyVaultAddress = /^https:\/\/[a-z0-9-]+\.vault\.[a-z0-9.-]+\/?$/i;

/** The hint under the vault field, or undefined for none. */
export function vaultHint(input: string, demoVaultUrl: string, t: Translate): string | undefined {
	const value = input.trim();
	if (!value) return demoVaultUrl ? t('kvcert.thumbprint.fetch.demoVaultEmpty') : undefined;
	if (vaultName.test(value))
		return t('kvcert.thumbprint.fetch.readsAs', { url: vaultUrlFor(value, demoVaultUrl) });
	return undefined;
}

/**
 * On a server that reads only the demo vault, a fetch from any other vault: what happened and what
 * to do, and for whoever runs the server how to read real vaults. Undefined when it may be sent.
 */
export function demoOnlyRefusal(
	vaultUrl: string,
	mode: VaultModeResponse['mode'] | undefined,
	demoVaultUrl: string,
	t: Translate
): { message: string; detail: string } | undefined {
	// Only a Key Vault address: anything else gets the server's own answer (not a vault URL, …).
	if (mode !== 'demo' || vaultUrl === demoVaultUrl || !keyVaultAddress.test(vaultUrl))
		return undefined;
	return {
		message: t('kvcert.thumbprint.fetch.demoOnly', { url: vaultUrl }),
		detail: t('kvcert.thumbprint.fetch.demoOnlyDetail'),
	};
}

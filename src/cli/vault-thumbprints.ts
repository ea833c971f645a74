import { readFileSync } from 'node:fs';
import type { ThumbprintsErrorResponse, ThumbprintsResponse } from '../core/thumbprint/types.ts';
import { azureCertificateClient, emulatorCertificateClient } from '../vault/certificate-clients.ts';
import { getDemoEmulator } from '../vault/demo-emulator.ts';
import {
	lookUpCertificateVersions,
	type DemoVault,
} from '../vault/look-up-certificate-versions.ts';
import type { Lang } from '../core/i18n/lang.ts';
import { uiTranslator } from '../core/i18n/ui-strings.ts';

/** Where the CLI finds an emulator started elsewhere (`kvcert emulator` prints these). */
export interface ExternalEmulator {
	/** The vault URL, e.g. https://127.0.0.1:8443. */
	vaultUrl: string;
	/** File with the emulator's CA certificate. */
	caFile: string;
	imdsUrl: string;
}

/** A lookup result: the versions, or an error already phrased for the user. */
export type VaultThumbprints =
	| { ok: true; response: ThumbprintsResponse }
	| { ok: false; status: number; error: ThumbprintsErrorResponse['error'] };

/**
 * Reads a certificate's versions for the CLI through the same lookup as the site's API, so the
 * same allow-list, timeouts and advice apply. `demo` starts the demo vault in this process; an external
 * emulator is reached with its CA file and IMDS URL.
 */
export async function lookUpVaultThumbprints(
	vault: string,
	name: string,
	lang: Lang,
	external?: ExternalEmulator
): Promise<VaultThumbprints> {
	let demo: DemoVault | undefined;
	if (external && vault.replace(/\/$/, '') === external.vaultUrl.replace(/\/$/, '')) {
		demo = {
			vaultUrl: external.vaultUrl.replace(/\/$/, ''),
			imdsUrl: external.imdsUrl,
			caPem: readFileSync(external.caFile, 'utf8'),
		};
	}
	const result = await lookUpCertificateVersions(vault, name, {
		mode: 'both',
		// Only start the in-process demo vault when it is asked for.
		...(demo
			? { demo: async () => demo }
			: vault.trim() === 'demo'
				? { demo: () => getDemoEmulator() }
				: {}),
		createClient: (target) =>
			target.kind === 'demo'
				? emulatorCertificateClient(target.demo)
				: azureCertificateClient(target.vaultUrl),
	});
	if (result.ok) return { ok: true, response: result.response };
	const message = uiTranslator(lang)(`kvcert.thumbprint.api.${result.code}`, result.values);
	return { ok: false, status: result.status, error: { code: result.code, message } };
}

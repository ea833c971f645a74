import { describe, expect, test } from 'vitest';
import { translatorFor } from '../../../src/core/i18n/index.ts';
import { uiStrings } from '../../../src/core/i18n/ui-strings.ts';
import {
	demoOnlyRefusal,
	vaultHint,
} from '../../../src/components/widgets/thumbprint/vault-field.ts';

const t = { ja: translatorFor(uiStrings('ja'), 'ja'), en: translatorFor(uiStrings('en'), 'en') };
const demo = 'https://kvcert-demo.vault.azure.net:41234';

describe('the vault field, before anything is sent', () => {
	test('a bare vault name is echoed as the URL it is read as', () => {
		expect(vaultHint(' contoso-kv ', demo, t.ja)).toBe(
			'https://contoso-kv.vault.azure.net として扱います。'
		);
		expect(vaultHint('contoso-kv', demo, t.en)).toBe('Read as https://contoso-kv.vault.azure.net.');
		// An empty field on a demo server is the demo vault; a typed URL needs no hint.
		expect(vaultHint('', demo, t.en)).toBe(t.en('kvcert.thumbprint.fetch.demoVaultEmpty'));
		expect(vaultHint('', '', t.en)).toBeUndefined();
		expect(vaultHint('https://contoso-kv.vault.azure.net', demo, t.en)).toBeUndefined();
	});

	test('a demo-only server: another vault is refused in the reader’s words, the setting apart', () => {
		for (const lang of ['ja', 'en'] as const) {
			const refusal = demoOnlyRefusal('https://contoso-kv.vault.azure.net', 'demo', demo, t[lang])!;
			// What happened, naming the vault as read, and what to do: leave the URL empty.
			expect(refusal.message).toContain('https://contoso-kv.vault.azure.net');
			expect(refusal.message).toContain(
				lang === 'ja' ? 'URL を空欄にすると' : 'Leave the URL empty'
			);
			expect(refusal.message).not.toContain('KVCERT_VAULT_MODE');
			// The environment variable is for whoever runs the server, on its own line.
			expect(refusal.detail).toMatch(/KVCERT_VAULT_MODE(=| を )azure/);
			expect(demoOnlyRefusal(demo, 'demo', demo, t[lang])).toBeUndefined();
			// Not a vault address: the server's own answer says what is wrong with it.
			expect(demoOnlyRefusal('https://169.254.169.254', 'demo', demo, t[lang])).toBeUndefined();
			expect(
				demoOnlyRefusal('https://contoso-kv.vault.azure.net', 'both', demo, t[lang])
			).toBeUndefined();
			expect(
				demoOnlyRefusal('https://x.vault.azure.net', undefined, demo, t[lang])
			).toBeUndefined();
		}
	});
});

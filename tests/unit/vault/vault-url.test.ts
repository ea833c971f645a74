import { describe, expect, it } from 'vitest';
import { checkVaultUrl, isValidCertificateName } from '../../../src/vault/vault-url.ts';

const demo = 'https://127.0.0.1:48443';

describe('checkVaultUrl accepts Key Vault URLs in every cloud', () => {
	it.each([
		['https://contoso-kv.vault.azure.net', 'https://contoso-kv.vault.azure.net'],
		['https://contoso-kv.vault.azure.net/', 'https://contoso-kv.vault.azure.net'],
		['https://contoso-kv.vault.azure.net:443', 'https://contoso-kv.vault.azure.net'],
		['  https://Contoso-KV.Vault.Azure.Net  ', 'https://contoso-kv.vault.azure.net'],
		['https://kv1.vault.azure.cn', 'https://kv1.vault.azure.cn'],
		['https://gov-kv.vault.usgovcloudapi.net', 'https://gov-kv.vault.usgovcloudapi.net'],
		['https://de-kv.vault.microsoftazure.de', 'https://de-kv.vault.microsoftazure.de'],
		['https://abc.vault.azure.net', 'https://abc.vault.azure.net'],
		[`https://a${'b'.repeat(22)}c.vault.azure.net`, `https://a${'b'.repeat(22)}c.vault.azure.net`],
	])('%s', (input, vaultUrl) => {
		expect(checkVaultUrl(input, demo)).toEqual({ ok: true, kind: 'azure', vaultUrl });
	});

	it('accepts exactly the configured demo origin, or the word demo', () => {
		expect(checkVaultUrl(demo, demo)).toEqual({ ok: true, kind: 'demo', vaultUrl: demo });
		expect(checkVaultUrl(`${demo}/`, demo)).toEqual({ ok: true, kind: 'demo', vaultUrl: demo });
		expect(checkVaultUrl('demo', demo)).toEqual({ ok: true, kind: 'demo', vaultUrl: demo });
		expect(checkVaultUrl('demo')).toEqual({ ok: false, reason: 'vaultInvalid' });
		expect(checkVaultUrl(demo)).toEqual({ ok: false, reason: 'vaultInvalid' });
	});

	it('asks for a URL when there is none', () => {
		for (const input of [undefined, null, '', '   ', 42])
			expect(checkVaultUrl(input, demo)).toEqual({ ok: false, reason: 'vaultRequired' });
	});
});

describe('isValidCertificateName', () => {
	it('allows 1-127 letters, digits and hyphens only', () => {
		for (const ok of ['webcert', 'Web-Cert-2', 'a', 'a'.repeat(127)])
			expect(isValidCertificateName(ok)).toBe(true);
		for (const bad of [
			'',
			'a'.repeat(128),
			'web cert',
			'web_cert',
			'../x',
			'x/y',
			'webcert%2F..',
			'ｗｅｂ',
			'web\u200ecert',
			null,
		])
			expect(isValidCertificateName(bad)).toBe(false);
	});
});

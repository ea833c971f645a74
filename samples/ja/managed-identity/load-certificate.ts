import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { SecureContextOptions } from 'node:tls';
import type { SecretClient } from '@azure/keyvault-secrets';

/** 秘密鍵付きの証明書。Key Vault の証明書に対応するシークレットから読み取ります。 */
export interface LoadedCertificate {
	/** 読み取った Key Vault のバージョン。更新のたびに新しいバージョンができます。 */
	version: string | undefined;
	/** リーフ証明書の SHA-1 拇印 (PEM のみ。Node はライブラリを使わないと PFX を開けません)。 */
	thumbprint: string | undefined;
	/** tls.createSecureContext()、https.createServer()、server.setSecureContext() に渡すオプション。 */
	tls: SecureContextOptions;
}

const PRIVATE_KEY =
	/-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----[\s\S]+?-----END (?:[A-Z]+ )?PRIVATE KEY-----/;
const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * 証明書に対応するシークレット (秘密鍵を含む唯一のオブジェクト) の現在のバージョンを読み取り、
 * TLS のオプションに変換します。必要なアクセス許可: secrets/get (アクセス ポリシー) または
 * secrets/getSecret/action (RBAC。例: Key Vault シークレット ユーザー)。
 */
export async function loadCertificate(
	client: SecretClient,
	name: string
): Promise<LoadedCertificate> {
	const secret = await client.getSecret(name);
	const value = secret.value;
	const version = secret.properties.version;
	if (!value) throw new Error(`Secret ${name} has no value`);

	switch (secret.properties.contentType) {
		case 'application/x-pkcs12':
			// パスワードなしの PFX を base64 にしたもの。
			return { version, thumbprint: undefined, tls: { pfx: Buffer.from(value, 'base64') } };

		case 'application/x-pem-file': {
			// PEM のテキスト: 秘密鍵と証明書チェーン。
			const key = value.match(PRIVATE_KEY)?.[0];
			if (!key) throw new Error(`No private key in ${name}: is the key non-exportable?`);
			const privateKey = createPrivateKey(key);
			const certificates = (value.match(CERTIFICATE) ?? []).map((pem) => new X509Certificate(pem));
			// キーに対応する証明書を先頭に置きます。TLS はリーフ、続いて発行者の順を想定しています。
			const leaf = certificates.find((certificate) => certificate.checkPrivateKey(privateKey));
			if (!leaf) throw new Error(`No certificate in ${name} matches its private key`);
			const chain = [leaf, ...certificates.filter((certificate) => certificate !== leaf)];
			return {
				version,
				thumbprint: leaf.fingerprint.replaceAll(':', ''),
				tls: { key, cert: chain.map((certificate) => certificate.toString()).join('') },
			};
		}

		default:
			throw new Error(
				`${name} has content type ${secret.properties.contentType ?? '(none)'}: not a certificate`
			);
	}
}

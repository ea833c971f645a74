// アーキテクチャ 2: Key Vault の証明書の公開部分と拇印を読み取ります。
// 証明書の API は秘密鍵を返しません (秘密鍵が必要なら load-certificate.ts を参照)。
// 必要なアクセス許可: certificates/get (アクセス ポリシー) または certificates/read (RBAC。例: Key Vault 証明書ユーザー)。
import { createHash, X509Certificate } from 'node:crypto';
import { CertificateClient } from '@azure/keyvault-certificates';
import { createCredential } from './credential.ts';

const vaultUrl = process.env.KEYVAULT_URL ?? 'https://myvault.vault.azure.net';
const certificateName = process.env.CERTIFICATE_NAME ?? 'webcert';

const client = new CertificateClient(vaultUrl, createCredential());

// バージョンを指定しないと、Key Vault は現在のバージョンを返します。
const certificate = await client.getCertificate(certificateName);
if (!certificate.cer) throw new Error(`${certificateName} has no issued certificate yet`);

const x509 = new X509Certificate(certificate.cer);
console.log({
	version: certificate.properties.version,
	subject: x509.subject,
	validTo: x509.validTo,
	// Key Vault の x5t: DER 形式の証明書の SHA-1。Windows の表示と同じ大文字の 16 進数にします。
	sha1: certificate.properties.x509ThumbprintString?.toUpperCase(),
	// Key Vault は SHA-256 の拇印を返さないので、DER のバイト列から計算します。
	sha256: createHash('sha256').update(certificate.cer).digest('hex').toUpperCase(),
});

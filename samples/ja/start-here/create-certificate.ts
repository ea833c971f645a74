// 「ここから始める」のステップ 6: ポリシーから自己署名の証明書を Key Vault に作成します。
// 同じ名前でもう一度実行すると、Key Vault は新しいバージョンを作ります。これがステップ 11 の更新です。
// 必要なアクセス許可: certificates/create (Azure RBAC では Key Vault 証明書責任者)。
import { DefaultAzureCredential } from '@azure/identity';
import { CertificateClient } from '@azure/keyvault-certificates';

const vaultUrl = process.env.KEYVAULT_URL ?? 'https://myvault.vault.azure.net';
const certificateName = process.env.CERTIFICATE_NAME ?? 'tutorial-cert';

// 手元のマシンでは、DefaultAzureCredential はあなたとしてサインインします (`az login` のサインインなど)。
const client = new CertificateClient(vaultUrl, new DefaultAzureCredential());

const poller = await client.beginCreateCertificate(certificateName, {
	issuerName: 'Self',
	subject: 'CN=www.contoso.com',
	validityInMonths: 12,
	keyType: 'RSA',
	keySize: 2048,
	// キーがエクスポート可能でないと、VM は秘密鍵を受け取れません。
	exportable: true,
	contentType: 'application/x-pkcs12',
});
const certificate = await poller.pollUntilDone();

// 証明書の裏にあるシークレットの、バージョンなしの URL です。VM 拡張機能はこの URL を監視します。
const secretUrl = new URL(`/secrets/${certificate.name}`, certificate.properties.vaultUrl).href;
console.log({
	version: certificate.properties.version,
	secretUrl,
	// SHA-1 の拇印です。`az ... --query x509ThumbprintHex` と同じ大文字の 16 進数にしています。
	thumbprint: certificate.properties.x509ThumbprintString?.toUpperCase(),
	expiresOn: certificate.properties.expiresOn?.toISOString(),
});

// アーキテクチャ 2 (C#): Azure.Identity と Azure.Security.KeyVault.Certificates を使います。
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using Azure.Security.KeyVault.Certificates;

var vaultUri = new Uri("https://myvault.vault.azure.net/");
const string certificateName = "webcert";

// システム割り当てマネージド ID。ユーザー割り当てマネージド ID の場合:
// new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId("<client-id>"))
var credential = new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
var client = new CertificateClient(vaultUri, credential);

// 公開部分: バージョンと SHA-1 の拇印。秘密鍵は含みません。
KeyVaultCertificateWithPolicy info = await client.GetCertificateAsync(certificateName);
Console.WriteLine($"{info.Properties.Version} {Convert.ToHexString(info.Properties.X509Thumbprint)}");

// 秘密鍵付き: SDK は証明書を読み、続いてそれに対応するシークレットを読みます。そのため ID には
// certificates/get と secrets/get が必要です (Learn の DownloadCertificateAsync のリファレンスを参照)。
using X509Certificate2 certificate = await client.DownloadCertificateAsync(certificateName);
Console.WriteLine($"{certificate.Subject} {certificate.Thumbprint} private key: {certificate.HasPrivateKey}");

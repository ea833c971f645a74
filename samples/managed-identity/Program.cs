// Architecture 2 in C#: Azure.Identity and Azure.Security.KeyVault.Certificates.
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using Azure.Security.KeyVault.Certificates;

var vaultUri = new Uri("https://myvault.vault.azure.net/");
const string certificateName = "webcert";

// System-assigned identity. For a user-assigned identity:
// new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId("<client-id>"))
var credential = new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
var client = new CertificateClient(vaultUri, credential);

// The public part: version and SHA-1 thumbprint. No private key.
KeyVaultCertificateWithPolicy info = await client.GetCertificateAsync(certificateName);
Console.WriteLine($"{info.Properties.Version} {Convert.ToHexString(info.Properties.X509Thumbprint)}");

// With the private key: the SDK reads the certificate, then the secret behind it, so the identity
// needs certificates/get and secrets/get (see the DownloadCertificateAsync reference on Learn).
using X509Certificate2 certificate = await client.DownloadCertificateAsync(certificateName);
Console.WriteLine($"{certificate.Subject} {certificate.Thumbprint} private key: {certificate.HasPrivateKey}");

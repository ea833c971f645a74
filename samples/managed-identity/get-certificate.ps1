# Architecture 2 in PowerShell with no modules: a token from IMDS, then the Key Vault REST API.
# Run it on the VM. Works in PowerShell 7 and in Windows PowerShell 5.1 with .NET Framework 4.7.2 or later
# (needed for EphemeralKeySet). The versions are listed under "Applies to" on
# https://learn.microsoft.com/dotnet/api/system.security.cryptography.x509certificates.x509keystorageflags
$vaultName = 'myvault'
$certificateName = 'webcert'

# 1. A token for Key Vault from IMDS. For a user-assigned identity, append &client_id=<client-id>.
$imds = 'http://169.254.169.254/metadata/identity/oauth2/token' +
    '?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net'
$token = (Invoke-RestMethod -Uri $imds -Headers @{ Metadata = 'true' }).access_token

# 2. The secret behind the certificate: the only object that carries the private key.
$uri = "https://$vaultName.vault.azure.net/secrets/$($certificateName)?api-version=7.4"
$secret = Invoke-RestMethod -Uri $uri -Headers @{ Authorization = "Bearer $token" }
Write-Output $secret.contentType   # application/x-pkcs12 or application/x-pem-file

# 3. A PKCS #12 value is the base64 of a PFX without a password.
if ($secret.contentType -eq 'application/x-pkcs12') {
    $flags = [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]::EphemeralKeySet
    $certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new(
        [Convert]::FromBase64String($secret.value), [string]$null, $flags)
    $certificate | Format-List Subject, Thumbprint, NotAfter, HasPrivateKey
}

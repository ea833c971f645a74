# アーキテクチャ 2 (モジュールなしの PowerShell): IMDS からトークンを取得し、Key Vault の REST API を呼び出します。
# VM 上で実行します。PowerShell 7 と、.NET Framework 4.7.2 以降の Windows PowerShell 5.1 で動きます
# (EphemeralKeySet に必要です)。対象のバージョンは、次のページの「適用対象」で確認できます:
# https://learn.microsoft.com/ja-jp/dotnet/api/system.security.cryptography.x509certificates.x509keystorageflags
$vaultName = 'myvault'
$certificateName = 'webcert'

# 1. IMDS から Key Vault 用のトークンを取得します。ユーザー割り当てマネージド ID の場合は &client_id=<client-id> を付けます。
$imds = 'http://169.254.169.254/metadata/identity/oauth2/token' +
    '?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net'
$token = (Invoke-RestMethod -Uri $imds -Headers @{ Metadata = 'true' }).access_token

# 2. 証明書に対応するシークレット: 秘密鍵を含む唯一のオブジェクトです。
$uri = "https://$vaultName.vault.azure.net/secrets/$($certificateName)?api-version=7.4"
$secret = Invoke-RestMethod -Uri $uri -Headers @{ Authorization = "Bearer $token" }
Write-Output $secret.contentType   # application/x-pkcs12 または application/x-pem-file

# 3. コンテンツの種類が PFX (PKCS #12) の場合、値はパスワードなしの PFX を base64 にしたものです。
if ($secret.contentType -eq 'application/x-pkcs12') {
    $flags = [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]::EphemeralKeySet
    $certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new(
        [Convert]::FromBase64String($secret.value), [string]$null, $flags)
    $certificate | Format-List Subject, Thumbprint, NotAfter, HasPrivateKey
}

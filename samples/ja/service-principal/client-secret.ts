// アーキテクチャ 1。見分けられるように示すもので、まねするためのものではありません。
// VM に保存したサービス プリンシパルのクライアント シークレットで Key Vault を開きます。ここ (またはこの VM の
// バックアップやイメージ) の AZURE_CLIENT_SECRET を読める人は、どこからでも同じことができます。
// 代わりに ../managed-identity/ のマネージド ID のサンプルを使ってください。
import { ClientSecretCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';

const tenantId = process.env.AZURE_TENANT_ID;
const clientId = process.env.AZURE_CLIENT_ID;
const clientSecret = process.env.AZURE_CLIENT_SECRET; // 「シークレット ゼロ」: シークレットを守るためのシークレット
if (!tenantId || !clientId || !clientSecret) throw new Error('Service principal settings missing');

const vaultUrl = process.env.KEYVAULT_URL ?? 'https://myvault.vault.azure.net';
const certificateName = process.env.CERTIFICATE_NAME ?? 'webcert';

const credential = new ClientSecretCredential(tenantId, clientId, clientSecret);
const client = new SecretClient(vaultUrl, credential);

// アーキテクチャ 2 と同じ呼び出しです。違うのは資格情報だけです。
const secret = await client.getSecret(certificateName);
console.log(secret.properties.contentType, secret.properties.version);

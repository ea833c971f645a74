// 「ここから始める」のステップ 11: 証明書の全バージョンと拇印を表示し、現在のバージョンに印を付けます。
// バージョンなしの URL が返すのは現在のバージョンなので、VM 拡張機能が次にインストールするのもこのバージョンです。
// 必要なアクセス許可: certificates/list と certificates/get (Azure RBAC では Key Vault 証明書責任者)。
import { DefaultAzureCredential } from '@azure/identity';
import { CertificateClient, type CertificateProperties } from '@azure/keyvault-certificates';

const vaultUrl = process.env.KEYVAULT_URL ?? 'https://myvault.vault.azure.net';
const certificateName = process.env.CERTIFICATE_NAME ?? 'tutorial-cert';

const client = new CertificateClient(vaultUrl, new DefaultAzureCredential());

const versions: CertificateProperties[] = [];
for await (const properties of client.listPropertiesOfCertificateVersions(certificateName)) {
	versions.push(properties);
}
// Key Vault は順序を保証しません。作成日時の新しい順に並べ替えます。
versions.sort((a, b) => (b.createdOn?.getTime() ?? 0) - (a.createdOn?.getTime() ?? 0));

// まだバージョンを作っていない場合、空の一覧が返ります (404 にはなりません)。
if (versions.length === 0) {
	console.log(`${certificateName} has no versions yet.`);
	process.exit(0);
}
const current = await client.getCertificate(certificateName);
for (const version of versions) {
	const mark = version.version === current.properties.version ? '  (current)' : '';
	console.log(
		`${version.createdOn?.toISOString()}  ${version.x509ThumbprintString?.toUpperCase()}${mark}`
	);
}

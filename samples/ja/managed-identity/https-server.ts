// アーキテクチャ 2 の全体: Key Vault の証明書で HTTPS を提供し、証明書の更新に追従します。
// Key Vault は新しいバージョンをアプリケーションに送りません。アプリケーションが自分で読み直します。
import { createServer } from 'node:https';
import { SecretClient } from '@azure/keyvault-secrets';
import { createCredential } from './credential.ts';
import { loadCertificate } from './load-certificate.ts';

const vaultUrl = process.env.KEYVAULT_URL ?? 'https://myvault.vault.azure.net';
const certificateName = process.env.CERTIFICATE_NAME ?? 'webcert';
const port = Number(process.env.PORT ?? 8443);
// HOST を指定しなければすべてのインターフェイスで待ち受けます (ページの実行ボタンは 127.0.0.1 を渡します)。
const host = process.env.HOST;
// 既定では 1 時間に 1 回。VM 拡張機能 4.0 の既定のポーリングと同じです。
const refreshMs = Number(process.env.REFRESH_SECONDS ?? 3600) * 1000;

const client = new SecretClient(vaultUrl, createCredential());

// 起動時に 1 回読み取ってメモリに保持します。要求のたびに Key Vault を呼び出さないでください。
let current = await loadCertificate(client, certificateName);
const server = createServer(current.tls, (_request, response) => {
	response.end(`served with version ${current.version}\n`);
});
server.listen(port, host, () =>
	console.log(`listening on ${port} with version ${current.version}`)
);

async function refresh(): Promise<void> {
	try {
		const latest = await loadCertificate(client, certificateName);
		if (latest.version === current.version) return;
		// 新しい接続は更新後の証明書を使います。開いている接続はそのまま終わります。
		server.setSecureContext(latest.tls);
		current = latest;
		console.log(`switched to version ${latest.version}`);
	} catch (error) {
		// 今の証明書で提供を続け、次の間隔でもう一度試します。
		console.error('refresh failed', error);
	}
}

setInterval(() => void refresh(), refreshMs);

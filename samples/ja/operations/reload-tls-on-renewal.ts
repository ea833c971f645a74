/**
 * Linux: Key Vault VM 拡張機能がインストールした証明書で HTTPS を提供し、プロセスを再起動せずに
 * 更新後のバージョンへ切り替えます。
 *
 * KeyVaultForLinux 3.x は、証明書のバージョンごとに 1 つの PEM ファイル (リーフ、中間証明書、秘密鍵の順) を書き、
 * シンボリック リンク <VaultName>.<CertificateName> を最新のファイルに向けます。このサーバーは
 * シンボリック リンク経由で証明書を読み、リンク先の証明書が変わったかどうかを数分ごとに確かめます。
 * 変わっていれば TLS コンテキストをその場で差し替えます。すでに開いている接続は
 * 古いコンテキストのまま続きます。
 *
 * KeyVaultForLinux 4.x はチェーンとキーを別々のファイルに書きます。CERT_PATH と KEY_PATH を設定してください。
 * このサンプルはそこに PEM の秘密鍵があることを前提にしています。4.x のキー ファイルの形式は、
 * このガイドが使う出典には書かれていないため、VM 上のファイルを確認してください。
 * プロセスにはこれらのファイルを読み取るアクセス許可が必要です。拡張機能の `acls` 設定で許可しない限り、
 * ストアを読めるのは root だけです。
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:https';

const STORE = '/var/lib/waagent/Microsoft.Azure.KeyVault.Store';
/** シンボリック リンク。バージョン付きのファイル名は使いません。 */
const certPath = process.env['CERT_PATH'] ?? `${STORE}/myvault.webcert`;
/** 3.x では、秘密鍵はチェーンと同じファイルにあります。 */
const keyPath = process.env['KEY_PATH'] ?? certPath;
const port = Number(process.env['PORT'] ?? 8443);
const checkEveryMs = 5 * 60 * 1000;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g;

interface TlsMaterial {
	cert: string;
	key: string;
	/** リーフの SHA-1 拇印 (Windows と Azure portal が表示する形式)。 */
	thumbprint: string;
	validTo: string;
}

/** シンボリック リンク経由で PEM ファイルを読み、チェーンと秘密鍵に分けます。 */
async function loadTlsMaterial(): Promise<TlsMaterial> {
	const certText = await readFile(certPath, 'utf8');
	const keyText = keyPath === certPath ? certText : await readFile(keyPath, 'utf8');
	const blocks = (text: string) => [...text.matchAll(PEM_BLOCK)];
	const chain = blocks(certText)
		.filter((m) => m[1] === 'CERTIFICATE')
		.map((m) => m[0]);
	const key = blocks(keyText).find((m) => m[1]?.endsWith('PRIVATE KEY'))?.[0];
	const leaf = chain[0];
	if (leaf === undefined || key === undefined) {
		throw new Error(`No certificate or no private key in ${certPath} / ${keyPath}`);
	}
	const x509 = new X509Certificate(leaf);
	return {
		cert: chain.join('\n'),
		key,
		thumbprint: x509.fingerprint.replaceAll(':', ''),
		validTo: x509.validTo,
	};
}

async function main(): Promise<void> {
	let current = await loadTlsMaterial();
	const server = createServer({ cert: current.cert, key: current.key }, (_req, res) => {
		res.end('ok\n');
	});
	server.listen(port, () => {
		console.log(`listening on ${port} with ${current.thumbprint} (valid to ${current.validTo})`);
	});

	setInterval(() => {
		loadTlsMaterial()
			.then((next) => {
				if (next.thumbprint === current.thumbprint) return;
				server.setSecureContext({ cert: next.cert, key: next.key });
				console.log(`renewed: ${current.thumbprint} -> ${next.thumbprint}`);
				current = next;
			})
			.catch((error: unknown) => {
				// 読み取りに失敗した場合 (名前の変更中など) は、今の証明書を使い続けます。
				console.error('reload failed, keeping the current certificate:', error);
			});
	}, checkEveryMs);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});

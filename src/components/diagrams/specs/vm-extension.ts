import type { DiagramSpec } from '../model';
import { cell, labels, wide } from './layout';

/** Architecture 3: the Key Vault VM extension installs the certificate; the app opens the store. */
export const vmExtension: DiagramSpec = {
	...wide.size,
	title: {
		ja: 'アーキテクチャ 3: Key Vault VM 拡張機能が証明書をインストールする',
		en: 'Architecture 3: the Key Vault VM extension installs the certificate',
	},
	description: {
		ja: 'Key Vault VM 拡張機能は、VM のマネージド ID で IMDS からトークンを取得します。そして、バージョンなしの /secrets/ URL を定期的にポーリングし、秘密鍵付きの証明書を Windows の証明書ストアまたは Linux の PEM ファイルにインストールします。アプリケーションはストアやファイルから証明書を開くだけです。',
		en: 'The Key Vault VM extension gets a token for the VM’s managed identity from IMDS, polls the versionless /secrets/ URL, and installs the certificate with its private key into the Windows certificate store or a Linux PEM file. The application just opens the certificate from the store or file.',
	},
	groups: [wide.group],
	nodes: [
		cell('imds', 'a', 0, labels.imds),
		cell(
			'extension',
			'b',
			0,
			[
				{ ja: 'Key Vault', en: 'Key Vault' },
				{ ja: 'VM 拡張機能', en: 'VM extension' },
			],
			'accent'
		),
		cell('vault', 'azure', 0, labels.keyVault),
		cell('store', 'a', 2, [
			{ ja: '証明書ストア', en: 'Certificate store' },
			{ ja: 'または PEM ファイル', en: 'or PEM file' },
		]),
		cell('app', 'b', 2, labels.app),
		cell('peer', 'azure', 2, labels.peer),
	],
	edges: [
		{ from: 'extension', to: 'imds', step: 1, label: { ja: 'トークン', en: 'token' } },
		{
			from: 'extension',
			to: 'vault',
			step: 2,
			offset: 12,
			label: { ja: 'ポーリング', en: 'poll' },
		},
		{
			from: 'vault',
			to: 'extension',
			step: 3,
			offset: 12,
			label: { ja: 'PFX / PEM', en: 'PFX / PEM' },
		},
		{ from: 'extension', to: 'store', step: 4, label: { ja: 'インストール', en: 'install' } },
		{ from: 'store', to: 'app', step: 5, label: { ja: '開く', en: 'open' } },
		{ from: 'app', to: 'peer', step: 5, label: { ja: 'TLS', en: 'TLS' } },
	],
	summary: [
		{ ja: '資格情報: なし (マネージド ID)', en: 'Credential: none stored (managed identity)' },
		{ ja: '証明書を取得: VM 拡張機能', en: 'Fetches the certificate: the VM extension' },
		{
			ja: '更新時: 新しいバージョンが自動で追加される',
			en: 'Renewal: new versions are installed for you',
		},
	],
	steps: [
		{
			nodes: ['extension', 'imds'],
			text: {
				ja: '拡張機能が IMDS から VM のマネージド ID のトークンを取得します。',
				en: 'The extension gets a token for the VM’s managed identity from IMDS.',
			},
		},
		{
			nodes: ['extension', 'vault'],
			text: {
				ja: '監視対象の各証明書について、バージョンなしの `/secrets/` URL を `pollingIntervalInS` ごとにポーリングします。',
				en: 'It polls the versionless `/secrets/` URL of each observed certificate every `pollingIntervalInS` seconds.',
			},
		},
		{
			nodes: ['vault', 'extension'],
			text: {
				ja: 'Key Vault が現在のバージョンを秘密鍵付きで (PKCS #12 または PEM で) 返します。',
				en: 'Key Vault returns the current version with its private key (as PKCS #12 or PEM).',
			},
		},
		{
			nodes: ['extension', 'store'],
			text: {
				ja: '拡張機能が証明書を Windows の証明書ストア (例: `LocalMachine\\My`) か、Linux の PEM ファイルとシンボリック リンクにインストールします。',
				en: 'The extension installs it into the Windows certificate store (for example `LocalMachine\\My`) or a Linux PEM file with a symbolic link.',
			},
		},
		{
			nodes: ['store', 'app', 'peer'],
			text: {
				ja: 'アプリケーションはストアやファイルから証明書を開いて使います。Key Vault を呼ぶコードはアプリケーションにありません。',
				en: 'The application opens the certificate from the store or file and uses it. There is no Key Vault code in the application.',
			},
		},
	],
};

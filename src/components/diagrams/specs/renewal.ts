import type { DiagramSpec } from '../model';
import { cell, wide } from './layout';

/** The extension's renewal flow: poll → new version → installed beside the old one. */
export const renewal: DiagramSpec = {
	...wide.size,
	title: {
		ja: '証明書の更新: 新しいバージョンが古いバージョンの隣にインストールされる',
		en: 'Renewal: the new version is installed beside the old one',
	},
	description: {
		ja: 'Key Vault で証明書が更新されると新しいバージョン (新しい拇印) ができます。拡張機能は次のポーリングでそれを取得し、古いバージョンを残したまま、その隣にインストールします。アプリケーションは新しい証明書に切り替えます。',
		en: 'Renewing the certificate in Key Vault creates a new version with a new thumbprint. The extension gets it on its next poll and installs it beside the old version, which stays. The application switches to the new certificate.',
	},
	groups: [wide.group],
	nodes: [
		cell('extension', 'b', 0, [{ ja: 'VM 拡張機能', en: 'VM extension' }]),
		cell(
			'old',
			'b',
			1,
			[
				{ ja: 'バージョン 1', en: 'Version 1' },
				{ ja: '拇印 A (残る)', en: 'thumbprint A (stays)' },
			],
			'muted'
		),
		cell(
			'new',
			'b',
			2,
			[
				{ ja: 'バージョン 2', en: 'Version 2' },
				{ ja: '拇印 B', en: 'thumbprint B' },
			],
			'accent'
		),
		cell('app', 'a', 2, [{ ja: 'アプリケーション', en: 'Application' }]),
		cell('vault', 'azure', 0, [
			{ ja: 'Key Vault の証明書', en: 'Key Vault' },
			{ ja: '(バージョンなし URL)', en: '(versionless URL)' },
		]),
		cell(
			'version',
			'azure',
			2,
			[
				{ ja: '新しいバージョン', en: 'New version' },
				{ ja: '拇印 B', en: 'thumbprint B' },
			],
			'accent'
		),
	],
	edges: [
		{ from: 'vault', to: 'version', step: 1, label: { ja: '更新', en: 'renew' } },
		{ from: 'extension', to: 'vault', step: 2, label: { ja: 'ポーリング', en: 'poll' } },
		{ from: 'version', to: 'new', step: 3, label: { ja: '隣に追加', en: 'add beside' } },
		{ from: 'new', to: 'app', step: 4, label: { ja: '切り替え', en: 'switch' } },
	],
	steps: [
		{
			nodes: ['vault', 'version'],
			text: {
				ja: 'Key Vault で証明書が更新され、新しいバージョンができます。サブジェクトは同じでも拇印は新しくなります。',
				en: 'The certificate is renewed in Key Vault: a new version with a new thumbprint, usually with the same subject.',
			},
		},
		{
			nodes: ['extension', 'vault', 'version'],
			text: {
				ja: '拡張機能が次にバージョンなしの URL をポーリングすると、新しいバージョンが返ります。',
				en: 'The extension’s next poll of the versionless URL returns the new version.',
			},
		},
		{
			nodes: ['version', 'new', 'old'],
			text: {
				ja: '拡張機能は新しいバージョンを古いバージョンの隣にインストールします。Windows ではストアに両方が並び (4.0 がインストールするのは最新の 2 バージョン)、Linux では新しいファイルができてシンボリック リンクがそちらに移ります。',
				en: 'The extension installs it beside the old one. On Windows both sit in the store (4.0 installs the two newest); on Linux a new file appears and the symbolic link moves to it.',
			},
		},
		{
			nodes: ['new', 'app'],
			text: {
				ja: 'アプリケーションが新しい証明書に切り替えます。Windows では更新のリンク (1.0/3.0 は `linkOnRenewal`、4.0 は常時) と IIS の再バインド、Linux ではシンボリック リンク経由で開き直します。',
				en: 'The application switches to the new certificate: on Windows through renewal linking (`linkOnRenewal` in 1.0/3.0, always in 4.0) and IIS rebinding; on Linux by reopening the file through the symbolic link.',
			},
		},
	],
};

/**
 * Exercise D: scenarios and the architecture that fits best (0: a credential stored on the machine,
 * 1: managed identity from code, 2: the extension), each with a hint for a wrong answer and the
 * explanation shown once it is right. The facilitator's answer key is rendered from the same data.
 */

import type { Lang } from '../../../core/i18n/index.ts';

/** One scenario of the quiz, in one language. */
export interface QuizScenario {
	/** Stable id, reported to the room instead of the text. */
	id: string;
	text: string;
	/** Index of the best option. */
	answer: 0 | 1 | 2;
	/** Shown when the answer is wrong: a question that leads to the rule, not the answer. */
	hint: string;
	/** Shown when the answer is right: why, and the runner-up. */
	why: string;
}

export const quiz: Record<Lang, QuizScenario[]> = {
	en: [
		{
			id: 'iis',
			text: 'An IIS site on an Azure VM must use its renewed TLS certificate without any code change.',
			answer: 2,
			hint: 'IIS reads its certificate from the Windows certificate store. Which architecture puts the certificate there for you?',
			why: 'The extension installs each renewed version into the store and, on Windows, links it to the previous one so IIS can rebind. Runner-up: managed identity, which needs code to fetch and bind the certificate.',
		},
		{
			id: 'agent',
			text: 'A build agent on a server in the company’s own data centre, with no Azure identity of its own, must read a secret from Key Vault.',
			answer: 0,
			hint: 'A managed identity and the extension both need an Azure VM or an Arc-enabled server. Is this machine one?',
			why: 'With no identity of its own, a credential stored on the machine is what is left. Check the alternatives first: connecting the server to Azure Arc gives it a managed identity, and many CI platforms can use workload identity federation instead of a stored secret.',
		},
		{
			id: 'password',
			text: 'A service on an Azure VM reads a database password, stored as a Key Vault secret (not a certificate), when it starts.',
			answer: 1,
			hint: 'The extension installs certificates into a store or files. Is a password a certificate?',
			why: 'The VM’s managed identity gets a token from IMDS, and the service reads the secret with the Azure SDK: nothing is stored on the VM. The extension only handles certificates.',
		},
		{
			id: 'nginx',
			text: 'nginx on a Linux VM serves a certificate from Key Vault; the team wants no credential and no Key Vault code on the VM.',
			answer: 2,
			hint: 'nginx reads PEM files. Which architecture writes them for you, with no code of your own?',
			why: 'The extension writes the certificate as PEM files (on 3.0, one file per version and a symbolic link to the newest) using the VM’s managed identity. Reload nginx after a renewal. Runner-up: managed identity, which needs code to write the files.',
		},
		{
			id: 'arc',
			text: 'An IIS site runs on a Windows server in the company’s own data centre that is connected to Azure Arc.',
			answer: 2,
			hint: 'What does connecting a server to Azure Arc give it?',
			why: 'An Arc-enabled server has a managed identity, and the Key Vault VM extension runs on Arc-enabled servers too. Runner-up: managed identity from code, through the Arc agent’s identity endpoint.',
		},
		{
			id: 'signing',
			text: 'An app on an Azure VM signs documents with a certificate’s private key that it loads into memory at the moment it decides, in its own format.',
			answer: 1,
			hint: 'Does the app want the certificate in the operating system’s store, or in its own memory when it chooses?',
			why: 'When the app needs the certificate in memory, in its own format or at a moment it controls, it reads Key Vault itself with the managed identity. Runner-up: the extension, if the app can read the certificate from the store instead.',
		},
	],
	ja: [
		{
			id: 'iis',
			text: 'Azure VM 上の IIS サイトが、コードを変更せずに更新後の TLS 証明書を使う必要があります。',
			answer: 2,
			hint: 'IIS は Windows の証明書ストアから証明書を読み取ります。証明書をストアに入れてくれるのはどのアーキテクチャですか。',
			why: '拡張機能は更新された各バージョンをストアにインストールし、Windows では前のバージョンにリンクするので、IIS がバインドを切り替えられます。次点はマネージド ID ですが、証明書を取得してバインドするコードが必要です。',
		},
		{
			id: 'agent',
			text: '自社のデータセンターにあるサーバーで動くビルド エージェントが、Key Vault のシークレットを読み取る必要があります。このサーバーには Azure の ID がありません。',
			answer: 0,
			hint: 'マネージド ID も拡張機能も、Azure VM か Azure Arc 対応サーバーが前提です。このマシンはどちらかですか。',
			why: 'マシン自身の ID がないため、マシンに資格情報を保存する方法しか残りません。ただし、先にほかの方法を確認してください。サーバーを Azure Arc に接続するとマネージド ID を使えます。多くの CI サービスでは、保存したシークレットの代わりにワークロード ID フェデレーションを使えます。',
		},
		{
			id: 'password',
			text: 'Azure VM 上のサービスが、起動時にデータベースのパスワードを読み取ります。パスワードは Key Vault のシークレット (証明書ではない) として保存されています。',
			answer: 1,
			hint: '拡張機能は、証明書をストアやファイルにインストールします。パスワードは証明書ですか。',
			why: 'VM のマネージド ID で IMDS からトークンを取得し、サービスが Azure SDK でシークレットを読み取ります。VM には何も保存しません。拡張機能が扱うのは証明書だけです。',
		},
		{
			id: 'nginx',
			text: 'Linux VM 上の nginx が Key Vault の証明書を使います。チームは、VM に資格情報も Key Vault のコードも置きたくありません。',
			answer: 2,
			hint: 'nginx は PEM ファイルを読み取ります。独自のコードなしで、そのファイルを書き込んでくれるのはどのアーキテクチャですか。',
			why: '拡張機能は VM のマネージド ID を使い、証明書を PEM ファイルとして書き込みます (3.0 ではバージョンごとのファイルと、最新のファイルを指すシンボリック リンク)。更新後は nginx を再読み込みします。次点はマネージド ID ですが、ファイルを書き込むコードが必要です。',
		},
		{
			id: 'arc',
			text: '自社のデータセンターにある、Azure Arc に接続した Windows サーバーで IIS サイトが動いています。',
			answer: 2,
			hint: 'サーバーを Azure Arc に接続すると、何が使えるようになりますか。',
			why: 'Azure Arc 対応サーバーにはマネージド ID があり、Key Vault VM 拡張機能も Azure Arc 対応サーバーで動作します。次点は、Arc エージェントの ID エンドポイントを使い、コードからマネージド ID で読み取る方法です。',
		},
		{
			id: 'signing',
			text: 'Azure VM 上のアプリが、証明書の秘密鍵を使って文書に署名します。アプリは、自分で決めたタイミングに、独自の形式で証明書をメモリに読み込みます。',
			answer: 1,
			hint: 'アプリが必要としているのは OS のストアにある証明書ですか。それとも、自分が決めたときにメモリへ読み込む証明書ですか。',
			why: '証明書をメモリに、独自の形式で、アプリが決めたタイミングで必要とする場合は、アプリ自身がマネージド ID で Key Vault を読み取ります。次点は拡張機能です。アプリがストアから証明書を読み取れるなら使えます。',
		},
	],
};

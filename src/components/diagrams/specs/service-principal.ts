import type { DiagramSpec } from '../model';
import { inAzure, inVm, labels, size, vmGroup } from './layout';

/** Architecture 1: the app holds a service principal's secret on the VM ("secret zero"). */
export const servicePrincipal: DiagramSpec = {
	...size,
	title: {
		ja: 'アーキテクチャ 1: VM に置いたシークレットで Key Vault にアクセスする',
		en: 'Architecture 1: reaching Key Vault with a secret stored on the VM',
	},
	description: {
		ja: '仮想マシン上のアプリケーションが、ディスクに保存されたサービス プリンシパルのクライアント シークレットで Microsoft Entra ID からトークンを取得し、Key Vault から証明書を取得して TLS に使います。シークレットが VM 上にあることが弱点です。',
		en: 'An application on the virtual machine uses a service principal’s client secret stored on disk to get a token from Microsoft Entra ID, then fetches the certificate from Key Vault and uses it for TLS. The secret on the VM is the weak point.',
	},
	groups: [vmGroup],
	nodes: [
		inVm('app', 0, labels.app),
		inVm(
			'secret',
			3,
			[
				{ ja: 'クライアント シークレット', en: 'Client secret' },
				{ ja: '(構成ファイルに保存)', en: '(in a config file)' },
			],
			'danger'
		),
		inAzure('entra', 0, labels.entra),
		inAzure('vault', 1, labels.keyVault),
		inAzure('peer', 2, labels.peer),
	],
	edges: [
		{ from: 'secret', to: 'app', step: 1, label: { ja: '読み取り', en: 'read' } },
		{ from: 'app', to: 'entra', step: 2, label: { ja: 'トークン取得', en: 'get a token' } },
		{ from: 'app', to: 'vault', step: 3, label: { ja: '証明書を取得', en: 'get the certificate' } },
		{ from: 'app', to: 'peer', step: 4, label: { ja: 'TLS', en: 'TLS' } },
	],
	summary: [
		{
			ja: '資格情報: VM 上のクライアント シークレット',
			en: 'Credential: a client secret on the VM',
		},
		{ ja: '証明書を取得: アプリケーション', en: 'Fetches the certificate: the app' },
		{
			ja: '更新時: アプリとシークレットの両方を管理',
			en: 'Renewal: the app, plus the secret’s own rotation',
		},
	],
	steps: [
		{
			nodes: ['secret', 'app'],
			text: {
				ja: 'アプリケーションが、VM に保存されたサービス プリンシパルのクライアント シークレット (または証明書) を構成ファイルや環境変数から読み取ります。',
				en: 'The application reads the service principal’s client secret (or certificate) stored on the VM, in a config file or an environment variable.',
			},
		},
		{
			nodes: ['app', 'entra'],
			text: {
				ja: 'クライアント ID とシークレットを Microsoft Entra ID に送り、アクセス トークンを受け取ります。',
				en: 'It sends the client ID and secret to Microsoft Entra ID and receives an access token.',
			},
		},
		{
			nodes: ['app', 'vault'],
			text: {
				ja: 'トークンを付けて Key Vault を呼び出し、証明書 (秘密鍵を含むシークレット) をダウンロードします。',
				en: 'It calls Key Vault with the token and downloads the certificate (the secret, with its private key).',
			},
		},
		{
			nodes: ['app', 'peer'],
			text: {
				ja: 'アプリケーションが証明書を TLS サーバー認証やクライアント認証に使います。VM 上のシークレットが漏れれば、誰でも同じ手順で証明書を取り出せます。',
				en: 'The application uses the certificate for TLS server or client authentication. Whoever obtains the secret on the VM can repeat these steps and take the certificate.',
			},
		},
	],
};

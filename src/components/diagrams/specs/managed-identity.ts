import type { DiagramSpec } from '../model';
import { inAzure, inVm, labels, size, vmGroup } from './layout';

/** Architecture 2: the app gets a token from IMDS for the VM's managed identity. */
export const managedIdentity: DiagramSpec = {
	...size,
	title: {
		ja: 'アーキテクチャ 2: マネージド ID で Key Vault にアクセスする',
		en: 'Architecture 2: reaching Key Vault with the VM’s managed identity',
	},
	description: {
		ja: '仮想マシン上のアプリケーションが IMDS エンドポイントにトークンを要求し、Azure が VM のマネージド ID のトークンを Microsoft Entra ID から発行します。アプリケーションはそのトークンで Key Vault から証明書を取得します。VM に資格情報は保存されません。',
		en: 'An application on the virtual machine asks the IMDS endpoint for a token; Azure issues a token for the VM’s managed identity from Microsoft Entra ID. The application uses it to fetch the certificate from Key Vault. No credential is stored on the VM.',
	},
	groups: [vmGroup],
	nodes: [
		inVm('app', 0, labels.app),
		inVm('imds', 3, labels.imds),
		inAzure('entra', 2, labels.entra),
		inAzure('vault', 0, labels.keyVault),
		inAzure('peer', 1, labels.peer),
	],
	edges: [
		{ from: 'app', to: 'imds', step: 1, label: { ja: 'トークン要求', en: 'ask for a token' } },
		{ from: 'imds', to: 'entra', step: 2, label: { ja: 'ID のトークン', en: 'identity token' } },
		{ from: 'app', to: 'vault', step: 3, label: { ja: '証明書を取得', en: 'get the certificate' } },
		{ from: 'app', to: 'peer', step: 4, label: { ja: 'TLS', en: 'TLS' } },
	],
	summary: [
		{ ja: '資格情報: なし (マネージド ID)', en: 'Credential: none stored (managed identity)' },
		{ ja: '証明書を取得: アプリケーション', en: 'Fetches the certificate: the app' },
		{ ja: '更新時: アプリが取り直す', en: 'Renewal: the app fetches again' },
	],
	steps: [
		{
			nodes: ['app', 'imds'],
			text: {
				ja: 'アプリケーションが IMDS (`http://169.254.169.254/metadata/identity/oauth2/token`) にトークンを要求します。要求には `Metadata: true` ヘッダーを付け、対象は `https://vault.azure.net` です。保存された資格情報は使いません。',
				en: 'The application asks IMDS (`http://169.254.169.254/metadata/identity/oauth2/token`, with the header `Metadata: true`) for a token for `https://vault.azure.net`. No stored credential is involved.',
			},
		},
		{
			nodes: ['imds', 'entra'],
			text: {
				ja: 'Azure が VM のマネージド ID のトークンを Microsoft Entra ID から発行し、IMDS がアプリケーションに返します。',
				en: 'Azure issues a token for the VM’s managed identity from Microsoft Entra ID, and IMDS returns it to the application.',
			},
		},
		{
			nodes: ['app', 'vault'],
			text: {
				ja: 'アプリケーションがトークンを付けて Key Vault を呼び出し、証明書を取得します。',
				en: 'The application calls Key Vault with the token and gets the certificate.',
			},
		},
		{
			nodes: ['app', 'peer'],
			text: {
				ja: 'アプリケーションが証明書を使います。証明書が更新されたら、取り直すのはアプリケーション自身の仕事です。',
				en: 'The application uses the certificate. When it is renewed, fetching it again is the application’s own job.',
			},
		},
	],
};

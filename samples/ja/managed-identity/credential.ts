import { ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

/**
 * IMDS から取得する VM のマネージド ID。VM のどこにもシークレットを保存しません。
 * AZURE_CLIENT_ID を設定すると、そのクライアント ID のユーザー割り当てマネージド ID を使います (VM に
 * 複数の ID がある場合に必要)。設定しなければシステム割り当てマネージド ID を使います。
 */
export function createCredential(): TokenCredential {
	const clientId = process.env.AZURE_CLIENT_ID;
	return clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
}

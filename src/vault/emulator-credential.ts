import type { AccessToken, TokenCredential } from '@azure/identity';

/**
 * A TokenCredential for the embedded demo vault: asks the emulator's IMDS for a token exactly as a
 * VM's managed identity would (`Metadata: true`). Kept separate from DefaultAzureCredential so a
 * demo token never goes to Azure and an Azure token never goes to the emulator.
 */
export class EmulatorImdsCredential implements TokenCredential {
	/** @param clientId picks a user-assigned identity, as `client_id` does on a real VM. */
	constructor(
		private readonly imdsUrl: string,
		private readonly clientId?: string
	) {}

	/** Gets a token for the resource of the first scope (`https://vault.azure.net/.default`). */
	async getToken(scopes: string | string[]): Promise<AccessToken> {
		const scope =
			(Array.isArray(scopes) ? scopes[0] : scopes) ?? 'https://vault.azure.net/.default';
		const url = new URL('/metadata/identity/oauth2/token', this.imdsUrl);
		url.searchParams.set('api-version', '2018-02-01');
		url.searchParams.set('resource', scope.replace(/\/\.default$/, ''));
		if (this.clientId) url.searchParams.set('client_id', this.clientId);
		const response = await fetch(url, {
			headers: { Metadata: 'true' },
			signal: AbortSignal.timeout(5000),
		});
		if (!response.ok) throw new Error(`The demo IMDS answered ${response.status}.`);
		const body = (await response.json()) as { access_token: string; expires_on: string };
		return { token: body.access_token, expiresOnTimestamp: Number(body.expires_on) * 1000 };
	}
}

import { randomBytes } from 'node:crypto';
import type { VaultStore } from './vault-store.ts';

/** A managed identity the fake IMDS can issue tokens for. */
export interface ManagedIdentity {
	/** `servicePrincipal`: the demo app registration of architecture 1 (never served by IMDS). */
	kind: 'system' | 'user' | 'servicePrincipal';
	clientId: string;
	objectId: string;
	/** ARM resource id (user-assigned) or the VM's id (system-assigned). */
	resourceId: string;
	/** Whether the vault lets this identity read certificates; false gives 403 ForbiddenByRbac. */
	canReadVault: boolean;
	/**
	 * The vault this identity sees, when it is a visitor's own view (see RunningEmulator.openView);
	 * absent: the emulator's shared store.
	 */
	store?: VaultStore;
	/** A view that has ended: its tokens no longer work. */
	closed?: boolean;
}

const demoSubscription =
	'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/kvcert-demo';

/**
 * The demo VM's identities: a system-assigned identity with access, a user-assigned identity with
 * access, and a user-assigned identity without any role on the vault (to show the 403 path).
 */
export function demoIdentities(): ManagedIdentity[] {
	return [
		{
			kind: 'system',
			clientId: '11111111-1111-4111-8111-111111111111',
			objectId: '11111111-aaaa-4aaa-8aaa-111111111111',
			resourceId: `${demoSubscription}/providers/Microsoft.Compute/virtualMachines/kvcert-demo-vm`,
			canReadVault: true,
		},
		{
			kind: 'user',
			clientId: '22222222-2222-4222-8222-222222222222',
			objectId: '22222222-aaaa-4aaa-8aaa-222222222222',
			resourceId: `${demoSubscription}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kvcert-demo-identity`,
			canReadVault: true,
		},
		{
			kind: 'user',
			clientId: '33333333-3333-4333-8333-333333333333',
			objectId: '33333333-aaaa-4aaa-8aaa-333333333333',
			resourceId: `${demoSubscription}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kvcert-no-access`,
			canReadVault: false,
		},
	];
}

/** A token the fake IMDS issued. */
export interface IssuedToken {
	resource: string;
	identity: ManagedIdentity;
	/** Unix seconds. */
	expiresOn: number;
}

/**
 * Opaque bearer tokens issued by the fake IMDS and accepted by the vault. Tokens never leave this
 * registry except in the IMDS response body; tests read {@link TokenRegistry.all} to prove that.
 * Bounded: expired tokens are dropped, and past `capacity` the oldest goes (a long-running demo
 * server keeps flat memory however many lookups it serves).
 */
export class TokenRegistry {
	readonly #tokens = new Map<string, IssuedToken>();

	/** @param capacity most tokens kept at once. @default 1000 */
	constructor(private readonly capacity = 1000) {}

	/** Issues a new token for `resource` on behalf of `identity`, valid for a day. */
	issue(resource: string, identity: ManagedIdentity): { token: string; expiresOn: number } {
		const token = `kvemu.${randomBytes(32).toString('base64url')}`;
		const now = Math.floor(Date.now() / 1000);
		const expiresOn = now + 86_399;
		// Map keeps insertion order, and tokens expire in the order they were issued.
		for (const [oldest, record] of this.#tokens) {
			if (record.expiresOn > now && this.#tokens.size < this.capacity) break;
			this.#tokens.delete(oldest);
		}
		this.#tokens.set(token, { resource, identity, expiresOn });
		return { token, expiresOn };
	}

	/** The token's record if this registry issued it and it has not expired. */
	lookup(token: string): IssuedToken | undefined {
		const found = this.#tokens.get(token);
		return found && found.expiresOn > Date.now() / 1000 ? found : undefined;
	}

	/** Every token still held: the newest, unexpired ones (for leak tests). */
	all(): string[] {
		return [...this.#tokens.keys()];
	}
}

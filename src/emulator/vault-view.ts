import { randomUUID } from 'node:crypto';
import type { ManagedIdentity } from './identities.ts';
import type { StoredVersion, VaultStore } from './vault-store.ts';
import type { WriteLimits } from './write-budget.ts';

/** A visitor's own view of the vault (see RunningEmulator.openView). */
export interface VaultView {
	/** The view's identity: ask the IMDS with `client_id=<clientId>` (AZURE_CLIENT_ID for a sample). */
	clientId: string;
	/** Its identity; `canReadVault = false` revokes its access, and only its access. */
	identity: ManagedIdentity;
	/** Its copy of the vault. */
	store: VaultStore;
	/** A new version of `name` in this view only (throws WriteRefusedError past its limits). */
	rotate(name: string): StoredVersion;
	/** Ends the view: its identity is forgotten and its tokens stop working. */
	close(): void;
}

/** What {@link openVaultView} needs from the running emulator. */
export interface VaultViewHost {
	store: VaultStore;
	identities: ManagedIdentity[];
	views: { open: number; max: number };
	rotate(name: string, within: VaultStore): StoredVersion;
}

/**
 * Opens a view: a fork of the shared store read by a new user-assigned identity. The emulator's
 * Key Vault routes serve each token from its identity's store, so a view's changes stay in it.
 * `limits` bound the view's own writes (default: the shared store's).
 */
export function openVaultView(host: VaultViewHost, limits?: WriteLimits): VaultView {
	if (host.views.open >= host.views.max)
		throw new Error(`The emulator already has ${host.views.max} views open.`);
	const store = host.store.fork(limits);
	const id = randomUUID();
	const identity: ManagedIdentity = {
		kind: 'user',
		clientId: id,
		objectId: randomUUID(),
		resourceId: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/kvcert-demo/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kvcert-view-${id.slice(0, 8)}`,
		canReadVault: true,
		store,
	};
	host.identities.push(identity);
	host.views.open++;
	let open = true;
	return {
		clientId: identity.clientId,
		identity,
		store,
		rotate: (name) => host.rotate(name, store),
		close() {
			if (!open) return;
			open = false;
			host.views.open--;
			identity.closed = true;
			identity.canReadVault = false;
			const index = host.identities.indexOf(identity);
			if (index >= 0) host.identities.splice(index, 1);
		},
	};
}

import { describe, expect, test } from 'vitest';
import {
	createPolicy,
	MAX_VERSIONS_PER_CERTIFICATE,
	VaultStore,
} from '../../../src/emulator/vault-store.ts';

describe('the emulator vault keeps a bounded number of versions per certificate', () => {
	test('past the limit the oldest versions go, the newest stays current', () => {
		const store = new VaultStore();
		const policy = createPolicy({ subject: 'CN=www.contoso.com' });
		const created: string[] = [];
		for (let i = 0; i < MAX_VERSIONS_PER_CERTIFICATE + 3; i++)
			created.push(
				store.createVersion('tutorial-cert', policy, { created: 1_800_000_000 + i }).version
			);
		const kept = store.get('tutorial-cert')!.versions.map((v) => v.version);
		expect(kept).toHaveLength(MAX_VERSIONS_PER_CERTIFICATE);
		expect(kept).toEqual(created.slice(3));
		expect(store.latest('tutorial-cert')!.version).toBe(created.at(-1));
		expect(store.getVersion('tutorial-cert', created[0]!)).toBeUndefined();
	});
});

import { describe, expect, it, vi } from 'vitest';
import { fileGrammars } from '../../../../src/cli/grammars.ts';
import { check } from '../../../../src/core/check/index.ts';
import { parseOnce } from '../../../../src/core/check/input/parse-once.ts';
import {
	GrammarLimitReached,
	grammarParser,
	type LanguageParser,
} from '../../../../src/core/check/input/tree-sitter.ts';

/** A Bicep extension whose version depends on a parameter without a value: checked per branch. */
const branching = `param OS string
resource vm 'Microsoft.Compute/virtualMachines@2024-11-01' = {
  name: 'vm1'
  location: 'japaneast'
  identity: { type: 'SystemAssigned' }
  properties: {}
}
resource ext 'Microsoft.Compute/virtualMachines/extensions@2024-11-01' = {
  parent: vm
  name: 'kv'
  location: 'japaneast'
  properties: {
    publisher: 'Microsoft.Azure.KeyVault'
    type: OS == 'Windows' ? 'KeyVaultForWindows' : 'KeyVaultForLinux'
    typeHandlerVersion: OS == 'Windows' ? '3.0' : '2.0'
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: '3600'
        observedCertificates: [ 'https://kv1.vault.azure.net/secrets/web' ]
      }
    }
  }
}
`;

describe('each text is parsed once per check (issue 21)', () => {
	it('the reading passes of per-branch checking share the first parse', async () => {
		const parser = await grammarParser(fileGrammars, 'bicep');
		const parse = vi.spyOn(parser, 'parse');
		try {
			const result = await check(branching, { path: 'main.bicep', grammars: fileGrammars });
			// The branches were tried (findings that hold on one branch say so)…
			expect(result.diagnostics.map((d) => d.message)).toEqual([
				expect.stringMatching(/This applies when OS is not 'Windows'\.$/),
				expect.stringMatching(/This applies when OS is 'Windows'\.$/),
			]);
			// …over one parse of the file, not one per pass.
			expect(parse).toHaveBeenCalledTimes(1);
		} finally {
			parse.mockRestore();
		}
	});

	it('gives the same tree again, and the same "limit reached" again', () => {
		const root = { type: 'program' } as never;
		const limit = new GrammarLimitReached(7, 'work');
		const parse = vi.fn((text: string) => {
			if (text === 'too much') throw limit;
			return root;
		});
		const once = parseOnce({ parse, parseOnly: () => {} } satisfies LanguageParser);
		expect(once.parse('a')).toBe(root);
		expect(once.parse('a')).toBe(root);
		expect(() => once.parse('too much')).toThrow(limit);
		expect(() => once.parse('too much')).toThrow(limit);
		expect(parse).toHaveBeenCalledTimes(2);
		// A piece of a larger file is another parse for each place it stands at.
		once.parse('a', { source: 'xa', offset: 1 });
		once.parse('a', { source: 'xa', offset: 1 });
		once.parse('a', { source: 'yya', offset: 2 });
		expect(parse).toHaveBeenCalledTimes(4);
	});

	it('keeps no other error: a failing parse is tried again', () => {
		const parse = vi.fn((): undefined => {
			throw new Error('runtime gone');
		});
		const once = parseOnce({ parse, parseOnly: () => {} });
		expect(() => once.parse('a')).toThrow('runtime gone');
		expect(() => once.parse('a')).toThrow('runtime gone');
		expect(parse).toHaveBeenCalledTimes(2);
	});
});

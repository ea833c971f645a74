import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { grammarPath } from '../../../../src/cli/grammars.ts';
import { check } from '../../../../src/core/check/index.ts';
import {
	urlGrammarLoader,
	type GrammarName,
} from '../../../../src/core/check/input/tree-sitter.ts';
import { bicep } from './helpers.ts';

/** A loader as a browser worker would make it, with fetch served from node_modules and logged. */
function loggedLoader() {
	const fetched: string[] = [];
	const urls: Record<GrammarName, string> = {
		runtime: '/assets/tree-sitter.wasm',
		bicep: '/assets/tree-sitter-bicep.wasm',
		terraform: '/assets/tree-sitter-terraform.wasm',
	};
	const byUrl = new Map(Object.entries(urls).map(([name, url]) => [url, name as GrammarName]));
	const loader = urlGrammarLoader(urls, async (url) => {
		fetched.push(url);
		const name = byUrl.get(url);
		if (!name) return { ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) };
		const bytes = await readFile(await grammarPath(name));
		return {
			ok: true,
			status: 200,
			arrayBuffer: async () =>
				bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
		};
	});
	return { loader, fetched };
}

describe('grammars load lazily through the injected loader', () => {
	it('fetches nothing for ARM JSON, and only the Bicep grammar for Bicep', async () => {
		const { loader, fetched } = loggedLoader();
		const arm = await check('{ "resources": [] }', { grammars: loader });
		expect(arm.kind).toBe('template');
		expect(fetched).toEqual([]);
		const result = await check(bicep(), { grammars: loader });
		expect(result.kind).toBe('bicep');
		expect(result.extensionCount).toBe(1);
		expect(fetched.filter((u) => u.includes('terraform'))).toEqual([]);
		expect(fetched).toContain('/assets/tree-sitter-bicep.wasm');
		// A second check reuses the parser.
		const count = fetched.length;
		await check(bicep(), { grammars: loader });
		expect(fetched.length).toBe(count);
	});

	it('says the file was not read when the grammar cannot be fetched', async () => {
		const broken = urlGrammarLoader(
			{ runtime: '/x', bicep: '/missing.wasm', terraform: '/missing.wasm' },
			async () => ({ ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) })
		);
		await expect(
			check('resource "azurerm_virtual_machine_extension" "kv" {\n}\n', {
				grammars: broken,
			})
		).rejects.toThrow(/404/);
	});

	it('reports Bicep without a loader as not read, never as clean', async () => {
		const result = await check(bicep(), { lang: 'ja' });
		expect(result.diagnostics.map((d) => d.message)).toEqual([
			'この Bicep のファイルは読み取っていないため、確認していません (文法ファイルを読み込めませんでした)。',
		]);
	});
});

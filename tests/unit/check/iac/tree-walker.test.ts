import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { fileGrammars, grammarPath } from '../../../../src/cli/grammars.ts';
import { grammarParser } from '../../../../src/core/check/input/tree-sitter.ts';
import {
	fastWalk,
	walkTree,
	type TreeWalker,
} from '../../../../src/core/check/input/tree-walker.ts';
import { bicep } from './helpers.ts';

type Visit = [type: number, start: number, end: number, missing: boolean];

/** Every node in document order, as the walker reports it. */
function visits(walker: TreeWalker): Visit[] {
	const seen: Visit[] = [];
	try {
		for (;;) {
			seen.push([walker.typeId(), walker.start(), walker.end(), walker.missing()]);
			if (walker.firstChild()) continue;
			while (!walker.nextSibling()) if (!walker.parent()) return seen;
		}
	} finally {
		walker.done();
	}
}

/** The same walk through web-tree-sitter's public cursor. */
function publicVisits(tree: Tree): Visit[] {
	const cursor = tree.walk();
	return visits({
		typeId: () => cursor.nodeTypeId,
		start: () => cursor.startIndex,
		end: () => cursor.endIndex,
		missing: () => cursor.nodeIsMissing,
		firstChild: () => cursor.gotoFirstChild(),
		nextSibling: () => cursor.gotoNextSibling(),
		parent: () => cursor.gotoParent(),
		done: () => cursor.delete(),
	});
}

async function parse(grammar: 'bicep' | 'terraform', text: string): Promise<Tree> {
	// The checker's parser initialises the runtime (and keeps its functions for the fast walk).
	await grammarParser(fileGrammars, grammar);
	const parser = new Parser();
	parser.setLanguage(await Language.load(await readFile(await grammarPath(grammar))));
	const tree = parser.parse(text);
	parser.delete();
	if (!tree) throw new Error('not parsed');
	return tree;
}

describe('copying a WebAssembly tree', () => {
	it('walks a broken Bicep file node for node as the public cursor does, missing tokens included', async () => {
		// An unclosed call first (tree-sitter inserts the missing `)`), and an unclosed object last
		// (an ERROR node).
		const text = `var x = concat('a', 'b'\n${bicep()}\nvar y = {\n  a: 1\n`;
		const tree = await parse('bicep', text);
		try {
			expect(fastWalk()).toBe(true);
			const fast = visits(walkTree(tree));
			expect(fast).toEqual(publicVisits(tree));
			expect(fast.length).toBeGreaterThan(100);
			expect(fast.some(([, , , missing]) => missing)).toBe(true);
			// tree-sitter's error symbol.
			expect(fast.some(([type]) => type === 65535)).toBe(true);
			// The walk can be repeated: the cursor it made was freed, the runtime still answers.
			expect(visits(walkTree(tree))).toEqual(fast);
		} finally {
			tree.delete();
		}
	});

	it('walks a Terraform file node for node as the public cursor does', async () => {
		const text = [
			'resource "azurerm_virtual_machine_extension" "kv" {',
			'  name      = "KeyVaultForLinux"',
			'  publisher = "Microsoft.Azure.KeyVault"',
			'  settings  = jsonencode({ secretsManagementSettings = { observedCertificates = [var.url] } })',
			'}',
		].join('\n');
		const tree = await parse('terraform', text);
		try {
			const fast = visits(walkTree(tree));
			expect(fast).toEqual(publicVisits(tree));
			expect(fast.length).toBeGreaterThan(30);
		} finally {
			tree.delete();
		}
	});
});

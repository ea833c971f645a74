// The Bicep and Terraform baselines of `npm run bench`: a process that only reads a file and parses
// it with the WebAssembly grammar kvcert ships (web-tree-sitter, the files in dist-cli/grammars/),
// and prints nothing. Usage: bench-parse-only-iac.mjs <bicep|terraform> <file>
import { readFileSync } from 'node:fs';
import { Language, Parser } from 'web-tree-sitter';

const [grammar, file] = process.argv.slice(2);
const grammars = new URL('../dist-cli/grammars/', import.meta.url);
await Parser.init({ wasmBinary: readFileSync(new URL('tree-sitter.wasm', grammars)) });
const parser = new Parser();
parser.setLanguage(
	await Language.load(readFileSync(new URL(`tree-sitter-${grammar}.wasm`, grammars)))
);
parser.parse(readFileSync(file, 'utf8'))?.delete();

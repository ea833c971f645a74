import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// One translation system (DESIGN.md, src/core/i18n): the language type, the localized-text type
// and the Translate type are declared once, placeholders are filled by one function, and UI strings
// live in content/i18n. This test keeps it that way.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const I18N = 'src/core/i18n/';

/** The text without block comments and whole-line // comments (they may quote a union, say). */
function withoutComments(text: string): string {
	return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

function files(dir: string): string[] {
	return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return files(path);
		return /\.(?:ts|astro|mjs)$/.test(entry.name) ? [path] : [];
	});
}
const code = ['src', 'pages', 'scripts']
	.flatMap(files)
	.map((file) => ({ file, text: withoutComments(readFileSync(join(root, file), 'utf8')) }));

/** Files outside src/core/i18n whose text matches. */
const outside = (pattern: RegExp, except: string[] = []) =>
	code
		.filter(({ file }) => !file.startsWith(I18N) && !except.includes(file))
		.filter(({ text }) => pattern.test(text))
		.map(({ file }) => file);

describe('one translation system', () => {
	test('the sources are read', () => {
		expect(code.length).toBeGreaterThan(200);
		expect(code.some(({ file }) => file === `${I18N}lang.ts`)).toBe(true);
	});

	test('the language type is declared only in core/i18n (no other ja | en union)', () => {
		expect(outside(/['"](?:ja|en)['"]\s*\|\s*['"](?:en|ja)['"]/)).toEqual([]);
		expect(outside(/\btype\s+\w*Lang\s*=/)).toEqual([]);
	});

	test('Localized and Translate are declared only in core/i18n', () => {
		expect(
			outside(/\b(?:interface\s+(?:Localized|Translate)\b|type\s+(?:Localized|Translate)\s*[=<])/)
		).toEqual([]);
	});

	test('no other code fills placeholders (core/i18n format is the only filler)', () => {
		// `.replace(/\{…/` or `.replace('{…'`: a hand-written template filler.
		const filler = /\.replace(?:All)?\(\s*(?:\/\\\{|['"`]\{)/;
		// lint-ja turns placeholders into a neutral word before linting; it fills nothing.
		expect(outside(filler, ['scripts/lint-ja.mjs'])).toEqual([]);
	});

	test('only core/i18n reads the string tables (pages use Starlight t(), widgets get them from the page)', () => {
		// lint-ja lints the Japanese table itself.
		expect(outside(/content\/i18n\/(?:ja|en)\.json/, ['scripts/lint-ja.mjs'])).toEqual([]);
	});

	test('widgets keep no strings files of their own', () => {
		expect(
			code.filter(({ file }) => /\/widgets\/.*strings\.ts$/.test(file)).map((c) => c.file)
		).toEqual([]);
	});
});

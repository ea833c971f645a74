import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every file below a folder, as paths relative to the repository. */
const filesIn = (dir: string): string[] =>
	readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)]
	);

const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** An ARM `"description": "…"` or a Terraform `description = "…"`: prose for the reader. */
const DESCRIPTION = /("description":\s*|\bdescription\s*=\s*)"((?:[^"\\]|\\.)*)"/g;
/** A Python docstring. */
const DOCSTRING = /"""([\s\S]*?)"""/g;

/**
 * The code of a sample without what a reader of one language reads: comments (`//`, `#`, `/* … *\/`),
 * Bicep `@description('…')`, ARM and Terraform `description` texts and Python docstrings. A ja copy must equal its English original once both are
 * reduced to this, so the Japanese page shows the same program as the English one.
 */
function codeOf(source: string): string[] {
	return source
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/@description\('(?:[^'\\]|\\.)*'\)/g, '@description()')
		.replace(DESCRIPTION, '$1""')
		.replace(DOCSTRING, '""""""')
		.split('\n')
		.map((line) => line.replace(/(^|\s)(\/\/|#)(\s.*)?$/, '').trimEnd())
		.filter((line) => line !== '');
}

/** Comment texts of a sample, one per line. */
function commentsOf(source: string): string[] {
	const block = [...source.matchAll(/\/\*([\s\S]*?)\*\//g)].flatMap((m) =>
		m[1]!.split('\n').map((line) => line.replace(/^\s*\*\s?/, ''))
	);
	const line = source
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.split('\n')
		.flatMap((text) => /(?:^|\s)(?:\/\/|#)\s(.*)$/.exec(text)?.[1] ?? []);
	const descriptions = [
		...[...source.matchAll(/@description\('((?:[^'\\]|\\.)*)'\)/g)].map((m) => m[1]!),
		...[...source.matchAll(DESCRIPTION)].map((m) => m[2]!),
		...[...source.matchAll(DOCSTRING)].flatMap((m) => m[1]!.split('\n')),
	];
	return [...block, ...line, ...descriptions].map((text) => text.trim()).filter(Boolean);
}

/** English prose: four English words in a row, with no Japanese in the line. */
const englishProse = (text: string) =>
	/[A-Z]+(?:[ ,]+[A-Z]+){3,}/i.test(text) && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(text);

/** Comment lines that are a command to run, kept as they are in every language. */
const command = /^(?:az|node|npm|Set-Az\w*|new)\s/;

const jaCopies = filesIn('samples/ja');
const pages = (lang: string) => filesIn(`content/docs/${lang}`).filter((f) => f.endsWith('.mdx'));
const importsOf = (page: string) =>
	[...read(page).matchAll(/from '~\/(samples\/[^'?]+)(?:\?raw)?'/g)].map((m) => m[1]!);

describe('Japanese copies of the code samples (samples/ja)', () => {
	test('there are copies for the samples that have comments', () => {
		expect(jaCopies.length).toBeGreaterThanOrEqual(8);
	});

	test.each(jaCopies)('%s is the English sample with Japanese comments', (copy) => {
		const original = copy.replace('samples/ja/', 'samples/');
		expect(existsSync(join(root, original)), `${original} exists`).toBe(true);
		expect(codeOf(read(copy))).toEqual(codeOf(read(original)));
		const comments = commentsOf(read(copy));
		expect(comments.length > 0, 'a copy has comments where its original has').toBe(
			commentsOf(read(original)).length > 0
		);
		expect(comments.filter((text) => englishProse(text) && !command.test(text))).toEqual([]);
	});

	test.each(pages('ja'))('%s shows the Japanese copy of a sample when there is one', (page) => {
		const english = importsOf(page).filter(
			(sample) =>
				!sample.startsWith('samples/ja/') &&
				jaCopies.includes(sample.replace('samples/', 'samples/ja/'))
		);
		expect(english).toEqual([]);
	});

	test.each(pages('en'))('%s shows no Japanese copy', (page) => {
		expect(importsOf(page).filter((sample) => sample.startsWith('samples/ja/'))).toEqual([]);
	});
});

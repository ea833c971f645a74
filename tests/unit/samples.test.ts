import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { fileGrammars } from '../../src/cli/grammars';
import { checkSync } from '../../src/core/check/index.ts';
import { check } from '../../src/core/check/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every file below a folder, as paths relative to the repository. */
const filesIn = (dir: string): string[] =>
	readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)]
	);

const pages = filesIn('content/docs').filter((file) => /\.mdx?$/.test(file));

describe('code samples', () => {
	test.each(pages)(
		'%s shows TypeScript only from files under samples/ (which tsc compiles)',
		(page) => {
			const inlineTypeScript = readFileSync(join(root, page), 'utf8').match(
				/^\s*(```|~~~)\s*(ts|typescript|tsx)\b.*$/gm
			);
			expect(inlineTypeScript ?? []).toEqual([]);
		}
	);

	test('every sample a page imports exists', () => {
		const missing = pages.flatMap((page) =>
			[...readFileSync(join(root, page), 'utf8').matchAll(/from '~\/(samples\/[^'?]+)(\?raw)?'/g)]
				.map((match) => match[1]!)
				.filter((sample) => !filesIn('samples').includes(sample))
		);
		expect(missing).toEqual([]);
	});

	test.each(filesIn('samples').filter((file) => file.endsWith('.json')))(
		'%s is valid JSON',
		(file) => {
			expect(() => JSON.parse(readFileSync(join(root, file), 'utf8'))).not.toThrow();
		}
	);
});

describe('templates and settings readers copy from the site', () => {
	const checkable = filesIn('samples').filter((file) =>
		/^samples\/(?:arm|settings)\/.*\.json$/.test(file)
	);

	test('there are some', () => {
		expect(checkable.length).toBeGreaterThanOrEqual(4);
	});

	test.each(checkable)('%s passes kvcert check with no finding at all', (file) => {
		const result = checkSync(readFileSync(join(root, file), 'utf8'), { path: file });
		expect(result.extensionCount).toBeGreaterThan(0);
		expect(result.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
	});
});

describe('Bicep and Terraform samples copy from the site', () => {
	const checkable = filesIn('samples').filter((file) =>
		/^samples\/(?:bicep|terraform)\/.*\.(?:bicep|tf)$/.test(file)
	);

	test('there are some of each', () => {
		expect(checkable.filter((f) => f.endsWith('.bicep')).length).toBeGreaterThanOrEqual(1);
		expect(checkable.filter((f) => f.endsWith('.tf')).length).toBeGreaterThanOrEqual(1);
	});

	test.each(checkable)('%s passes kvcert check with no finding at all', async (file) => {
		const result = await check(readFileSync(join(root, file), 'utf8'), {
			path: file,
			grammars: fileGrammars,
		});
		expect(result.extensionCount).toBeGreaterThan(0);
		expect(result.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
	});
});

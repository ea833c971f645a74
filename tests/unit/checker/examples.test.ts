import { beforeAll, describe, expect, test, vi } from 'vitest';
import { checkInput, fixAllInput } from '../../../src/components/widgets/checker/engine.ts';
import { readFileSync } from 'node:fs';
import { checkerExampleEntries } from '../../../src/components/widgets/checker/example-ids.ts';
import { checkerExamples } from '../../../src/components/widgets/checker/examples.ts';

describe('checker examples', () => {
	// The worker fetches the grammars from the URLs Vite gives (here root-relative paths in the repo).
	const requested: string[] = [];
	beforeAll(() => {
		vi.stubGlobal('fetch', async (url: string) => {
			requested.push(url);
			return new Response(readFileSync(new URL(`../../..${url.split('?')[0]}`, import.meta.url)));
		});
	});

	test('ARM JSON fetches no grammar; Bicep fetches the runtime and the Bicep grammar only', async () => {
		const arm = checkerExamples.find((e) => e.file.endsWith('.json'))!;
		await checkInput(arm.text, 'en');
		expect(requested).toEqual([]);
		const bicep = checkerExamples.find((e) => e.file.endsWith('.bicep'))!;
		await checkInput(bicep.text, 'en');
		expect(requested.map((u) => u.split('/').at(-1)?.split('?')[0])).toEqual([
			'tree-sitter.wasm',
			'tree-sitter-bicep.wasm',
		]);
	});

	test('every menu entry has its file as its text', () => {
		expect(checkerExamples.map((e) => e.id)).toEqual(checkerExampleEntries.map((e) => e.id));
		for (const example of checkerExamples)
			expect(example.text).toBe(
				readFileSync(
					new URL(
						`../../../src/components/widgets/checker/examples/${example.file}`,
						import.meta.url
					),
					'utf8'
				)
			);
	});

	for (const example of checkerExamples)
		test(`${example.id} yields exactly its rule ids at its lines (engine, ja and en)`, async () => {
			for (const lang of ['ja', 'en'] as const) {
				const result = await checkInput(example.text, lang);
				expect(result.extensionCount).toBe(1);
				expect(
					result.diagnostics.map((d) => ({ ruleId: d.ruleId, line: d.range.start.line }))
				).toEqual(example.expected);
			}
		});

	test('fix all removes every fixable finding of every example', async () => {
		for (const example of checkerExamples) {
			const fixed = await fixAllInput(example.text, 'en');
			const after = await checkInput(fixed.text, 'en');
			expect(
				after.diagnostics.filter((d) => d.fix),
				example.id
			).toEqual([]);
			const fixableBefore = (await checkInput(example.text, 'en')).diagnostics.filter((d) => d.fix);
			expect(fixed.fixed, example.id).toBeGreaterThanOrEqual(fixableBefore.length);
		}
	});
});

import { describe, expect, it } from 'vitest';
import { iacExamplePath, iacExamples } from '../../../../src/core/check/iac-examples.ts';
import { rules } from '../../../../src/core/check/rules/index.ts';
import { checkIac } from './helpers.ts';

const langs = ['ja', 'en'] as const;

const cases = Object.entries(iacExamples).flatMap(([id, examples]) =>
	examples.flatMap((example, index) =>
		langs.map(
			(lang) => [`${id} ${example.language} #${index + 1} (${lang})`, id, example, lang] as const
		)
	)
);

/** The comment lines of an example (`//` in Bicep, `#` in Terraform). */
function comments(code: string): string[] {
	return [...code.matchAll(/(?:\/\/|#)\s(.*)$/gm)].map((m) => m[1]!);
}

describe('Bicep and Terraform examples of the rule reference pages', () => {
	it('covers the rules whose Bicep or Terraform form differs most', () => {
		const shown = (id: string, language: 'bicep' | 'terraform') =>
			(iacExamples[id] ?? []).some((example) => example.language === language);
		// Versioned secret URL: Terraform secret_id (KV042), Bicep secretUriWithVersion (KV043).
		expect(shown('KV042', 'terraform') && shown('KV043', 'bicep')).toBe(true);
		// /certificates/ URLs, a bare number in jsonencode, user-assigned identity without msiClientId.
		for (const id of ['KV015', 'KV010', 'KV030'])
			expect(shown(id, 'bicep') && shown(id, 'terraform'), id).toBe(true);
		// A top-level extension resource without parent: (Bicep only: Terraform names the machine by ID).
		expect(shown('KV005', 'bicep')).toBe(true);
		// Terraform: both the versioned secret_id and the /certificates/ versionless_id.
		const kv042 = (iacExamples.KV042 ?? []).map((example) => example.bad.en).join('\n');
		expect(kv042).toContain('.secret_id');
		expect(kv042).toContain('.versionless_id');
	});

	it('belongs to registered rules only', () => {
		const ids = new Set(rules.map((rule) => rule.id));
		expect(Object.keys(iacExamples).filter((id) => !ids.has(id))).toEqual([]);
	});

	it.each(cases)(
		'%s: the failing example is reported by the rule, the passing one by nothing',
		async (_, id, example, lang) => {
			const path = iacExamplePath[example.language];
			const bad = await checkIac(example.bad[lang], path, { lang });
			expect(bad.extensionCount).toBe(1);
			expect(bad.diagnostics.map((d) => d.ruleId)).toContain(id);
			const good = await checkIac(example.good[lang], path, { lang });
			expect(good.extensionCount).toBe(1);
			expect(good.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
		}
	);

	it.each(cases)(
		'%s: comments are in the page language, code the same in both',
		(_, _id, example, lang) => {
			for (const code of [example.bad[lang], example.good[lang]]) {
				const notes = comments(code).filter((note) => !note.includes('…'));
				expect(notes.length).toBeGreaterThan(0);
				for (const note of notes)
					if (lang === 'ja') expect(note).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
					else expect(note).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			}
			// Apart from the comments, the ja and en examples are the same file.
			const strip = (code: string) => code.replace(/(?:\/\/|#)\s.*$/gm, '');
			expect(strip(example.bad.ja)).toBe(strip(example.bad.en));
			expect(strip(example.good.ja)).toBe(strip(example.good.en));
			expect(example.bad[lang]).not.toMatch(/«\w+»/);
			expect(example.good[lang]).not.toMatch(/«\w+»/);
		}
	);
});

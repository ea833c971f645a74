import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkInput } from '../../../src/components/widgets/checker/engine.ts';
import { checkerExamples } from '../../../src/components/widgets/checker/examples.ts';
import {
	maxInputChars,
	uncheckedView,
	viewOf,
} from '../../../src/components/widgets/checker/view-model.ts';
import { translatorFor } from '../../../src/core/i18n/index.ts';

const table = (lang: string): Record<string, string> =>
	JSON.parse(readFileSync(new URL(`../../../content/i18n/${lang}.json`, import.meta.url), 'utf8'));
const sample = (path: string) =>
	readFileSync(new URL(`../../../samples/${path}`, import.meta.url), 'utf8');

for (const lang of ['ja', 'en'] as const) {
	const t = translatorFor(table(lang), lang);
	const view = async (text: string) => viewOf(await checkInput(text, lang), lang, t);

	describe(`checker view (${lang})`, () => {
		test('empty and too large texts are not checked, and say so', () => {
			expect(uncheckedView({ length: 3, blank: true }, t)?.state).toBe('empty');
			const large = uncheckedView({ length: maxInputChars + 1, blank: false }, t);
			expect(large?.state).toBe('tooLarge');
			expect(large?.summary).toContain('20');
			expect(uncheckedView({ length: 2, blank: false }, t)).toBeUndefined();
		});

		test('each state has its own sentence, with no key or placeholder left', async () => {
			const states = {
				unreadable: await view('hello, world'),
				noExtension: await view('{"resources": []}'),
				clean: await view(sample('settings/linux-3.0.settings.json')),
				findings: await view(checkerExamples[0]!.text),
			};
			const summaries = new Set<string>();
			for (const [state, v] of Object.entries(states)) {
				expect(v.state).toBe(state);
				expect(v.summary).not.toMatch(/kvcert\.|\{\{/);
				summaries.add(v.summary);
			}
			expect(summaries.size).toBe(4);
			expect(states.findings.counts).toEqual({ error: 1, warning: 1, info: 0 });
			expect(states.findings.summary).toMatch(/1[^1]*1.*0/s);
		});

		test('findings carry the rule page link, the place and editor-offset fixes', async () => {
			const example = checkerExamples.find((e) => e.id === 'versionedUrl')!;
			const v = await view(example.text);
			const [finding] = v.findings;
			expect(finding).toMatchObject({
				ruleId: 'KV016',
				ruleUrl: `/${lang}/rules/versioned-url/`,
				line: 6,
			});
			expect(example.text.slice(finding!.from, finding!.to)).toContain('0123456789abcdef');
			expect(finding!.fix?.edits.length).toBeGreaterThan(0);
			expect(v.fixable).toBe(1);
		});

		test('settings it could not read are findings, not "no problems"', async () => {
			const variable = await view(
				'az vm extension set -g rg --vm-name vm --name KeyVaultForLinux --publisher Microsoft.Azure.KeyVault --version 3.0 --settings "$SETTINGS"'
			);
			expect(variable.state).toBe('findings');
			// KV051 says the settings were not read, at the variable, instead of "no problems".
			expect(variable.findings).toEqual([expect.objectContaining({ ruleId: 'KV051', line: 1 })]);
			expect(variable.findings[0]!.message).toContain('$SETTINGS');

			const file = await view(sample('powershell/Set-KeyVaultExtension.ps1'));
			expect(file.state).toBe('findings');
			expect(file.findings.some((f) => f.message.includes('windows-4.0.settings.json'))).toBe(true);
		});
	});
}

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkInput } from '../../../src/components/widgets/checker/engine.ts';
import { checkerExamples } from '../../../src/components/widgets/checker/examples.ts';
import { groupFindings } from '../../../src/components/widgets/checker/findings-list.ts';
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
			expect(states.noExtension.detail).toContain('Microsoft.Azure.KeyVault');
			expect(states.clean.detail).toBe('');
			expect(states.findings.counts).toEqual({ error: 1, warning: 1, info: 0 });
			expect(states.findings.summary).toMatch(/1[^1]*1.*0/s);
		});

		test('a cut-off template: the headline names the syntax error and its place, never a parser code', async () => {
			// The extension's type is read; the text ends after a comma, before the publisher.
			const whole = sample('arm/linux-vm-extension.json');
			const cut = whole.slice(0, whole.indexOf('"publisher"'));
			const lines = cut.split('\n');
			const v = await view(cut);
			expect(v.state).toBe('syntaxError');
			expect(v.summary).toContain(lang === 'ja' ? 'JSON の構文エラー' : 'JSON syntax error');
			expect(v.summary).toContain(lang === 'ja' ? `${lines.length} 行` : `line ${lines.length}`);
			// The place is in parentheses, so the sentence after the colon stands alone (as in KV050).
			if (lang === 'ja') expect(v.summary).toMatch(/^JSON の構文エラー \(\d+ 行 \d+ 列\): \S/);
			expect(v.summary).toContain(lang === 'ja' ? '閉じる波かっこ (})' : 'a closing brace');
			expect(v.summary).not.toMatch(/Expected|kvcert\.|\{\{/);
			expect(v.detail).not.toBe('');
			expect(v.counts.error).toBeGreaterThan(0);
			for (const f of v.findings) expect(f.message).not.toMatch(/[A-Z][a-z]+Expected/);
		});

		test('a template cut off after its extensions: the syntax error is the headline and the first card', async () => {
			// The first 40 KB of a real 71 KB Service Fabric template: extensions read, then the text ends.
			const whole = readFileSync(
				new URL('../../fixtures/checker/sf-cluster-kvvm.json', import.meta.url),
				'utf8'
			);
			const v = await view(whole.slice(0, 40 * 1024));
			expect(v.state).toBe('findings');
			expect(v.summary).toContain(lang === 'ja' ? 'JSON の構文エラー' : 'JSON syntax error');
			expect(v.detail).toContain(lang === 'ja' ? 'エラー' : 'Errors');
			const first = groupFindings(v.findings)[0]!;
			expect(first.kind === 'finding' && v.findings[first.index]!.ruleId).toBe('KV050');
		});

		test('an unreadable text: the detail lists what the checker reads, the card (said once) what to do, guessing only from the shape', async () => {
			// The readable kinds are listed once, in the detail under the headline (rv18d #5).
			const formats = /Bicep.*Terraform.*PowerShell/;
			const next =
				lang === 'ja' ? /貼り付けてください。上の「例」/ : /Paste a whole template.*examples above/;
			// A line of prose, or a greeting: no genre guess ("an email"), no CLI name in the browser tool.
			for (const prose of ['hello world, this is not a template', 'Hi team, the VM is up.']) {
				const v = await view(prose);
				const card = v.findings[0]!;
				expect(card.ruleId).toBe('KV051');
				expect(v.detail).toMatch(formats);
				expect(card.message).toBe(t('kvcert.checker.unreadableCard.unknown'));
				expect(card.message).not.toMatch(/Terraform|PowerShell/);
				expect(card.message).toMatch(next);
				expect(card.message).not.toMatch(/kvcert check|メールの本文|an email/);
			}
			// A shape it knows is named, in 「」 in Japanese.
			const yaml = await view('apiVersion: v1\nkind: ConfigMap\n');
			expect(yaml.findings[0]!.message).toContain(
				lang === 'ja' ? '「YAML」のようで' : 'looks like YAML,'
			);
			expect(yaml.detail).toMatch(formats);
			expect(yaml.findings[0]!.message).not.toMatch(/Terraform|PowerShell/);
			expect(yaml.findings[0]!.message).toMatch(next);
			const markup = (await view('<html><body>hi</body></html>')).findings[0]!;
			expect(markup.message).toContain(
				lang === 'ja' ? '「XML または HTML」' : 'looks like XML or HTML,'
			);
		});

		test('the summary bar gets one short sentence; the rest goes to the panel', async () => {
			const states = [
				uncheckedView({ length: 1, blank: true }, t)!,
				await view('hello, world'),
				await view('{"resources": []}'),
				uncheckedView({ length: maxInputChars + 1, blank: false }, t)!,
			];
			for (const v of states) {
				expect(v.detail, v.state).not.toBe('');
				// About two lines at 360 px: 60 characters of Japanese, 90 of English.
				expect(v.summary.length, v.state).toBeLessThanOrEqual(lang === 'ja' ? 60 : 90);
				expect(v.detail).not.toContain(v.summary);
			}
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

// The browser checker honours inline suppressions: it calls the same check (engine.ts), which
// applies them after the rules, so a suppressed finding is not listed and KV060 reports the comment.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../../src/components/widgets/checker/engine.ts';
import { viewOf } from '../../../src/components/widgets/checker/view-model.ts';
import { translatorFor } from '../../../src/core/i18n/translator.ts';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const t = translatorFor(JSON.parse(read('content/i18n/en.json')), 'en');

describe('the browser checker and suppression comments', () => {
	const template = read('tests/fixtures/check/learn-windows-top-level.json');
	const lines = template.split('\n');
	const at = lines.findIndex((l) =>
		l.includes('"url": "https://myvault.vault.azure.net/certificates/')
	);

	it('leaves out a suppressed finding, and keeps the others', async () => {
		const before = viewOf(await checkInput(template, 'en'), 'en', t);
		expect(before.findings.map((f) => f.ruleId)).toEqual(['KV005', 'KV015', 'KV020']);
		const suppressed = [...lines];
		suppressed.splice(at, 0, '// kvcert-disable-next-line KV015 -- migration in March');
		const after = viewOf(await checkInput(suppressed.join('\n'), 'en'), 'en', t);
		expect(after.findings.map((f) => f.ruleId)).toEqual(['KV005', 'KV020']);
	});

	it('shows KV060 for a suppression without a reason', async () => {
		const bare = [...lines];
		bare.splice(at, 0, '// kvcert-disable-next-line KV015');
		const view = viewOf(await checkInput(bare.join('\n'), 'ja'), 'ja', t);
		expect(view.findings.map((f) => f.ruleId)).toEqual(['KV005', 'KV060', 'KV020']);
		expect(view.findings[1]!.message).toContain('抑制の理由がありません');
	});
});

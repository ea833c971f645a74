import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
	filesWithJapanese,
	japaneseSources,
	NOT_TEXT,
	uncoveredRuns,
} from '../../scripts/lint-ja-sources.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { sources, unread } = japaneseSources(root);
const files = sources.map((s) => s.file);

describe('npm run lint:ja reads every Japanese string', () => {
	test('every file with Japanese under src/, samples/, content/ and scripts/ is read or listed as not text', () => {
		const found = filesWithJapanese(root);
		expect(unread).toEqual([]);
		expect(found.filter((file) => !files.includes(file) && !(file in NOT_TEXT))).toEqual([]);
		// The exceptions cannot go stale: each still exists and still holds Japanese.
		for (const file of Object.keys(NOT_TEXT)) {
			expect(existsSync(join(root, file)), file).toBe(true);
			expect(found, file).toContain(file);
		}
	});

	test('the sources it reads include each kind the issue names', () => {
		for (const file of [
			'content/i18n/ja.json',
			'content/docs/ja/start-here.mdx',
			'src/core/check/rules/kv033-system-assigned-authentication-settings.ts',
			'src/core/check/messages.ts',
			'src/core/simulate/messages.ts',
			'src/core/select/messages.ts',
			'src/cli/commands/check-messages.ts',
			'src/cli/commands/explain.ts',
			'src/cli/main.ts',
			'src/server/simulator/live-messages.ts',
			'src/components/diagrams/specs/renewal.ts',
			'src/components/widgets/workshop/agenda.ts',
			'scripts/workshop.mjs',
			'samples/ja/managed-identity/Program.cs',
			'samples/ja/managed-identity/get-certificate.ps1',
			'samples/ja/bicep/vm-extension.bicep',
			'samples/ja/terraform/vm-extension.tf',
			'samples/ja/cli/set-keyvault-extension.sh',
		])
			expect(files, file).toContain(file);
	});

	test('every run of Japanese characters in a file is inside a string the linter reads', () => {
		const missed = sources.flatMap((source) =>
			uncoveredRuns(root, source).map((run) => `${source.file}: ${run}`)
		);
		expect(missed).toEqual([]);
	});

	test('strings carry their source line and key, so a finding points at its source', () => {
		const rule = sources.find((s) =>
			s.file.endsWith('kv033-system-assigned-authentication-settings.ts')
		);
		const message = rule?.strings.find(
			(s) => s.key === 'systemAssignedAuthenticationSettingsRule.meta.messages.present.ja'
		);
		expect(message?.text).toContain('authenticationSettings');
		const line = readFileSync(join(root, rule?.file ?? ''), 'utf8').split('\n')[
			(message?.line ?? 0) - 1
		];
		expect(line).toContain(message?.text.slice(0, 20));

		const json = sources.find((s) => s.file === 'content/i18n/ja.json');
		expect(json?.strings.find((s) => s.key === 'kvcert.thumbprint.api.busy')?.text).toMatch(
			/混み合/
		);

		const sample = sources.find((s) => s.file === 'samples/ja/managed-identity/Program.cs');
		expect(sample?.strings.every((s) => s.key === 'comment')).toBe(true);
	});

	test("comments and titles inside the ja pages' code blocks are read and linted, with their line", () => {
		const page = sources.find((s) => s.file === 'content/docs/ja/verify.mdx');
		const lines = readFileSync(join(root, 'content/docs/ja/verify.mdx'), 'utf8').split('\n');
		const comment = page?.strings.find((s) => s.text === '現在のバージョンの SHA-1 拇印');
		expect(comment?.key).toBe('code bash comment');
		expect(comment?.lint).toBeUndefined();
		expect(lines[(comment?.line ?? 0) - 1]?.trim()).toBe('# 現在のバージョンの SHA-1 拇印');
		const start = sources.find((s) => s.file === 'content/docs/ja/start-here.mdx');
		const startLines = readFileSync(join(root, 'content/docs/ja/start-here.mdx'), 'utf8').split(
			'\n'
		);
		const title = start?.strings.find((s) => s.key === 'code title');
		expect(title?.text).toBe('出力');
		expect(startLines[(title?.line ?? 0) - 1]).toMatch(/^\s*```\w+ title="出力"/);
		// What a tool prints (a `text` block) is read for coverage, not linted as the page's prose.
		const output = page?.strings.find((s) => s.key === 'code text line');
		expect(output?.lint).toBe(false);
	});

	test('patterns and URL anchors are read for coverage but not linted as prose', () => {
		const recognise = sources.find((s) => s.file === 'src/core/check/input/recognise.ts');
		expect(recognise?.strings.find((s) => s.key === 'regex')?.lint).toBe(false);
		const links = sources.find((s) => s.file.endsWith('template-builder/tutorial-links.ts'));
		const anchors = links?.strings.filter((s) => s.lint === false) ?? [];
		expect(anchors.length).toBeGreaterThan(0);
		expect(anchors.every((s) => !/\s/.test(s.text))).toBe(true);
	});
});

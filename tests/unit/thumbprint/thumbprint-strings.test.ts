import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../../content/i18n/en.json' with { type: 'json' };
import ja from '../../../content/i18n/ja.json' with { type: 'json' };

const own = (table: Record<string, string>) =>
	Object.keys(table).filter((k) => k.startsWith('kvcert.thumbprint.'));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('kvcert.thumbprint.* UI strings', () => {
	it('exist in both languages with the same placeholders', () => {
		expect(own(ja).sort()).toEqual(own(en).sort());
		for (const key of own(en)) {
			const jaText = (ja as Record<string, string>)[key] ?? '';
			const enText = (en as Record<string, string>)[key] ?? '';
			expect(placeholders(jaText), key).toEqual(placeholders(enText));
		}
	});

	it('cover every key the widget, server and CLI ask for', () => {
		const sources = [
			'src/components/widgets/ThumbprintTool.astro',
			'src/core/thumbprint/describe-comparison.ts',
			'src/cli/commands/thumbprint.ts',
			'src/cli/commands/compare.ts',
			'src/cli/commands/emulator.ts',
		].map((file) => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8'));
		const used = new Set(
			sources.flatMap((text) =>
				[...text.matchAll(/kvcert\.thumbprint\.[A-Za-z]+\.[A-Za-z]+(?![A-Za-z$`{])/g)].map(
					(m) => m[0]
				)
			)
		);
		const quoted = sources.flatMap((text) =>
			[...text.matchAll(/'((?:fetch|table|paste|verdict|file|commands)\.[A-Za-z]+)'/g)].map(
				(m) => `kvcert.thumbprint.${m[1]}`
			)
		);
		const server = [
			'vaultRequired',
			'vaultInvalid',
			'nameInvalid',
			'demoOnly',
			'azureOnly',
			'forbidden',
			'notFound',
			'noCredential',
			'unauthorized',
			'timeout',
			'unreachable',
			'throttled',
			'failed',
			'methodNotAllowed',
		].map((c) => `kvcert.thumbprint.api.${c}`);
		expect(used.size + quoted.length).toBeGreaterThan(40);
		for (const key of [...used, ...quoted, ...server]) {
			if (/\.(currentInstalled|currentMissing|installed)$/.test(key) && key.includes('verdict'))
				continue; // + One/Many
			expect(en, key).toHaveProperty([key]);
		}
	});
});

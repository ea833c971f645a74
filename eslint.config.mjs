// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

/**
 * The checker's public face is src/core/check/index.ts (DESIGN.md): code outside src/core/check
 * never imports a file inside it, so the engine can change without touching its callers.
 */
const checkerFace = {
	regex: '(^|/)core/check/(?!index\\.ts$).+',
	message: 'Import the checker from src/core/check/index.ts, its public face.',
};
/** The same, for the rest of src/core (`../check/…`). */
const checkerFaceInCore = {
	regex: '^(\\.\\./)+check/(?!index\\.ts$).+',
	message: checkerFace.message,
};

export default tseslint.config(
	{
		ignores: [
			'dist/',
			'dist-cli/',
			'.astro/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'tests/fixtures/',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	regexp.configs.recommended,
	{
		// Every regular expression that reads user input stays linear in it (issue 24, ReDoS): no
		// pattern backtracks super-linearly on one match (everywhere, from the recommended set), nor
		// when it is tried again at every position of a text (the code that ships: site, server, CLI,
		// checker, samples; tests and build scripts read the repository's own files). Where a pattern
		// can only ever see short input, a disable comment names the bound.
		files: ['src/**/*', 'pages/**/*', 'samples/**/*'],
		rules: { 'regexp/no-super-linear-move': 'error' },
	},
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
		},
	},
	{
		// Core stays portable: no Node built-ins, so widgets, CLI and server can share it (DESIGN.md).
		files: ['src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process'],
							message: 'src/core is pure: no Node APIs.',
						},
						checkerFace,
						checkerFaceInCore,
					],
				},
			],
		},
	},
	{
		// Inside the checker, its own files import each other freely (still no Node APIs).
		files: ['src/core/check/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process'],
							message: 'src/core is pure: no Node APIs.',
						},
					],
				},
			],
		},
	},
	{
		// Widgets and diagrams never reach into the server (one-way dependencies, DESIGN.md).
		files: ['src/components/**/*'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/server/**', '**/vault/**', '**/emulator/**', '**/cli/**'],
							message: 'Components depend on src/core only.',
						},
						checkerFace,
					],
				},
			],
		},
	},
	{
		// The shipped CLI carries no HTTP-server code: Key Vault access comes from src/vault (DESIGN.md).
		files: ['src/cli/**/*', 'src/vault/**/*'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/server/**', '**/components/**'],
							message: 'The CLI and src/vault never import from src/server or components.',
						},
						checkerFace,
					],
				},
			],
		},
	},
	{
		// Pages, the server, the emulator and scripts reach the checker through its public face too.
		files: ['pages/**/*', 'src/server/**/*', 'src/emulator/**/*', 'src/build/**/*', 'scripts/**/*'],
		rules: { 'no-restricted-imports': ['error', { patterns: [checkerFace] }] },
	}
);

import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4399);

// Chromium comes from the system (Debian's `chromium`): nothing here downloads a browser.
// scripts/test.mjs finds or installs it and passes its path in CHROMIUM_PATH.
export default defineConfig({
	testDir: 'tests/e2e',
	forbidOnly: !!process.env.CI,
	workers: 2,
	timeout: 60_000,
	// The JSON report keeps every test's duration (test-results/e2e-report.json), to see where CI's
	// time goes.
	reporter: [
		[process.env.CI ? 'line' : 'list'],
		['json', { outputFile: 'test-results/e2e-report.json' }],
	],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
	},
	// The long-task measurements run last, alone: "quiet" starts only once "site" has finished, and its
	// tests share one file, so they run one after another in one worker.
	projects: [
		{ name: 'site', testIgnore: /quiet\// },
		{ name: 'quiet', testMatch: /quiet\/.*\.spec\.ts$/, dependencies: ['site'] },
	],
	webServer: {
		command: 'node scripts/start.mjs --no-build',
		url: `http://127.0.0.1:${port}/ja/`,
		env: { HOST: '127.0.0.1', PORT: String(port) },
		reuseExistingServer: false,
		timeout: 120_000,
	},
});

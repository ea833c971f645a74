import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';

// The Start-here path in a browser: the shell tabs switch together (one choice for the whole
// page), and the Key Vault half runs against the demo vault with the real SDK. Each run starts
// a child process with the Azure SDK: seconds each, so one visit per language does it all.
test.describe.configure({ mode: 'serial' });

const cases = [
	{ lang: 'ja', run: '実行', runAgain: 'もう一度実行', output: '出力' },
	{ lang: 'en', run: 'Run', runAgain: 'Run again', output: 'Output' },
] as const;

interface Version {
	version: string;
	sha1: string;
	current: boolean;
}

/** Every version of the demo vault's tutorial-cert, as the thumbprint API reports them to this visitor. */
async function versions(visitor: Page | APIRequestContext): Promise<Version[]> {
	const request = 'request' in visitor ? visitor.request : visitor;
	const response = await request.get('/api/thumbprints?vault=demo&name=tutorial-cert&lang=en');
	if (response.status() === 404) return [];
	return ((await response.json()) as { versions: Version[] }).versions;
}

const snippet = (page: Page, id: string) =>
	page.locator(`kvcert-live-snippet[data-sample="${id}"]`);

async function run(button: Locator, host: Locator) {
	await button.focus();
	await button.press('Enter');
	await expect(host).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
}

for (const c of cases) {
	test(`${c.lang}: one shell choice switches every step, and steps 6 and 11 run on the demo vault`, async ({
		page,
		browser,
		baseURL,
	}) => {
		test.setTimeout(240_000);
		await page.goto(`/${c.lang}/start-here/`);

		// The tab groups of steps 0 to 13 share one choice: PowerShell in the first shows it in the last.
		const groups = page.locator('starlight-tabs[data-sync-key="shell"]');
		expect(await groups.count()).toBeGreaterThanOrEqual(14);
		const first = groups.first();
		const last = groups.last();
		await first.getByRole('tab', { name: 'PowerShell' }).click();
		await expect(last.getByRole('tab', { name: 'PowerShell' })).toHaveAttribute(
			'aria-selected',
			'true'
		);
		await expect(last.getByRole('tabpanel')).toContainText('Remove-AzResourceGroup');
		await expect(last.getByRole('tabpanel')).toBeVisible();
		// Each visible panel shows its command and, under it, what it prints.
		await expect(
			last.getByRole('tabpanel').locator('figcaption', { hasText: c.output })
		).toBeVisible();
		await first.getByRole('tab', { name: 'Bash' }).click();
		await expect(last.getByRole('tabpanel')).toContainText('az keyvault purge');

		// Step 6 on the demo vault: a new version of tutorial-cert, whose thumbprint the page prints.
		const before = await versions(page);
		const create = snippet(page, 'create-certificate');
		await run(create.getByRole('button', { name: c.run, exact: true }), create);
		// The thumbprint API shares one answer per certificate for 2 s (a room's look-ups): poll past it.
		await expect
			.poll(async () => (await versions(page)).length, { timeout: 15_000 })
			.toBe(before.length + 1);
		let after = await versions(page);
		let current = after.find((v) => v.current)!;
		await expect(create.locator('[data-output]')).toContainText(`thumbprint: '${current.sha1}'`);
		await expect(create.locator('[data-output]')).toContainText('/secrets/tutorial-cert');

		// Step 11: run it again (the renewal), then list the versions: the newest is current.
		await run(create.getByRole('button', { name: c.runAgain }), create);
		await expect
			.poll(async () => (await versions(page)).length, { timeout: 15_000 })
			.toBe(before.length + 2);
		after = await versions(page);
		current = after.find((v) => v.current)!;
		const list = snippet(page, 'list-versions');
		await run(list.getByRole('button', { name: c.run, exact: true }), list);
		const lines = (await list.locator('[data-output]').innerText())
			.split('\n')
			.filter((line) => /[0-9A-F]{40}/.test(line));
		expect(lines).toHaveLength(after.length);
		expect(lines[0]).toContain(`${current.sha1}  (current)`);

		// The runs wrote to this visitor's own view of the demo vault: another visitor sees none of it.
		const other = await browser.newContext({ ...(baseURL ? { baseURL } : {}) });
		expect(await versions(other.request)).toHaveLength(before.length);
		await other.close();
	});
}

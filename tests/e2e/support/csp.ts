import type { Page } from '@playwright/test';

/** Records every CSP violation the page reports, from before its first script runs. */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __csp: string[] }).__csp = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(
				`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
			)
		);
	});
	const problems: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
	});
	return async () => [
		...problems,
		...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
	];
}

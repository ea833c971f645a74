import { expect, test, type Browser, type Page } from '@playwright/test';
import { quiz } from '../../src/components/widgets/workshop/quiz.ts';
import en from '../../content/i18n/en.json' with { type: 'json' };
import ja from '../../content/i18n/ja.json' with { type: 'json' };
import { axeViolationsInBothThemes } from './support/axe.ts';
import { startRoomServer, type RoomServer } from './support/room-server.ts';
import { roomRequest } from '../support/room-http.ts';

// `npm run workshop` as a room uses it: the real command on all interfaces, participants at
// 127.0.0.2 (an address other than localhost), the facilitator at localhost with the printed key.
// 30 participants at the HTTP level (page, look-up, live stream), then 10 in the browser (ja and
// en, one browser, a context each) doing exercises while the facilitator's view follows them.

let port = 0;
let room = '';
let server: RoomServer;
let facilitatorUrl = '';

test.describe.configure({ mode: 'serial', timeout: 360_000 });

test.beforeAll(async () => {
	server = await startRoomServer('en');
	port = server.port;
	room = `http://127.0.0.2:${port}`;
	facilitatorUrl = server.facilitatorUrl;
});

test.afterAll(() => server?.stop());

/** A GET from a source address of its own (a stream: up to its first poll). */
const get = (from: string, path: string, sse = false) =>
	roomRequest({ port, from, path, ...(sse ? { until: 'poll' } : {}) });

test('30 participants at once each get the workshop page, a look-up with its versions and a live stream with a first poll: none refused', async () => {
	const answers = await Promise.all(
		Array.from({ length: 30 }, async (_, i) => {
			const from = `127.0.0.${50 + i}`;
			const lang = i % 2 ? 'en' : 'ja';
			const [page, lookup, live] = await Promise.all([
				get(from, `/${lang}/workshop/`),
				get(from, `/api/thumbprints?vault=demo&name=webcert&lang=${lang}`),
				get(from, `/api/simulator/live?os=linux&version=4.0&interval=2&lang=${lang}`, true),
			]);
			return { page, lookup, live };
		})
	);
	for (const { page, lookup, live } of answers) {
		expect(page.status).toBe(200);
		expect(page.text).toContain('<kvcert-room-participant');
		expect(lookup.status).toBe(200);
		expect((JSON.parse(lookup.text) as { versions: unknown[] }).versions).toHaveLength(3);
		expect(live.status).toBe(200);
		expect(live.text).toMatch(/^event: session\n[\s\S]*event: poll\n/);
		expect(live.text).not.toContain('event: refused');
	}
});

/** One participant in a context of its own: joins with a name, then does exercises B and D. */
async function participate(browser: Browser, index: number): Promise<Page> {
	const lang = index % 2 ? 'en' : 'ja';
	const context = await browser.newContext({ locale: lang === 'ja' ? 'ja-JP' : 'en-US' });
	const page = await context.newPage();
	await page.goto(`${room}/${lang}/workshop/`);
	const panel = page.locator('kvcert-room-participant');
	await expect(panel).toBeVisible();
	const strings = lang === 'ja' ? ja : en;
	await expect(panel).toContainText(strings['kvcert.room.participant.privacy']);
	await panel.getByLabel(strings['kvcert.room.participant.nameLabel']).fill(`P${index} ${lang}`);
	await panel.getByRole('button', { name: strings['kvcert.room.participant.join'] }).click();
	await expect(panel).toHaveAttribute('data-state', 'in');
	await expect(
		panel.getByRole('button', { name: strings['kvcert.room.participant.join'] })
	).toBeHidden();

	// Exercise D: one wrong check, then the right answers.
	const quizBox = page.locator('kvcert-exercise-quiz');
	const questions = quiz[lang];
	const pick = (i: number, option: number) =>
		quizBox.locator(`input[name="kvcert-quiz-${i}"][value="${option}"]`).check();
	for (const [i, question] of questions.entries()) await pick(i, (question.answer + 1) % 3);
	await quizBox.locator('[data-check]').click();
	for (const [i, question] of questions.entries()) await pick(i, question.answer);
	await quizBox.locator('[data-check]').click();
	await expect(quizBox).toHaveAttribute('data-complete', '');

	// Exercise B for every other participant: the two newest versions are on the VM, Key Vault
	// returns the newest, and the extension installs each version beside the earlier ones.
	if (index % 2 === 0) {
		const versions = page.locator('kvcert-exercise-versions');
		await expect(versions).toHaveAttribute('data-source', 'live', { timeout: 30_000 });
		for (const ordinal of ['2', '3'])
			await versions
				.locator(`input[name="kvcert-b-installed-${lang}"][value="${ordinal}"]`)
				.check();
		await versions.locator(`input[name="kvcert-b-current-${lang}"][value="3"]`).check();
		await versions.locator(`input[name="kvcert-b-why-${lang}"][value="beside"]`).check();
		await versions.locator('[data-check]').click();
		await expect(versions).toHaveAttribute('data-complete', '');
	}
	return page;
}

test('the facilitator sees 10 participants (ja and en) and their progress within 5 s, and the room’s quiz answers; axe finds nothing', async ({
	browser,
}) => {
	const facilitatorContext = await browser.newContext();
	const facilitator = await facilitatorContext.newPage();
	await facilitator.goto(facilitatorUrl);
	const view = facilitator.locator('kvcert-room-facilitator');
	await expect(view).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
	// The key left the address bar at once.
	expect(facilitator.url()).not.toContain('key=');

	const pages: Page[] = [];
	for (let i = 0; i < 10; i++) pages.push(await participate(browser, i));

	const rows = view.locator('[data-rows] tr');
	await expect(rows).toHaveCount(10, { timeout: 5000 });
	for (let i = 0; i < 10; i++) {
		const row = view.locator('[data-rows] tr', { hasText: `P${i} ${i % 2 ? 'en' : 'ja'}` });
		// Exercise D (the 4th exercise column, after the name) done after 2 checks.
		await expect(row.locator('td').nth(3)).toContainText('Done · checks: 2', { timeout: 5000 });
		if (i % 2 === 0) await expect(row.locator('td').nth(1)).toContainText('Done · checks: 1');
	}
	// The first scenario's best option, as exercise D labels it.
	const expected = en[`kvcert.workshop.d.option${quiz.en[0]!.answer + 1}` as keyof typeof en];
	await expect(view.locator('[data-quiz] li.expected').first()).toContainText(expected);
	await expect(view.locator('[data-quiz] li.expected').first()).toContainText('10 of 10');
	await expect(view.locator('[data-summary]')).toContainText('Exercise D done: 10');

	// At 1440×900 no row's text takes more than two lines, and the table fits one screen.
	await facilitator.setViewportSize({ width: 1440, height: 900 });
	const lines = await view.locator('[data-rows] tr').evaluateAll((trs) =>
		trs.map((tr) =>
			Math.max(
				...[...tr.children].map((cell) => {
					const range = document.createRange();
					range.selectNodeContents(cell);
					// A computed line height of 'normal' has no number: take the usual 1.2 × font size.
					const style = getComputedStyle(cell);
					const lineHeight = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
					return Math.round(range.getBoundingClientRect().height / lineHeight);
				})
			)
		)
	);
	expect(Math.max(...lines)).toBeLessThanOrEqual(2);
	expect((await view.locator('table').boundingBox())!.height).toBeLessThan(900);

	// The Japanese view at 1440: a short cell (「未着手」, 「✓ 完了 · 確認: 2 回」) keeps to one line in
	// every exercise column, the last one (演習 E) included.
	expect(facilitatorUrl).toContain('/en/');
	await facilitator.goto(facilitatorUrl.replace('/en/', '/ja/'));
	await expect(view).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
	await expect(rows).toHaveCount(10, { timeout: 5000 });
	const shortCells = await view
		.locator('[data-rows] td:is(.notStarted, .done)')
		.evaluateAll((tds) =>
			tds.map((td) => {
				const range = document.createRange();
				range.selectNodeContents(td);
				const style = getComputedStyle(td);
				const lineHeight = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
				return Math.round(range.getBoundingClientRect().height / lineHeight);
			})
		);
	expect(shortCells.length).toBeGreaterThanOrEqual(10);
	expect(Math.max(...shortCells)).toBe(1);

	// A participant who leaves disappears from the view.
	const leaving = pages[0]!.locator('kvcert-room-participant');
	await leaving.getByRole('button', { name: ja['kvcert.room.participant.leave'] }).click();
	await expect(rows).toHaveCount(9, { timeout: 5000 });

	expect(await axeViolationsInBothThemes(facilitator, 'kvcert-room-facilitator')).toEqual([]);
	for (const page of pages) await page.context().close();
	await facilitatorContext.close();
});

test('a handout printed on the room’s own computer (localhost) links to the participants’ address it printed', async ({
	page,
}) => {
	await page.goto(`http://localhost:${port}/ja/workshop/`);
	await expect(page.locator('kvcert-room-participant')).toHaveAttribute('data-ready', 'true');
	// The address `npm run workshop` printed first; on a machine with no network, site-relative.
	const expected = `${server.participantOrigin ?? ''}/ja/setup/arm-template/`;
	const link = page.locator('main a[href="/ja/setup/arm-template/"]').first();
	await expect(link).toHaveAttribute('data-print-url', expected);
	await page.emulateMedia({ media: 'print' });
	const printed = await link.evaluate((a) => getComputedStyle(a, '::after').content);
	expect(printed).toContain(expected);
	expect(printed).not.toContain('localhost');
});

test('a participant page on a plain address sees the room; the facilitator view asks for the key without one', async ({
	page,
}) => {
	await page.goto(`${room}/ja/workshop/room/`);
	const view = page.locator('kvcert-room-facilitator');
	await expect(view).toHaveAttribute('data-state', 'key');
	await page.getByLabel(ja['kvcert.room.facilitator.keyLabel']).fill('wrong');
	await page.getByRole('button', { name: ja['kvcert.room.facilitator.open'] }).click();
	await expect(view.locator('[data-key-error]')).toHaveText(ja['kvcert.room.api.wrongKey']);
	await expect(view.locator('[data-room]')).toBeHidden();
});

test('without room mode the workshop page shows nothing about the room, and the room view says how to start it', async ({
	page,
}) => {
	// The suite's own server: a plain `npm start`.
	await page.goto('/en/workshop/');
	await expect(page.locator('kvcert-exercise-quiz')).toHaveAttribute('data-ready', 'true');
	await expect(page.locator('kvcert-room-participant')).toBeHidden();
	await page.goto('/en/workshop/room/');
	const view = page.locator('kvcert-room-facilitator');
	await expect(view).toHaveAttribute('data-state', 'off');
	await expect(view.locator('[data-state]')).toHaveText(en['kvcert.room.facilitator.off']);
});

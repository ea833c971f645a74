// `npm run budget`: builds the site, then prints for each page the JavaScript and CSS it transfers
// (gzip) and its Lighthouse scores, and exits non-zero when a page breaks the budget: more than 30
// KB of JavaScript (gzip; 40 KB on the tool pages, which are widgets throughout, and the workshop
// with its simulator and four exercises), performance under 95, or accessibility, best practices or
// SEO under 100. A Lighthouse run that errors (a runtime error, or a category without a score) is
// retried up to three times, and the error is printed, so a 0 is never left unexplained. Lighthouse does not interact with the page, so
// the figures are what a page ships before the reader reaches for a widget: the checker's editor,
// engine and worker load on first focus, paste or drop, and are not counted here. Uses lighthouse
// 12.2.3 (13 needs Node 22) on the system Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ensureChromium } from './ensure-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.BUDGET_PORT ?? 4398);
const origin = `http://127.0.0.1:${port}`;
const budget = { jsKb: 30, performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE: origin };
console.log(`Building for ${origin}…`);
const build = spawnSync(process.execPath, ['node_modules/astro/astro.js', 'build'], {
	cwd: root,
	env,
	stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) process.exit(build.status ?? 1);

const { pagePaths } = await import('./site-pages.mjs');
const server = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
	cwd: root,
	env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
	stdio: 'ignore',
});
const stop = () => server.kill();
process.on('exit', stop);
for (let i = 0; i < 100; i++) {
	if (
		await fetch(`${origin}/ja/`).then(
			(r) => r.ok,
			() => false
		)
	)
		break;
	await new Promise((r) => setTimeout(r, 200));
}

const chrome = await chromeLauncher.launch({
	chromePath: await ensureChromium(),
	chromeFlags: [
		'--headless=new',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--no-first-run',
	],
});

/** A page's JavaScript budget (KB, gzip): the tool pages and the workshop may ship a little more. */
const jsBudgetKb = (path) => (/\/(?:tools\/[\w-]+|workshop)\/$/.test(path) ? 40 : budget.jsKb);

const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
/** Attempts per page when Lighthouse errors. */
const attempts = 3;

/** Why a Lighthouse result is not usable (a runtime error, or a category left without a score). */
function lighthouseError(lhr) {
	if (lhr.runtimeError) return `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
	const missing = categories.filter((id) => typeof lhr.categories[id]?.score !== 'number');
	if (missing.length === 0) return undefined;
	// A category without a score names the audits that errored.
	const errored = Object.values(lhr.audits)
		.filter((a) => a.scoreDisplayMode === 'error')
		.map((a) => `${a.id} (${a.errorMessage ?? 'error'})`);
	return `no score for ${missing.join(', ')}${errored.length ? `: ${errored.join('; ')}` : ''}`;
}

/** Lighthouse on one page, retried while it errors; the last result and every error met. */
async function audit(url) {
	const errors = [];
	for (let attempt = 1; ; attempt++) {
		let lhr;
		try {
			({ lhr } = await lighthouse(url, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: categories,
			}));
		} catch (error) {
			errors.push(`attempt ${attempt}: ${error.message}`);
		}
		const problem = lhr ? lighthouseError(lhr) : undefined;
		if (lhr && !problem) return { lhr, errors };
		if (problem) errors.push(`attempt ${attempt}: ${problem}`);
		if (attempt >= attempts) return { lhr, errors };
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
}

/** Sum of gzip sizes (bytes) of the given URLs' bodies. */
const gzipCache = new Map();
async function gzipBytes(url) {
	if (!gzipCache.has(url))
		gzipCache.set(
			url,
			gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length
		);
	return gzipCache.get(url);
}

const rows = [];
let failures = 0;
// BUDGET_PAGES=/ja/tools/template-checker/,/en/setup/arm-template/ measures only those pages.
const only = process.env.BUDGET_PAGES?.split(',').filter(Boolean);
let retried = 0;
for (const path of pagePaths().filter((p) => !only || only.includes(p))) {
	const { lhr, errors } = await audit(`${origin}${path}`);
	if (errors.length > 0) {
		retried++;
		for (const error of errors) console.log(`  ! ${path} ${error}`);
	}
	if (!lhr || lighthouseError(lhr)) {
		failures++;
		console.log(`${path.padEnd(44)} ✗ Lighthouse failed ${attempts} times (see above)`);
		continue;
	}
	const requests = lhr.audits['network-requests'].details.items;
	const sum = async (type) => {
		let total = 0;
		for (const r of requests.filter((r) => r.resourceType === type && r.url.startsWith(origin)))
			total += await gzipBytes(r.url);
		return total / 1024;
	};
	const js = await sum('Script');
	const css = await sum('Stylesheet');
	const score = (id) => Math.round(lhr.categories[id].score * 100);
	const row = {
		path,
		js,
		css,
		performance: score('performance'),
		accessibility: score('accessibility'),
		'best-practices': score('best-practices'),
		seo: score('seo'),
	};
	const problems = [];
	const jsKb = jsBudgetKb(path);
	if (js > jsKb) problems.push(`JS ${js.toFixed(1)} KB > ${jsKb} KB`);
	for (const id of categories)
		if (row[id] < budget[id]) {
			const failed = Object.values(lhr.audits).filter(
				(a) =>
					a.score !== null &&
					a.score < 1 &&
					lhr.categories[id].auditRefs.some((ref) => ref.id === a.id && ref.weight > 0)
			);
			problems.push(`${id} ${row[id]} < ${budget[id]} (${failed.map((a) => a.id).join(', ')})`);
		}
	failures += problems.length ? 1 : 0;
	rows.push({ ...row, problems });
	console.log(
		`${path.padEnd(44)} JS ${js.toFixed(1).padStart(5)} KB  CSS ${css.toFixed(1).padStart(5)} KB  perf ${row.performance}  a11y ${row.accessibility}  bp ${row['best-practices']}  seo ${row.seo}${problems.length ? `  ✗ ${problems.join('; ')}` : ''}`
	);
}
await chrome.kill();
stop();

const max = (key) => Math.max(...rows.map((r) => r[key]));
const min = (key) => Math.min(...rows.map((r) => r[key]));
console.log(
	`\n${rows.length} pages: JS ≤ ${max('js').toFixed(1)} KB, CSS ≤ ${max('css').toFixed(1)} KB (gzip); performance ≥ ${min('performance')}, accessibility ≥ ${min('accessibility')}, best practices ≥ ${min('best-practices')}, SEO ≥ ${min('seo')}`
);
if (retried)
	console.log(`Lighthouse errored on ${retried} page(s) and was run again (errors above).`);
console.log(failures ? `${failures} page(s) over budget` : 'All pages within budget.');
process.exit(failures ? 1 : 0);

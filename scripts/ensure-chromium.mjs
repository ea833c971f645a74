// Finds a Chromium for the browser tests, or installs one and says what it is doing:
// Playwright's own download where the internet allows it, else `apt-get install chromium` as root
// on Debian or Ubuntu. Prints the executable's path on the last line of stdout.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
	process.env.CHROMIUM_PATH,
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
];

/** The first Chromium found on this machine, or undefined. */
export async function findChromium() {
	for (const path of candidates) if (path && existsSync(path)) return path;
	try {
		const { chromium } = await import('playwright-core');
		const path = chromium.executablePath();
		if (path && existsSync(path)) return path;
	} catch {
		// playwright-core has no browser of its own installed: fall through.
	}
	return undefined;
}

function run(command, args) {
	console.error(`$ ${command} ${args.join(' ')}`);
	return (
		spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], timeout: 15 * 60_000 })
			.status === 0
	);
}

/** Finds Chromium, installing it when missing. Throws when it cannot. */
export async function ensureChromium() {
	const found = await findChromium();
	if (found) return found;
	console.error('No Chromium found for the browser tests. Trying Playwright’s own download…');
	if (run('npx', ['--no-install', 'playwright', 'install', 'chromium'])) {
		const path = await findChromium();
		if (path) return path;
	}
	const isRoot = process.getuid?.() === 0;
	const hasApt = existsSync('/usr/bin/apt-get');
	if (isRoot && hasApt) {
		console.error(
			'Playwright’s download is not available here. Installing Debian’s chromium with apt-get…'
		);
		run('apt-get', ['update']);
		if (
			run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'])
		) {
			const path = await findChromium();
			if (path) return path;
		}
	}
	throw new Error(
		'No Chromium for the browser tests. Install one (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk) ' +
			'or set CHROMIUM_PATH to its executable.'
	);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	try {
		console.log(await ensureChromium());
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
}

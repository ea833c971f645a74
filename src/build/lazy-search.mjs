// @ts-check
/**
 * Starlight 0.37 loads the Pagefind search UI (≈27 KB of JavaScript, gzip) on every page as soon as
 * the browser is idle, whether or not the reader searches. This Vite plugin makes it load when the
 * reader reaches for search instead: on pointer hover or focus of the search button, on its click,
 * or on Ctrl/⌘ K. Plain pages then ship only a few KB of JavaScript (see `npm run budget`).
 *
 * It rewrites one line of Starlight's Search.astro script, and fails the build loudly if that line
 * is not found (a Starlight upgrade changed it), so it can never silently stop working.
 */

const target = 'const onIdle = window.requestIdleCallback || ((cb) => setTimeout(cb, 1));';

const replacement = `const onIdle = (load) => {
	let started = false;
	const start = async () => {
		if (started) return;
		started = true;
		await load();
		// The dialog may already be open (Ctrl K before the UI arrived): focus the new search field.
		if (dialog.open) this.querySelector('input')?.focus();
	};
	for (const event of ['pointerenter', 'focus', 'click']) openBtn.addEventListener(event, start, { once: true });
	window.addEventListener('keydown', (e) => { if ((e.metaKey || e.ctrlKey) && e.key === 'k') start(); });
};`;

/** @returns {import('vite').Plugin} */
export function lazySearch() {
	return {
		name: 'kvcert:lazy-search',
		enforce: 'pre',
		// The dev server serves Search.astro's script in another form; the budget is about the build.
		apply: 'build',
		transform(code, id) {
			if (!id.includes('@astrojs/starlight/components/Search.astro') || !id.includes('type=script'))
				return;
			if (!code.includes(target))
				throw new Error(
					'kvcert:lazy-search: Starlight’s Search.astro changed; update src/build/lazy-search.mjs'
				);
			return { code: code.replace(target, replacement), map: null };
		},
	};
}

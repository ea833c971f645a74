// @ts-check
/**
 * The language of the page a Markdown/MDX file renders (content/docs/<lang>/…), for the rehype
 * plugins; undefined for files outside content/docs.
 * @param {{ path?: string, history?: string[] }} file the vfile
 * @returns {'ja' | 'en' | undefined}
 */
export function pageLanguage(file) {
	const path = (file.path ?? file.history?.[0] ?? '').replace(/\\/g, '/');
	return /\/content\/docs\/(ja|en)\//.exec(path)?.[1] === 'ja'
		? 'ja'
		: /\/content\/docs\/en\//.test(path)
			? 'en'
			: undefined;
}

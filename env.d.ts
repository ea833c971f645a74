// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- Astro's generated types are a global script, not a module.
/// <reference path="./.astro/types.d.ts" />

// kvcert's own UI strings are typed from the English table, so Astro.locals.t('kvcert.…') is checked.
declare namespace StarlightApp {
	type KvcertStrings = typeof import('./content/i18n/en.json');
	// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- interface merging is Starlight's extension point.
	interface I18n extends KvcertStrings {}
}

/** Replaced with package.json's version when scripts/build-cli.mjs bundles the CLI. */
declare const __KVCERT_VERSION__: string | undefined;

/** The kvcert version (the package's, or `0.0.0-dev` when the sources run unbundled). */
export const kvcertVersion: string =
	typeof __KVCERT_VERSION__ === 'string' ? __KVCERT_VERSION__ : '0.0.0-dev';

/** Replaced with package.json's `homepage` when scripts/build-cli.mjs bundles the CLI. */
declare const __KVCERT_HOMEPAGE__: string | undefined;

/** The package's homepage, if it has one. */
export const kvcertHomepage: string | undefined =
	typeof __KVCERT_HOMEPAGE__ === 'string' && __KVCERT_HOMEPAGE__ !== ''
		? __KVCERT_HOMEPAGE__
		: undefined;

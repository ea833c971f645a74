/** Replaced with package.json's version when scripts/build-cli.mjs bundles the CLI. */
declare const __KVCERT_VERSION__: string | undefined;

/** The kvcert version (the package's, or `0.0.0-dev` when the sources run unbundled). */
export const kvcertVersion: string =
	typeof __KVCERT_VERSION__ === 'string' ? __KVCERT_VERSION__ : '0.0.0-dev';

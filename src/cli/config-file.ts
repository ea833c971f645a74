import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { configFileName, parseConfig, type KvcertConfig } from '../core/check/index.ts';
import type { Lang } from '../core/check/index.ts';
import { format as fillMessage } from '../core/i18n/format.ts';
import { escapeControlCharacters } from '../core/terminal-text.ts';
import { describeInputError, InputError, readInputFile } from './read-input.ts';

/** A config file read from disk: where it is (its `ignores` are relative to its folder). */
export interface LoadedConfig {
	path: string;
	dir: string;
	config: KvcertConfig;
}

/** Config files are small: refuse anything larger than this. */
const maxConfigBytes = 1024 * 1024;

/** A config that cannot be used; the message says where and why, in the user's language. */
export class ConfigFileError extends Error {}

/** Reads and validates one config file. @throws ConfigFileError */
export function loadConfigFile(path: string, shown: string, lang: Lang): LoadedConfig {
	let text: string;
	try {
		text = readInputFile(path, maxConfigBytes, shown).toString('utf8');
	} catch (error) {
		if (error instanceof InputError)
			throw new ConfigFileError(
				escapeControlCharacters(describeInputError(error, lang, 'kvcert check'))
			);
		throw error;
	}
	const { config, errors } = parseConfig(text, lang);
	if (errors.length > 0)
		throw new ConfigFileError(
			errors
				.map((e) =>
					escapeControlCharacters(
						fillMessage('kvcert check: {{file}}:{{line}}:{{column}}: {{message}}', {
							file: shown,
							...e,
						})
					)
				)
				.join('\n')
		);
	return { path, dir: dirname(path), config };
}

/**
 * Finds the config that applies to a folder: the nearest kvcert.config.json at or above it, up to
 * the repository's top level (the folder holding `.git`) or the file system's root, as Bicep finds
 * bicepconfig.json. Results are cached per folder.
 */
export function createConfigFinder(
	load: (path: string) => LoadedConfig
): (folder: string) => LoadedConfig | undefined {
	const cache = new Map<string, LoadedConfig | undefined>();
	const find = (folder: string): LoadedConfig | undefined => {
		const dir = resolve(folder);
		if (cache.has(dir)) return cache.get(dir);
		const candidate = join(dir, configFileName);
		let found: LoadedConfig | undefined;
		if (existsSync(candidate)) found = load(candidate);
		else if (dirname(dir) !== dir && !existsSync(join(dir, '.git'))) found = find(dirname(dir));
		cache.set(dir, found);
		return found;
	};
	return find;
}

import { dirname, relative, resolve, sep } from 'node:path';
import type { Lang } from '../../core/check/index.ts';
import { decodeText } from '../../core/text-encoding.ts';
import { format as fillMessage } from '../../core/i18n/format.ts';
import { escapeControlCharacters } from '../../core/terminal-text.ts';
import type { LoadedConfig } from '../config-file.ts';
import { describeInputError, InputError, readInput } from '../read-input.ts';
import type { Workspace } from '../workspace.ts';
import { cliMessages } from './check-messages.ts';
import type { CheckOptions } from './check-options.ts';
import { pairParameters } from './check-pairing.ts';
import { expandPaths, isIgnored } from './files.ts';

/** The name standard input gets in reports. */
export const stdinPath = '<stdin>';

/** One text to check. */
export interface CheckInput {
	/** The path people see (from the working folder), or `<stdin>`. */
	path: string;
	/** The file on disk; undefined for standard input. */
	absolute: string | undefined;
	text: string;
	/** Found by walking a folder or a glob (not named): skipped when it holds nothing to check. */
	walked: boolean;
	parameters?: { path: string; text: string };
	config: LoadedConfig | undefined;
}

/** A file left out of the check, and why. */
export interface SkippedFile {
	file: string;
	reason: 'ignored' | 'nothing';
}

/** What `readInputs` gives: the inputs, or the messages of a usage error / unreadable path (exit 2). */
export type ReadInputs =
	| { inputs: CheckInput[]; skipped: SkippedFile[]; files: Map<string, string> }
	| { errors: string[] };

/**
 * Expands the paths, leaves out what the config ignores, reads every file (and standard input), and
 * pairs parameters files with their templates.
 */
export async function readInputs(
	options: CheckOptions,
	context: {
		workspace: Workspace;
		lang: Lang;
		maxBytes: number;
		configFor: (folder: string) => LoadedConfig | undefined;
	}
): Promise<ReadInputs> {
	const { workspace, lang, maxBytes, configFor } = context;
	const { files, unmatched } = expandPaths(options.paths, workspace.cwd);
	if (unmatched.length > 0)
		return {
			errors: unmatched.map((pattern) =>
				escapeControlCharacters(fillMessage(cliMessages.noMatch[lang], { pattern }))
			),
		};
	const read = async (path: string, absolute: string): Promise<string | InputError> => {
		try {
			return decodeText(await readInput(path, maxBytes, absolute));
		} catch (error) {
			if (error instanceof InputError) return error;
			throw error;
		}
	};
	const describe = (error: InputError) =>
		escapeControlCharacters(describeInputError(error, lang, 'kvcert check'));
	const inputs: CheckInput[] = [];
	const skipped: SkippedFile[] = [];
	for (const file of files) {
		if (file === '-') {
			const text = await read('-', '-');
			if (text instanceof InputError) return { errors: [describe(text)] };
			inputs.push({
				path: stdinPath,
				absolute: undefined,
				text,
				walked: false,
				config: configFor(workspace.cwd),
			});
			continue;
		}
		const path = file.shown;
		const config = configFor(dirname(file.absolute));
		if (
			config &&
			isIgnored(relative(config.dir, file.absolute).split(sep).join('/'), config.config.ignores)
		) {
			skipped.push({ file: path, reason: 'ignored' });
			continue;
		}
		const text = await read(path, file.absolute);
		if (text instanceof InputError) return { errors: [describe(text)] };
		inputs.push({ path, absolute: file.absolute, text, walked: file.walked, config });
	}
	let explicit: { path: string; text: string } | undefined;
	if (options.parameters) {
		const text = await read(options.parameters, resolve(workspace.cwd, options.parameters));
		if (text instanceof InputError) return { errors: [describe(text)] };
		explicit = { path: options.parameters, text };
	}
	const texts = new Map<string, string>();
	const paired = pairParameters(inputs, explicit);
	for (const input of paired) {
		texts.set(input.path, input.text);
		if (input.parameters) texts.set(input.parameters.path, input.parameters.text);
	}
	return { inputs: paired, skipped, files: texts };
}

import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ReadModule } from '../core/check/index.ts';
import { decodeText } from '../core/text-encoding.ts';
import { readInputFile } from './read-input.ts';
import { createPathGuard } from './settings-file.ts';
import { shownPath, type Workspace } from './workspace.ts';

/** At most this many `.tf` and `.tf.json` files are read from one Terraform module folder. */
const maxFilesPerFolder = 64;

/**
 * Reads the local modules a checked Bicep or Terraform file calls, so that they are checked with the
 * values each call passes. The same confinement as `--settings @file` (settings-file.ts): only
 * within the checked file's folder or the repository. A Bicep module is one `.bicep` file; a
 * Terraform module is the `.tf` and `.tf.json` files of a folder. Texts already read in the run are reused, and
 * files read are added to `texts` (so that --fix can correct a module).
 */
export function createModuleReader(options: {
	/** The checked file's folder (the working folder for standard input). */
	base: string;
	workspace: Workspace;
	maxBytes: number;
	texts: Map<string, string>;
}): ReadModule {
	const { base, workspace, maxBytes, texts } = options;
	const guard = createPathGuard(base, workspace);
	const read = (full: string): { path: string; text: string } | undefined => {
		const target = guard(full);
		if (!target) return undefined;
		const shown = shownPath(full, workspace);
		const known = texts.get(shown);
		if (known !== undefined) return { path: shown, text: known };
		try {
			const text = decodeText(readInputFile(target, maxBytes, shown));
			texts.set(shown, text);
			return { path: shown, text };
		} catch {
			return undefined;
		}
	};
	return ({ from, path, language }) => {
		const folder = from.startsWith('<') ? workspace.cwd : dirname(resolve(workspace.cwd, from));
		const full = resolve(folder, path);
		if (language === 'bicep') {
			// Only a Bicep file, so that no report ever shows a line of another kind of file.
			const file = /\.bicep$/i.test(full) ? read(full) : undefined;
			return file ? [file] : undefined;
		}
		const target = guard(full);
		if (!target) return undefined;
		let names: string[];
		try {
			if (!statSync(target).isDirectory()) return undefined;
			names = readdirSync(target)
				.filter((name) => /\.tf(?:\.json)?$/.test(name))
				.sort()
				.slice(0, maxFilesPerFolder);
		} catch {
			return undefined;
		}
		const files = names.flatMap((name) => read(join(full, name)) ?? []);
		return files.length > 0 ? files : undefined;
	};
}

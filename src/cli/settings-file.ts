import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReadFile } from '../core/check/index.ts';
import { decodeText } from '../core/text-encoding.ts';
import { readInputFile } from './read-input.ts';
import { isInside, shownPath, type Workspace } from './workspace.ts';

/**
 * Reads the settings files that a checked script names (`--settings @file.json`, `Get-Content`).
 * A script is someone else's text: it may name any path. So a file is read only when it lies in
 * the checked file's folder (or below) or in the repository, after following links; never /proc,
 * /sys or a device, never a FIFO; and only when it looks like JSON settings (it starts with `{`), so
 * that no report ever shows a line of a file that is not a settings file.
 */

/** Kernel and device trees: never read, whatever the checked file's place. */
const specialTrees = ['/proc', '/sys', '/dev'];

/** Whether a text starts like a JSON object (after a byte order mark, spaces and comments). */
function looksLikeJsonObject(text: string): boolean {
	const body = text.replace(/^\uFEFF/, '').replace(/^(?:\s|\/\/[^\n\r]*|\/\*[\s\S]*?\*\/)+/, '');
	return body.startsWith('{');
}

/**
 * A reader for the settings files named by one checked file. `texts` holds the texts read so far
 * (and, while fixing, the fixed ones), by shown path; files read are added to it.
 */
/**
 * The guard for paths a checked file names: the real file behind `path` (from `base`), when it lies
 * in the checked file's folder (or below) or in the repository, after following links, and never in
 * /proc, /sys or /dev; else undefined.
 */
export function createPathGuard(
	base: string,
	workspace: Workspace
): (path: string) => string | undefined {
	const real = (path: string) => {
		try {
			return realpathSync(path);
		} catch {
			return undefined;
		}
	};
	const allowed = [real(base), workspace.inRepository ? real(workspace.root) : undefined].filter(
		(folder): folder is string => folder !== undefined
	);
	return (full) => {
		if (full.includes('\u0000')) return undefined;
		const target = real(full);
		if (!target) return undefined;
		if (specialTrees.some((tree) => isInside(target, tree))) return undefined;
		return allowed.some((folder) => isInside(target, folder)) ? target : undefined;
	};
}

/**
 * A reader for the settings files named by one checked file. `texts` holds the texts read so far
 * (and, while fixing, the fixed ones), by shown path; files read are added to it.
 */
export function createSettingsReader(options: {
	/** The checked file's folder (the working folder for standard input). */
	base: string;
	workspace: Workspace;
	maxBytes: number;
	texts: Map<string, string>;
}): ReadFile {
	const { base, workspace, maxBytes, texts } = options;
	const guard = createPathGuard(base, workspace);
	return (path) => {
		const full = resolve(base, path);
		const target = guard(full);
		if (!target) return undefined;
		const shown = shownPath(full, workspace);
		const known = texts.get(shown);
		if (known !== undefined) return { path: shown, text: known };
		let text: string;
		try {
			text = decodeText(readInputFile(target, maxBytes, shown));
		} catch {
			return undefined;
		}
		if (!looksLikeJsonObject(text)) return undefined;
		texts.set(shown, text);
		return { path: shown, text };
	};
}

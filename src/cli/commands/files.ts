import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { trimEnd } from '../../core/trim-end.ts';

/** Extensions of the files a folder or glob yields (named files are read whatever their name). */
const checkedExtensions = /\.(?:json|jsonc|sh|bash|ps1|azcli|bicep|bicepparam|tf)$/i;

/** Folders never walked into. */
export const defaultIgnoredFolders = ['.git', 'node_modules', '.terraform', 'dist'];

function walk(directory: string, out: string[]): void {
	for (const entry of readdirSync(directory, { withFileTypes: true })) {
		if (defaultIgnoredFolders.includes(entry.name)) continue;
		const path = join(directory, entry.name);
		if (entry.isDirectory()) walk(path, out);
		else if (entry.isFile()) out.push(path);
	}
}

/** Converts a glob (`*`, `**`, `?`, `{a,b}`) to a regular expression over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
	let source = '';
	for (let i = 0; i < glob.length; i++) {
		const ch = glob[i]!;
		if (ch === '*' && glob[i + 1] === '*') {
			source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
			i += glob[i + 2] === '/' ? 2 : 1;
		} else if (ch === '*') source += '[^/]*';
		else if (ch === '?') source += '[^/]';
		else if (ch === '{') {
			const close = glob.indexOf('}', i);
			if (close === -1) source += '\\{';
			else {
				source += `(?:${glob
					.slice(i + 1, close)
					.split(',')
					.map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&'))
					.join('|')})`;
				i = close;
			}
		} else source += ch.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
	}
	return new RegExp(`^${source}$`);
}

/**
 * Whether a `/`-separated path matches one of the config's `ignores`, as .gitignore reads them: a
 * pattern without `/` matches a name at any depth, and a folder's pattern covers what is inside it.
 */
export function isIgnored(path: string, patterns: readonly string[]): boolean {
	if (patterns.length === 0) return false;
	const parts = path.split('/');
	const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
	return patterns.some((pattern) => {
		const trimmed = trimEnd(pattern.replace(/^\.\//, ''), '/');
		if (trimmed === '') return false;
		const regex = globToRegExp(trimmed.includes('/') ? trimmed : `**/${trimmed}`);
		return prefixes.some((prefix) => regex.test(prefix));
	});
}

/** A file to check: its absolute path, and whether a folder or glob found it (or it was named). */
export interface FoundFile {
	absolute: string;
	/** The path as people see it: as named, or under the folder or glob as named (absolute or not). */
	shown: string;
	walked: boolean;
}

/**
 * Expands command-line paths (relative to `cwd`, or absolute): files as named, folders to the
 * files in them that kvcert may read, globs by walking from their fixed prefix. Returns the files
 * (each once, in order) and the patterns that matched nothing.
 */
export function expandPaths(
	patterns: string[],
	cwd: string
): { files: Array<FoundFile | '-'>; unmatched: string[] } {
	const files: Array<FoundFile | '-'> = [];
	const seen = new Set<string>();
	const add = (absolute: string, shown: string, walked: boolean) => {
		if (seen.has(absolute)) return;
		seen.add(absolute);
		files.push({ absolute, shown, walked });
	};
	const unmatched: string[] = [];
	for (const pattern of patterns) {
		if (pattern === '-') {
			if (!files.includes('-')) files.push('-');
			continue;
		}
		if (!/[*?{]/.test(pattern)) {
			const absolute = resolve(cwd, pattern);
			let isDirectory = false;
			try {
				isDirectory = statSync(absolute).isDirectory();
			} catch {
				isDirectory = false;
			}
			if (isDirectory) {
				const found: string[] = [];
				walk(absolute, found);
				const matching = found.filter((f) => checkedExtensions.test(f)).sort();
				if (matching.length === 0) unmatched.push(pattern);
				const named = normalize(pattern);
				for (const file of matching) add(file, join(named, relative(absolute, file)), true);
			} else add(absolute, normalize(pattern), false);
			continue;
		}
		const normalized = resolve(cwd, pattern.split(sep).join('/')).split(sep).join('/');
		const fixed = normalized.slice(0, normalized.search(/[*?{]/));
		const base = fixed.slice(0, fixed.lastIndexOf('/') + 1) || '/';
		const found: string[] = [];
		try {
			walk(base, found);
		} catch {
			unmatched.push(pattern);
			continue;
		}
		const regex = globToRegExp(normalized);
		const matching = found
			.filter((f) => regex.test(f.split(sep).join('/')))
			.sort((a, b) => relative(cwd, a).localeCompare(relative(cwd, b)));
		if (matching.length === 0) unmatched.push(pattern);
		for (const file of matching) add(file, isAbsolute(pattern) ? file : relative(cwd, file), true);
	}
	return { files, unmatched };
}

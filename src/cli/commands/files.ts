import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const checkedExtensions = /\.(json|jsonc|sh|bash|ps1|azcli|bicep|bicepparam|tf)$/i;
const skipped = new Set(['node_modules', '.git', 'dist', '.astro']);

function walk(directory: string, out: string[]): void {
	for (const entry of readdirSync(directory, { withFileTypes: true })) {
		if (skipped.has(entry.name)) continue;
		const path = join(directory, entry.name);
		if (entry.isDirectory()) walk(path, out);
		else if (entry.isFile()) out.push(path);
	}
}

/** Converts a glob (`*`, `**`, `?`, `{a,b}`) to a regular expression over `/`-separated paths. */
function globToRegExp(glob: string): RegExp {
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
 * Expands command-line paths: files as given, directories to the JSON and script files in them,
 * globs by walking from their fixed prefix. Returns the files and the patterns that matched nothing.
 */
export function expandPaths(
	patterns: string[],
	cwd: string
): { files: string[]; unmatched: string[] } {
	const files: string[] = [];
	const unmatched: string[] = [];
	for (const pattern of patterns) {
		if (pattern === '-') {
			files.push('-');
			continue;
		}
		if (!/[*?{]/.test(pattern)) {
			let isDirectory = false;
			try {
				isDirectory = statSync(join(cwd, pattern)).isDirectory();
			} catch {
				isDirectory = false;
			}
			if (isDirectory) {
				const found: string[] = [];
				walk(join(cwd, pattern), found);
				const matching = found
					.filter((f) => checkedExtensions.test(f))
					.map((f) => relative(cwd, f));
				if (matching.length === 0) unmatched.push(pattern);
				files.push(...matching.sort());
			} else files.push(pattern);
			continue;
		}
		const normalized = pattern.split(sep).join('/');
		const fixed = normalized.slice(0, normalized.search(/[*?{]/));
		const base = fixed.includes('/') ? fixed.slice(0, fixed.lastIndexOf('/') + 1) : '';
		const found: string[] = [];
		try {
			walk(join(cwd, base || '.'), found);
		} catch {
			unmatched.push(pattern);
			continue;
		}
		const regex = globToRegExp(normalized.replace(/^\.\//, ''));
		const matching = found
			.map((f) => relative(cwd, f).split(sep).join('/'))
			.filter((f) => regex.test(f));
		if (matching.length === 0) unmatched.push(pattern);
		files.push(...matching.sort());
	}
	return { files: [...new Set(files)], unmatched };
}

import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Where a run stands: the working folder and the repository around it. Reports for people use
 * paths from the working folder; machine reports (SARIF, annotations, JUnit, baselines) use paths
 * from the repository root (git's top level), whatever the working folder.
 */
export interface Workspace {
	cwd: string;
	/** The git top level (the folder holding `.git`), or the working folder outside a repository. */
	root: string;
	/** Whether `root` is a repository's top level. */
	inRepository: boolean;
}

/** The nearest folder at or above `start` that holds `.git` (a folder, or a file for worktrees). */
export function findRepositoryRoot(start: string): string | undefined {
	for (let dir = resolve(start); ; dir = dirname(dir)) {
		if (existsSync(join(dir, '.git'))) return dir;
		if (dirname(dir) === dir) return undefined;
	}
}

/** The workspace of a run started in `cwd`. */
export function createWorkspace(cwd: string): Workspace {
	const root = findRepositoryRoot(cwd);
	return { cwd, root: root ?? cwd, inRepository: root !== undefined };
}

/** Whether `path` is `folder` or inside it (both absolute). */
export function isInside(path: string, folder: string): boolean {
	const rel = relative(folder, path);
	return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** How people see a file: from the working folder when it is inside it, else absolute. */
export function shownPath(absolute: string, workspace: Workspace): string {
	return isInside(absolute, workspace.cwd) && absolute !== workspace.cwd
		? relative(workspace.cwd, absolute)
		: absolute;
}

/** How machine reports name a file: `/`-separated from the repository root, else absolute. */
export function rootPath(absolute: string, workspace: Workspace): string {
	return isInside(absolute, workspace.root)
		? relative(workspace.root, absolute).split(sep).join('/')
		: absolute;
}

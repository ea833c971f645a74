import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates a folder and its missing parents one by one. (Node's `recursive: true` never returns
 * on some paths, such as a folder under /proc, where mkdir answers ENOENT for a parent that exists.)
 */
export function makeFolder(folder: string): void {
	const missing: string[] = [];
	for (let current = folder; !existsSync(current); current = dirname(current)) {
		missing.unshift(current);
		if (dirname(current) === current) break;
	}
	for (const path of missing) mkdirSync(path);
}

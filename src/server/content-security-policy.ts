import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The site's Content-Security-Policy. Starlight pages carry a few inline scripts (theme picker,
 * Astro islands); Astro 5.18's experimental CSP only writes a <meta> tag (no frame-ancestors there)
 * and leaves inline scripts to us, so the server hashes every inline script of the built pages
 * once at start and allows exactly those. Same-origin scripts, module workers and WebAssembly
 * ('wasm-unsafe-eval', for Pagefind and web-tree-sitter) are allowed; nothing else runs.
 */

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** SHA-256 CSP sources ('sha256-…') of the inline scripts in one HTML document. */
export function inlineScriptHashes(html: string): string[] {
	const hashes: string[] = [];
	for (const [, attributes = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
		if (/\bsrc\s*=/i.test(attributes) || body === '') continue;
		if (/\btype\s*=\s*["']?(?:application\/(?:ld\+)?json|text\/template)/i.test(attributes))
			continue;
		hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
	}
	return hashes;
}

/** Every distinct inline-script hash of the .html files below `directory`, sorted. */
export function siteScriptHashes(directory: string): string[] {
	const hashes = new Set<string>();
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.html'))
				for (const hash of inlineScriptHashes(readFileSync(path, 'utf8'))) hashes.add(hash);
		}
	};
	walk(directory);
	return [...hashes].sort();
}

/** The policy header value for the given inline-script hashes. */
export function contentSecurityPolicy(scriptHashes: string[]): string {
	return [
		"default-src 'self'",
		`script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`.trimEnd(),
		// Starlight and Expressive Code set style attributes; styles cannot run code.
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"worker-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	].join('; ');
}

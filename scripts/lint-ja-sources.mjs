/**
 * Every Japanese string the project ships or prints, found where it is written, for `npm run lint:ja`
 * (scripts/lint-ja.mjs) and its coverage test (tests/unit/lint-ja-sources.test.ts).
 *
 * Files are found, not listed: every file under src/, samples/, content/ and scripts/ that contains
 * a Japanese character is read by the extractor for its kind (ja pages as MDX, with the comments and
 * strings of their code blocks, which the MDX linter skips; JSON values; string
 * literals, template literals and comments of JavaScript and TypeScript through the TypeScript
 * scanner; comments and quoted strings of the other sample languages line by line). A file whose
 * kind has no extractor is reported, never skipped, and the test checks that every run of Japanese
 * characters in a file is inside some extracted string.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import ts from 'typescript';

/** Folders whose files can hold Japanese text a user reads. */
export const ROOTS = ['src', 'samples', 'content', 'scripts'];

/** Hiragana, katakana (full and half width), CJK ideographs and the ideographic punctuation. */
export const JAPANESE =
	/[\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/;
/** A Japanese letter (not only punctuation such as 「」, which a template may put around a value). */
const JAPANESE_LETTER = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/;
const JAPANESE_RUN = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]+/g;

/**
 * Files that contain Japanese but are not text for a reader, each with the reason. The test fails
 * when an entry here no longer exists or no longer contains Japanese, so the list cannot go stale.
 */
export const NOT_TEXT = {
	'src/build/glossary-terms.mjs':
		'hiragana sort keys and the link words of the glossary terms, which are the terms as the pages spell them (the pages are linted)',
	'src/build/ja-phrases.mjs': 'examples of phrase boundaries in comments for the build step',
	'scripts/lint-ja.mjs': 'the syntax words it recognises in CLI help (使い方:) and an example tag',
	'scripts/lint-ja-sources.mjs': 'examples of what it extracts, in comments',
};

/**
 * @typedef {{ text: string, line: number, key?: string, lint?: false }} JaString
 * @typedef {{ file: string, kind: 'page' | 'strings', strings: JaString[] }} JaSource
 */

/** Every file below a folder, as paths relative to the repository, in a stable order. */
function filesIn(root, dir) {
	let entries;
	try {
		entries = readdirSync(join(root, dir), { withFileTypes: true });
	} catch {
		return [];
	}
	return entries
		.filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
		.sort((a, b) => a.name.localeCompare(b.name))
		.flatMap((entry) =>
			entry.isDirectory()
				? filesIn(root, join(dir, entry.name))
				: [join(dir, entry.name).split(sep).join('/')]
		);
}

/** Paths of the files under ROOTS that contain a Japanese character. */
export function filesWithJapanese(root) {
	return ROOTS.flatMap((dir) => filesIn(root, dir)).filter((file) => {
		if (/\.(?:png|jpe?g|gif|webp|ico|wasm|woff2?|pdf|zip|gz)$/i.test(file)) return false;
		return JAPANESE_LETTER.test(readFileSync(join(root, file), 'utf8'));
	});
}

const lineAt = (source, index) => source.slice(0, index).split('\n').length;

/** `{ text, line, key }` for each value of a flat JSON object, with the line its key is on. */
function jsonStrings(source) {
	return source.split('\n').flatMap((line, i) => {
		const m = /^\s*"([^"]+)":\s*("(?:[^"\\]|\\.)*")/.exec(line);
		return m && JAPANESE.test(line) ? [{ text: JSON.parse(m[2]), line: i + 1, key: m[1] }] : [];
	});
}

/**
 * The frontmatter `title` and `description` and the `title` and `description` of link cards: text
 * a reader sees (in search results and cards) that the MDX parser does not hand to the rules.
 */
function pageAttributes(source) {
	return source.split('\n').flatMap((line, i) => {
		const found = [];
		const front = /^\s*(title|description|text):[ \t]*(\S.*)$/.exec(line);
		if (front) found.push({ key: front[1], text: front[2].replace(/^(['"])(.*)\1$/, '$2') });
		for (const m of line.matchAll(/<LinkCard\b[^>]*/g))
			for (const attr of m[0].matchAll(/\b(title|description)="([^"]*)"/g))
				found.push({ key: `LinkCard.${attr[1]}`, text: attr[2] });
		return found.filter((s) => JAPANESE.test(s.text)).map((s) => ({ ...s, line: i + 1 }));
	});
}

/** The comment marker of a code block's language: `//` for C-like languages and JSON, else `#`. */
function commentMarkerOf(lang) {
	return /^(?:cs|csharp|bicep|jsx?|tsx?|javascript|typescript|jsonc?|diff)$/i.test(lang)
		? '//'
		: '#';
}

/**
 * The Japanese inside a page's fenced code blocks, which the MDX linter skips: comments and quoted
 * strings line by line as in a sample file (`# 現在のバージョンの SHA-1 拇印`), and the block's
 * `title="出力"`. Program output (`text` blocks) is read for coverage but not linted as prose: it is
 * what a tool prints, not what the page writes.
 */
function codeBlockStrings(source) {
	/** @type {JaString[]} */
	const found = [];
	const lines = source.split('\n');
	/** @type {{ fence: string, lang: string, line: number, body: string[] } | undefined} */
	let block;
	for (const [i, line] of lines.entries()) {
		const open = /^\s*(`{3,}|~{3,})/.exec(line);
		if (!block && open) {
			// The info string: a language, then attributes (`text title="出力"`, `diff lang="json"`).
			const info = line.slice(open[0].length).trim();
			const lang = /^[\w#+-]*/.exec(info)?.[0] ?? '';
			const attributes = info.slice(lang.length);
			block = { fence: open[1], lang, line: i + 1, body: [] };
			const title = /\btitle="([^"]*)"/.exec(attributes)?.[1];
			if (title && JAPANESE.test(title))
				found.push({ text: title, line: i + 1, key: 'code title' });
			continue;
		}
		if (!block) continue;
		if (line.trim().startsWith(block.fence) && !line.trim().slice(block.fence.length).trim()) {
			const output = block.lang === 'text' || block.lang === '';
			for (const s of sampleLinesOf(block.body.join('\n'), commentMarkerOf(block.lang)))
				found.push({
					...s,
					line: block.line + s.line,
					key: `code ${block.lang || 'text'} ${s.key}`,
					...(output ? { lint: /** @type {const} */ (false) } : {}),
				});
			block = undefined;
			continue;
		}
		block.body.push(line);
	}
	return found;
}

/** What a ja page holds beside its prose (linted whole as MDX): attributes and code blocks. */
function pageStrings(source) {
	return [...pageAttributes(source), ...codeBlockStrings(source)].sort((a, b) => a.line - b.line);
}

/** The text inside a page's fenced code blocks (fences and info strings included). */
function codeBlocksOf(source) {
	const inside = [];
	let fence;
	for (const line of source.split('\n')) {
		const open = /^\s*(`{3,}|~{3,})/.exec(line);
		if (!fence && open) fence = open[1];
		else if (fence && line.trim().startsWith(fence) && !line.trim().slice(fence.length).trim())
			fence = undefined;
		if (fence || open) inside.push(line);
	}
	return inside.join('\n');
}

/**
 * The Japanese part of each line with Japanese in a Markdown file that is not a ja page (a language
 * link, the bilingual 404 page: `ページが見つかりません / Page not found`).
 */
function japaneseLines(source) {
	return source.split('\n').flatMap((line, i) => {
		if (!JAPANESE.test(line)) return [];
		const value = line.replace(/^\s*(?:[-*]\s+)?(?:\w+:\s*)?/, '').replace(/^(['"])(.*)\1$/, '$2');
		const text = value
			.split(/ \/ |(?<=。)/)
			.filter((part) => JAPANESE.test(part))
			.join('')
			.trim();
		return [{ text, line: i + 1 }];
	});
}

/** The dotted name of the properties and variable around a node: `messages.present.ja`. */
function keyOf(node) {
	const names = [];
	for (let at = node.parent; at; at = at.parent) {
		if (
			ts.isPropertyAssignment(at) ||
			ts.isVariableDeclaration(at) ||
			ts.isPropertyDeclaration(at)
		) {
			const name = at.name;
			if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))
				names.unshift(name.text);
		} else if (ts.isFunctionDeclaration(at) && at.name) names.unshift(`${at.name.text}()`);
		else if (ts.isCallExpression(at) && names.length === 0) {
			const callee = at.expression.getText();
			if (callee.length < 40) names.unshift(`${callee}()`);
		}
	}
	return names.join('.');
}

/** The text of a template literal, with each `${…}` as a placeholder `{{x}}`. */
function templateText(node) {
	if (ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
	return node.head.text + node.templateSpans.map((span) => `{{x}}${span.literal.text}`).join('');
}

/** Comment text without its markers: `// a`, `/* a *\/`, `/** a *\/` and JSDoc's leading `*`. */
function commentText(comment) {
	return comment
		.replace(/^\/\/\s?/, '')
		.replace(/^\/\*+\s?|\s*\*+\/$/g, '')
		.split('\n')
		.map((line) => line.replace(/^\s*\*\s?/, '').trim())
		.join('\n')
		.trim();
}

/**
 * A comment as a string to lint. A sample's comments are Japanese text for the reader; a comment in
 * the project's own code is linted only when it is written in Japanese (most of its letters), not
 * when it is English that quotes a Japanese example (「正解です。…」).
 */
function commentString(text, line, file) {
	const letters = text.match(/\p{L}/gu) ?? [];
	const japanese = letters.filter((c) => JAPANESE.test(c)).length;
	const prose = file.startsWith('samples/') || japanese * 2 > letters.length;
	return { text, line, key: 'comment', ...(prose ? {} : { lint: /** @type {const} */ (false) }) };
}

/** String literals, template literals and comments with Japanese in a JavaScript or TypeScript file. */
function scriptStrings(source, file) {
	const kind = /\.[cm]?jsx?$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
	const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
	/** @type {JaString[]} */
	const found = [];
	const visit = (node) => {
		if (ts.isRegularExpressionLiteral(node)) {
			// A pattern matches input (pasted mail headers, say); no reader sees it as text.
			if (JAPANESE.test(node.text))
				found.push({
					text: node.text,
					line: lineAt(source, node.getStart(tree)),
					key: 'regex',
					lint: false,
				});
			return;
		}
		if (
			ts.isStringLiteral(node) ||
			ts.isNoSubstitutionTemplateLiteral(node) ||
			ts.isTemplateExpression(node)
		) {
			const text = ts.isStringLiteral(node) ? node.text : templateText(node);
			// A URL fragment (`拡張機能が使う-id`) is an anchor, not text: checked by the link tests.
			const anchor = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u.test(text);
			if (JAPANESE.test(text))
				found.push({
					text,
					line: lineAt(source, node.getStart(tree)),
					key: keyOf(node),
					...(anchor ? { lint: /** @type {const} */ (false) } : {}),
				});
			if (!ts.isTemplateExpression(node)) return;
		}
		ts.forEachChild(node, visit);
	};
	visit(tree);
	const seen = new Set();
	/** @type {{ text: string, line: number, end: number }[]} */
	const lineComments = [];
	const comments = (ranges) => {
		for (const range of ranges ?? []) {
			if (seen.has(range.pos)) continue;
			seen.add(range.pos);
			const text = commentText(source.slice(range.pos, range.end));
			const line = lineAt(source, range.pos);
			// A sentence wraps over consecutive `//` lines: they are one comment.
			const last = lineComments.at(-1);
			if (range.kind === ts.SyntaxKind.SingleLineCommentTrivia && last?.end === line - 1) {
				last.text += `\n${text}`;
				last.end = line;
			} else if (range.kind === ts.SyntaxKind.SingleLineCommentTrivia)
				lineComments.push({ text, line, end: line });
			else if (JAPANESE.test(text)) found.push(commentString(text, line, file));
		}
	};
	const visitComments = (node) => {
		comments(ts.getLeadingCommentRanges(source, node.getFullStart()));
		comments(ts.getTrailingCommentRanges(source, node.getEnd()));
		ts.forEachChild(node, visitComments);
	};
	visitComments(tree);
	comments(ts.getLeadingCommentRanges(source, tree.endOfFileToken.getFullStart()));
	for (const { text, line } of lineComments.sort((a, b) => a.line - b.line))
		if (JAPANESE.test(text)) found.push(commentString(text, line, file));
	return found.sort((a, b) => a.line - b.line);
}

/**
 * Comments and quoted strings with Japanese in a sample written in another language (C#, PowerShell,
 * shell, Bicep, Terraform, Python), line by line: a comment runs from its marker to the end of the
 * line; otherwise the quoted string around the Japanese text is taken.
 */
function sampleLines(source, file) {
	const marker = /\.(?:cs|bicep)$/.test(file) ? '//' : '#';
	// A Python docstring is one text; its lines are blanked (newlines kept) before the line scan.
	const docstrings = [];
	if (file.endsWith('.py'))
		source = source.replace(/"""([\s\S]*?)"""/g, (whole, text, at) => {
			if (JAPANESE.test(text))
				docstrings.push({ text: text.trim(), line: lineAt(source, at), key: 'docstring' });
			return whole.replace(/[^\n]/g, ' ');
		});
	return [...docstrings, ...sampleLinesOf(source, marker)].sort((a, b) => a.line - b.line);
}

/** The comment or quoted string around the Japanese text of each line. */
function sampleLinesOf(source, marker) {
	return source.split('\n').flatMap((line, i) => {
		const at = line.search(JAPANESE);
		if (at < 0) return [];
		const commentAt = line.indexOf(marker);
		if (commentAt >= 0 && commentAt < at) {
			// The comment lines after it that close its parenthesis (a URL on the next line).
			const lines = source.split('\n');
			let text = line.slice(commentAt + marker.length).trim();
			for (let next = i + 1; next < lines.length; next++) {
				const m = new RegExp(`^\\s*${marker}\\s?(.*)$`).exec(lines[next]);
				const unclosed = (text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length;
				if (!m || !unclosed || JAPANESE.test(m[1]) || !m[1].trim()) break;
				text += `\n${m[1].trim()}`;
			}
			return [{ text, line: i + 1, key: 'comment' }];
		}
		const quoted = [...line.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].find(
			(m) => m.index <= at && at < m.index + m[0].length
		);
		const text = quoted ? (quoted[1] ?? quoted[2] ?? '') : line.trim();
		return [{ text, line: i + 1, key: quoted ? 'string' : 'line' }];
	});
}

/** The extractor for a file, or undefined when its kind has none. */
function extractorFor(file) {
	if (/^content\/docs\/ja\/.*\.mdx?$/.test(file)) return { kind: 'page', read: pageStrings };
	if (/\.mdx?$/.test(file)) return { kind: 'strings', read: japaneseLines };
	if (file.endsWith('.json')) return { kind: 'strings', read: jsonStrings };
	if (/\.[cm]?[jt]sx?$/.test(file)) return { kind: 'strings', read: scriptStrings };
	if (['.cs', '.ps1', '.sh', '.bicep', '.tf', '.py'].includes(extname(file)))
		return { kind: 'strings', read: sampleLines };
	return undefined;
}

/**
 * The Japanese sources of the repository at `root`: `sources` (each file with its extracted
 * strings; ja pages are also linted whole as MDX), `unread` (files with Japanese and no extractor).
 */
export function japaneseSources(root) {
	/** @type {JaSource[]} */
	const sources = [];
	const unread = [];
	for (const file of filesWithJapanese(root)) {
		if (file in NOT_TEXT) continue;
		const extractor = extractorFor(file);
		if (!extractor) {
			unread.push(file);
			continue;
		}
		const source = readFileSync(join(root, file), 'utf8');
		sources.push({ file, kind: extractor.kind, strings: extractor.read(source, file) });
	}
	return { sources, unread };
}

/** Runs of Japanese characters in a file's text that no extracted string contains. */
export function uncoveredRuns(root, source) {
	const whole = readFileSync(join(root, source.file), 'utf8');
	// A page's prose is linted whole as MDX; only its code blocks must be in the extracted strings.
	const text = source.kind === 'page' ? codeBlocksOf(whole) : whole;
	const runs = new Set(text.match(JAPANESE_RUN) ?? []);
	const extracted = source.strings.map((s) => s.text).join('\n');
	return [...runs].filter((run) => !extracted.includes(run));
}

export const relativeTo = (root, path) => relative(root, path).split(sep).join('/');

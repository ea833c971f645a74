// `npm run lint:ja`: textlint over the Japanese text (docs/style-ja.md). Lints the ja pages as MDX,
// and the pages' titles, descriptions and link cards, the Japanese UI strings (content/i18n/ja.json)
// and rule texts (src/core/check/rules/*.ts) as plain paragraphs extracted to temporary files;
// messages point back at the source file and line.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter, loadTextlintrc } from 'textlint';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every .mdx file under a folder. */
function mdxFiles(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return mdxFiles(path);
		return entry.name.endsWith('.mdx') ? [path] : [];
	});
}

/** `{ text, line }` for each value of a flat JSON object, with the line its key is on. */
function jsonStrings(path) {
	const lines = readFileSync(path, 'utf8').split('\n');
	return lines.flatMap((line, i) => {
		const m = /^\s*"[^"]+":\s*("(?:[^"\\]|\\.)*")/.exec(line);
		return m ? [{ text: JSON.parse(m[1]), line: i + 1 }] : [];
	});
}

/**
 * `{ text, line }` for the page's frontmatter `title` and `description` and for the `title` and
 * `description` of its link cards: text a reader sees (in search results and cards) that the MDX
 * parser does not hand to the rules.
 */
function pageAttributes(path) {
	const lines = readFileSync(path, 'utf8').split('\n');
	return lines.flatMap((line, i) => {
		const found = [];
		// Lines of the project's own pages, not user input.
		// eslint-disable-next-line regexp/no-super-linear-backtracking
		const front = /^(?:title|description):\s*(.+)$/.exec(line);
		if (front) found.push(front[1].replace(/^(['"])(.*)\1$/, '$2'));
		for (const m of line.matchAll(/<LinkCard\b[^>]*/g))
			for (const attr of m[0].matchAll(/\b(?:title|description)="([^"]*)"/g)) found.push(attr[1]);
		return found.map((text) => ({ text, line: i + 1 }));
	});
}

/** `{ text, line }` for each single-quoted `ja: '…'` string literal in a TypeScript file. */
function tsJaStrings(path) {
	const source = readFileSync(path, 'utf8');
	const found = [];
	for (const m of source.matchAll(/\bja:\s*'((?:[^'\\\n]|\\.)*)'/g))
		found.push({
			text: m[1].replace(/\\(.)/g, '$1'),
			line: source.slice(0, m.index).split('\n').length,
		});
	return found;
}

/**
 * Placeholders become a neutral word (`x`, as a value fills them), and URLs and paths become inline
 * code, as the pages write them: the rules then see the prose around them, not their characters.
 */
function literalsAsCode(text) {
	return text.replace(/\{\{\w+\}\}|\{\w+\}|\[[A-Z_]+\]/g, 'x').replace(
		// The project's own strings and pages, not user input.
		// eslint-disable-next-line regexp/no-super-linear-backtracking
		/(?<=^|[\s(「])(https?:\/\/(?:<[^>\n]*>|[^\s)、。」`])+|\/[\w.{}<>-][^\s)、。」`]*)/g,
		'`$1`'
	);
}

/**
 * Writes strings as paragraphs of a Markdown file and returns it with a map from its lines back to
 * source lines. Strings are UI labels and titles as well as sentences, so each is its own paragraph.
 */
function asMarkdown(dir, name, strings) {
	const lineMap = [];
	const body = [];
	for (const { text, line } of strings) {
		for (const part of literalsAsCode(text).split('\n')) {
			body.push(part);
			lineMap.push(line);
		}
		body.push('');
		lineMap.push(line);
	}
	const path = join(dir, name);
	writeFileSync(path, body.join('\n'));
	return { path, lineMap };
}

const pagesDescriptor = await loadTextlintrc({ configFilePath: join(root, '.textlintrc.json') });
// Strings are labels, titles and sentences alike: a label needs no 。 (all other rules stay).
const stringsConfig = JSON.parse(readFileSync(join(root, '.textlintrc.json'), 'utf8'));
stringsConfig.rules['preset-ja-technical-writing']['ja-no-mixed-period'] = false;
stringsConfig.rules.prh.rulePaths = [join(root, 'docs/prh.yml')];
const temp = mkdtempSync(join(tmpdir(), 'kvcert-lint-ja-'));
const stringsConfigPath = join(temp, 'textlintrc.json');
writeFileSync(stringsConfigPath, JSON.stringify(stringsConfig));
const stringsDescriptor = await loadTextlintrc({ configFilePath: stringsConfigPath });

const problems = [];
try {
	const pages = createLinter({ descriptor: pagesDescriptor });
	for (const result of await pages.lintFiles(mdxFiles(join(root, 'content/docs/ja')))) {
		const lines = readFileSync(result.filePath, 'utf8').split('\n');
		for (const m of result.messages) {
			// A Starlight admonition title (:::note[…]) is a heading, not a sentence: it takes no 。.
			const admonitionTitle = /^\s*:::\w+\[/.test(lines[m.line - 1] ?? '');
			if (admonitionTitle && m.ruleId.endsWith('ja-no-mixed-period')) continue;
			problems.push({ file: relative(root, result.filePath), line: m.line, column: m.column, m });
		}
	}

	const strings = createLinter({ descriptor: stringsDescriptor });
	const sources = [
		{ file: 'content/i18n/ja.json', strings: jsonStrings(join(root, 'content/i18n/ja.json')) },
		...mdxFiles(join(root, 'content/docs/ja')).map((path) => ({
			file: relative(root, path),
			strings: pageAttributes(path),
		})),
		...readdirSync(join(root, 'src/core/check/rules'))
			.filter((name) => name.endsWith('.ts'))
			.map((name) => ({
				file: `src/core/check/rules/${name}`,
				strings: tsJaStrings(join(root, 'src/core/check/rules', name)),
			})),
	].filter((s) => s.strings.length);
	for (const [i, source] of sources.entries()) {
		const { path, lineMap } = asMarkdown(temp, `${i}.md`, source.strings);
		const [result] = await strings.lintFiles([path]);
		for (const m of result?.messages ?? [])
			problems.push({ file: source.file, line: lineMap[m.line - 1] ?? 0, column: m.column, m });
	}
} finally {
	rmSync(temp, { recursive: true, force: true });
}

// textlint severity: 1 warning, 2 error. Only errors fail; warnings are listed for the editor.
const errors = problems.filter((p) => p.m.severity !== 1);
const warnings = problems.filter((p) => p.m.severity === 1);
for (const { file, line, column, m } of [...warnings, ...errors])
	console.log(
		`${file}:${line}:${column}  ${m.severity === 1 ? 'warning' : 'error'}  ${m.ruleId}  ${m.message.split('\n')[0]}`
	);
console.log(
	`\ntextlint (docs/style-ja.md): ${errors.length} error(s), ${warnings.length} warning(s) in the Japanese pages, UI strings and rule texts.`
);
process.exit(errors.length ? 1 : 0);

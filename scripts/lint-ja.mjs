// `npm run lint:ja`: textlint over every Japanese string the project ships or prints
// (docs/style-ja.md). The ja pages are linted as MDX; everything else that holds Japanese under src/,
// samples/, content/ and scripts/ (UI strings, rule texts, simulator and select messages, CLI messages
// and help, diagram labels, workshop material, sample comments, the pages' titles and descriptions)
// is extracted by scripts/lint-ja-sources.mjs and linted as plain paragraphs in temporary files.
// Messages point back at the source file, line and key.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter, loadTextlintrc } from 'textlint';
import { japaneseSources } from './lint-ja-sources.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every .mdx file under a folder. */
function mdxFiles(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return mdxFiles(path);
		return entry.name.endsWith('.mdx') ? [path] : [];
	});
}

const FULL_WIDTH = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;
const JAPANESE_LETTER = /[\u3040-\u30ff\u3400-\u9fff]/;

/**
 * Placeholders become a neutral word, as a value fills them (`x`, or `値` where the placeholder
 * touches a Japanese letter, where a Japanese value goes), and URLs and paths become inline code, as the
 * pages write them: the rules then see the prose around them, not their characters. A log line's tag
 * ([シミュレーター]) and a code comment's `//` are not prose.
 */
function literalsAsCode(text) {
	return text
		.replace(/^\[[^\]\n]+\]\s*/, '')
		.replace(/^\/\/\s*/, '')
		.replace(/\{"[^\n]*\}/g, '`JSON`') // a JSON shape in CLI help
		.replace(/\{\{\w+\}\}|\{\w+\}|\[[A-Z_]+\]/g, (placeholder, at, whole) => {
			const sides = [whole[at - 1], whole[at + placeholder.length]];
			return sides.some((c) => JAPANESE_LETTER.test(c ?? '')) ? '値' : 'x';
		})
		.replace(
			/(?<=^|[\s(「])(https?:\/\/(?:<[^<>\n]*>|[^\s)、。」`<])*|\.{0,2}\/[\w.{}<>-][^\s)、。」`]*)/g,
			'`$1`'
		);
}

/** Joins a wrapped line to the one before: no space between two Japanese characters. */
const joinWrapped = (before, after) =>
	FULL_WIDTH.test(before.at(-1) ?? '') && FULL_WIDTH.test(after[0] ?? '')
		? before + after
		: `${before} ${after}`;

/**
 * The paragraphs of a string, each with the offset of its first line. A one-line string is one
 * paragraph. In a multi-line string (CLI help, a comment block) a blank line ends a paragraph, an
 * indented line continues the one before, and wrapped prose lines are joined. Command syntax is not
 * prose: a line that starts with an option or `kvcert` keeps only its description (the text after
 * a gap of two spaces), and `使い方:` keeps nothing of the synopsis after it.
 */
function paragraphsOf(text) {
	const paragraphs = [];
	let open = null;
	for (const [offset, raw] of text.split('\n').entries()) {
		let line = raw;
		if (!line.trim()) {
			open = null;
			continue;
		}
		const syntax = /^\s*(?:使い方:\s*)?(?:-{1,2}[\w-]|kvcert\b|使い方:)/.test(line);
		if (syntax) {
			const gap = /\S {2,}(?=\S)/.exec(line);
			if (!gap) {
				open = null;
				continue;
			}
			line = line.slice(gap.index + gap[0].length);
			open = { text: line.trim(), offset, item: true };
			paragraphs.push(open);
			continue;
		}
		const exitCode = /^\s*(?:[^\s:]+:\s*)?\d+ = (.*)$/.exec(line); // 終了コード: 0 = …
		if (exitCode) {
			open = { text: exitCode[1].trim(), offset, item: true };
			paragraphs.push(open);
			continue;
		}
		const indented = /^\s{2,}/.test(line);
		if (open && (indented || !open.item)) open.text = joinWrapped(open.text, line.trim());
		else {
			open = { text: line.trim(), offset, item: false };
			paragraphs.push(open);
		}
	}
	return paragraphs;
}

/**
 * Writes strings as paragraphs of a Markdown file and returns it with a map from its lines back to
 * source lines and keys. Strings are UI labels and titles as well as sentences, so each is its own
 * paragraph.
 */
function asMarkdown(dir, name, strings) {
	const lineMap = [];
	const body = [];
	for (const { text, line, key } of strings) {
		for (const paragraph of paragraphsOf(text)) {
			body.push(literalsAsCode(paragraph.text), '');
			const at = { line: line + paragraph.offset, key };
			lineMap.push(at, at);
		}
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
let stringCount = 0;
let sourceCount = 0;
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

	// docs/style-ja.md: 疑問形の見出しは使いません (「なぜ…なのか」「…はどれか」). No textlint rule knows
	// which lines are headings, so page headings and title strings are checked here.
	const question = /(?:のか|どれか|ですか|ますか|でしょうか|(?<!どう)[るいた]か|\?|？)$/;
	for (const path of mdxFiles(join(root, 'content/docs/ja'))) {
		let fenced = false;
		for (const [i, line] of readFileSync(path, 'utf8').split('\n').entries()) {
			if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
			if (!fenced && /^#{1,6} /.test(line) && question.test(line.trim()))
				problems.push({
					file: relative(root, path),
					line: i + 1,
					column: 1,
					m: {
						severity: 2,
						ruleId: 'style-ja/no-question-heading',
						message: '疑問形の見出しは使いません。',
					},
				});
		}
	}

	const strings = createLinter({ descriptor: stringsDescriptor });
	const { sources, unread } = japaneseSources(root);
	for (const file of unread)
		problems.push({
			file,
			line: 0,
			column: 0,
			m: {
				severity: 2,
				ruleId: 'lint-ja',
				message: 'holds Japanese, but no extractor reads this kind of file',
			},
		});
	for (const source of sources)
		for (const s of source.strings)
			if (/title|heading/i.test(s.key ?? '') && question.test(s.text.trim()))
				problems.push({
					file: source.file,
					line: s.line,
					column: 1,
					key: s.key,
					m: {
						severity: 2,
						ruleId: 'style-ja/no-question-heading',
						message: '疑問形の見出しは使いません。',
					},
				});
	const linted = sources
		.map((s) => ({ ...s, strings: s.strings.filter((x) => x.lint !== false) }))
		.filter((s) => s.strings.length);
	const files = linted.map((source, i) => ({
		source,
		...asMarkdown(temp, `${i}.md`, source.strings),
	}));
	const byPath = new Map(files.map((f) => [f.path, f]));
	for (const result of await strings.lintFiles(files.map((f) => f.path))) {
		const { source, lineMap } = byPath.get(result.filePath) ?? {};
		if (!source) continue;
		for (const m of result.messages) {
			const at = lineMap[m.line - 1] ?? { line: 0 };
			problems.push({ file: source.file, line: at.line, column: m.column, key: at.key, m });
		}
	}
	stringCount = linted.reduce((n, s) => n + s.strings.length, 0);
	sourceCount = linted.length;
} finally {
	rmSync(temp, { recursive: true, force: true });
}

// textlint severity: 1 warning, 2 error. Only errors fail; warnings are listed for the editor.
const errors = problems.filter((p) => p.m.severity !== 1);
const warnings = problems.filter((p) => p.m.severity === 1);
for (const { file, line, column, key, m } of [...warnings, ...errors])
	console.log(
		`${file}:${line}:${column}${key ? ` [${key}]` : ''}  ${m.severity === 1 ? 'warning' : 'error'}  ${m.ruleId}  ${m.message.split('\n')[0]}`
	);
console.log(
	`\ntextlint (docs/style-ja.md): ${errors.length} error(s), ${warnings.length} warning(s) in the ja pages and ${stringCount} Japanese strings from ${sourceCount} files.`
);
process.exit(errors.length ? 1 : 0);

import { parseJsonDocument, type JsonDocument } from '../json.ts';
import type { CheckedDocument, ExtensionSite, Field, HostKind } from '../model.ts';
import type { Anchor } from '../navigate.ts';
import {
	createSession,
	createTemplateScope,
	type EvaluationSession,
	type TemplateScope,
} from '../scope.ts';
import { createSource, type SourceText } from '../source.ts';
import { knownString, unknown } from '../values.ts';
import { jsonFromString, readPsValues, type PsValue, type PsVariables } from './powershell.ts';
import { bashAssignment, expandWord, firstReference } from './shell-variables.ts';
import {
	jqField,
	referencesBetween,
	unexpandedReferences,
	versionedIdSource,
	versionedMember,
	versionedObjectSource,
	type VersionedObject,
} from './versioned-ids.ts';
import { overValueLimit } from './value-budget.ts';
import { isBinaryText } from './recognise.ts';
import { tokenizeScript, type ShellDialect, type Word } from './tokenize.ts';

/**
 * Reads a file named in a command (`--settings @file.json`); undefined when it cannot be read. It may
 * give the file's real path (relative to where the check runs), under which its findings are shown.
 */
export type ReadFile = (path: string) => string | { path: string; text: string } | undefined;

/** A use, in an extension's settings, of a variable assigned a versioned Key Vault id. */
export interface VersionedUse {
	use: Anchor;
	assigned: Anchor;
	/** The variable as written at the use, e.g. `$SID`. */
	variable: string;
	/** The command it was assigned from, shortened. */
	command: string;
	/** The extension's `--version` as written, when known. */
	version: string | undefined;
}

/** Command lines found in a script, with the JSON documents their settings came from. */
export interface ParsedCommands {
	document: CheckedDocument;
	/** Every settings JSON parsed (inline or from files), for syntax diagnostics. */
	settingsDocuments: JsonDocument[];
	/**
	 * The settings JSON az CLI reads (`--settings`, and inline `--protected-settings`, read for
	 * this alone), with the option, whose trailing commas it may reject.
	 */
	azSettingsDocuments: Array<{ doc: JsonDocument; option: string }>;
	/** Files named by commands that could not be read. */
	unreadable: Array<{ path: string; anchor: Anchor }>;
	/** az options written with one dash (`-name`), read as their two-dash form (KV053). */
	oneDashOptions: Array<{ written: string; meant: string; anchor: Anchor; dash?: 'en' | 'em' }>;
	/** `-Setting (ConvertTo-Json …)`: a hashtable made into JSON text where the hashtable belongs. */
	settingsAsJsonText: Anchor[];
	/** `-Setting $json`: a string of JSON where a hashtable belongs (its JSON is read all the same). */
	settingsAsString: Anchor[];
	/** Variables holding a versioned id (`--query sid`) used in the settings (versioned-ids.ts). */
	versionedUses: VersionedUse[];
}

/** Long options of the az commands kvcert reads, beyond the fields it takes from them. */
const azOptions = [
	'--resource-group',
	'--vm-name',
	'--vmss-name',
	'--machine-name',
	'--location',
	'--protected-settings',
	'--no-auto-upgrade-minor-version',
	'--no-auto-upgrade',
	'--enable-auto-upgrade',
	'--force-update',
	'--no-wait',
	'--provision-after-extensions',
	'--subscription',
	'--ids',
];

interface CommandShape {
	host: HostKind;
	/** Option names (lower case) for each field. */
	type: string[];
	publisher: string[];
	version: string[];
	settings: string[];
	name: string[];
	/** Settings options that take a PowerShell hashtable or object, which kvcert cannot read. */
	objectSettings: string[];
}

const az = (host: HostKind, type: string[], version: string[]): CommandShape => ({
	host,
	type,
	publisher: ['--publisher'],
	version,
	settings: ['--settings'],
	name: ['--extension-instance-name', '--name', '-n'],
	objectSettings: [],
});

const shapes: Array<{ match: RegExp; shape: CommandShape }> = [
	{ match: /^az vm extension set$/i, shape: az('vm', ['--name', '-n'], ['--version']) },
	{ match: /^az vmss extension set$/i, shape: az('vmss', ['--name', '-n'], ['--version']) },
	{
		match: /^az connectedmachine extension (create|update)$/i,
		shape: az('arc', ['--type', '--extension-type'], ['--type-handler-version']),
	},
	{
		match: /^set-azvmextension$/i,
		shape: {
			host: 'vm',
			type: ['-extensiontype', '-type'],
			publisher: ['-publisher'],
			version: ['-typehandlerversion', '-version'],
			settings: ['-settingstring'],
			name: ['-name'],
			objectSettings: ['-settings', '-setting'],
		},
	},
	{
		match: /^(add|set)-azvmssextension$/i,
		shape: {
			host: 'vmss',
			type: ['-type'],
			publisher: ['-publisher'],
			version: ['-typehandlerversion'],
			settings: [],
			name: ['-name'],
			objectSettings: ['-setting', '-settings'],
		},
	},
	{
		match: /^add-azservicefabricmanagednodetypevmextension$/i,
		shape: {
			host: 'vmss',
			type: ['-type'],
			publisher: ['-publisher'],
			version: ['-typehandlerversion'],
			settings: [],
			name: ['-name'],
			objectSettings: ['-setting', '-settings'],
		},
	},
	{
		match: /^(new|update)-azconnectedmachineextension$/i,
		shape: {
			host: 'arc',
			type: ['-extensiontype'],
			publisher: ['-publisher'],
			version: ['-typehandlerversion'],
			settings: [],
			name: ['-name'],
			objectSettings: ['-setting', '-settings'],
		},
	},
];

const dialectOf = (line: string): ShellDialect =>
	/^\s*(?:\$|[A-Za-z]+-Az|Get-|Write-|New-|Set-|Add-|Update-)/.test(line) ? 'powershell' : 'bash';

/** Whether a text looks like az CLI or Azure PowerShell commands rather than JSON. */
export function looksLikeCommands(text: string): boolean {
	const first = text.trimStart()[0];
	if (first === '{' || first === '[' || first === undefined || isBinaryText(text)) return false;
	// A command at the start of the text or of a line. Only the text's start may skip line breaks:
	// `(^|\n)\s*` rescanned every blank line from every line break (issue 24, N2).
	return /(?:^\s*|[\n\r][ \t]*)(?:az\s|\$\w+\s*=|(?:Set|Add|New|Update|Get)-Az)/i.test(text);
}

function wordAnchor(source: SourceText, word: Word): Anchor {
	return { source, start: word.start, end: word.end };
}

function fieldOf(source: SourceText, word: Word): Field {
	// A shell variable whose value the script does not show is unknown, not the text `$NAME`.
	const variable = firstReference(word);
	return {
		value: variable
			? unknown(`shell:${variable}`, variable)
			: knownString(word.text, { source, map: word.map }),
		anchor: wordAnchor(source, word),
	};
}

/**
 * Parses settings JSON given inline in a command word. JSON escaped for a native command in
 * PowerShell (`{\"a\":1}`) is unescaped when plain parsing fails.
 */
function inlineSettings(source: SourceText, word: Word): JsonDocument {
	const doc = parseJsonDocument(source, word.text, word.map);
	if (doc.errors.length === 0 || !word.text.includes('\\"')) return doc;
	let text = '';
	const offsets: number[] = [];
	for (let i = 0; i < word.text.length; i++) {
		if (word.text[i] === '\\' && word.text[i + 1] === '"') i++;
		offsets.push(word.map(i));
		text += word.text[i];
	}
	const unescaped = parseJsonDocument(source, text, (i) => offsets[i] ?? word.end);
	return unescaped.errors.length < doc.errors.length ? unescaped : doc;
}

/** A scope in which `[parameters('…')]` (the unknown parts of PowerShell values) is unknown. */
function standaloneScope(doc: JsonDocument, session: EvaluationSession | undefined): TemplateScope {
	const scope = createTemplateScope(
		doc,
		{ type: 'object', offset: 0, length: 0, children: [] },
		session ?? createSession()
	);
	scope.standalone = true;
	return scope;
}

/** Makes the strings of a settings document that hold one of `references` unknown values. */
function markUnknown(
	doc: JsonDocument,
	session: EvaluationSession,
	references: Array<{ key: string; start: number; end: number }>,
	raw: string
): boolean {
	if (references.length === 0) return false;
	let marked = false;
	const stack = doc.root ? [doc.root] : [];
	for (let seen = 0; stack.length > 0 && seen < 10_000; seen++) {
		const node = stack.pop()!;
		if (node.type !== 'string') {
			stack.push(...(node.children ?? []));
			continue;
		}
		const start = doc.toRaw(node.offset);
		const end = doc.toRaw(node.offset + node.length - 1);
		const written = doc.text.slice(node.offset, node.offset + node.length);
		// Only a reference still written as such (a known variable was expanded in place).
		const ref = references.find(
			(r) => r.start >= start && r.end <= end + 1 && written.includes(raw.slice(r.start, r.end))
		);
		if (!ref) continue;
		session.values.set(node, unknown(`shell:${ref.key}`, `{${ref.key}}`));
		marked = true;
	}
	return marked;
}

/** Settings given in a form that fails on Azure too (reported as errors, not as "not read"). */
export const settingErrors = new Set([
	'settingStringPath',
	'settingAsString',
	'settingPathString',
	'settingFileText',
]);

/**
 * The file of `Get-Content [-Raw] file` (in parentheses or not) given where a hashtable belongs: the
 * file's text, not an object. Undefined when the text is made into one (`| ConvertFrom-Json`).
 */
function getContentOf(text: string): string | undefined {
	if (/\|\s*ConvertFrom-Json\b/i.test(text)) return undefined;
	return /^\(?\s*Get-Content\s+(?:-Raw\s+)?(?:-Path\s+)?['"]?([^'")\s]+)['"]?/i.exec(
		text.trim()
	)?.[1];
}

/**
 * Finds `az vm|vmss extension set`, `az connectedmachine extension create`, `Set-AzVMExtension`,
 * `Add-AzVmssExtension` and `New-AzConnectedMachineExtension` commands that install the Key Vault
 * extension, and reads their settings (inline, `@file`, PowerShell variables and `Get-Content`).
 */
export function parseCommands(
	source: SourceText,
	readFile: ReadFile | undefined,
	session?: EvaluationSession
): ParsedCommands {
	const document: CheckedDocument = {
		doc: undefined,
		resources: [],
		byType: new Map(),
		hosts: [],
		extensions: [],
	};
	const result: ParsedCommands = {
		document,
		settingsDocuments: [],
		azSettingsDocuments: [],
		unreadable: [],
		oneDashOptions: [],
		settingsAsJsonText: [],
		settingsAsString: [],
		versionedUses: [],
	};
	const variables = new Map<string, Word>();
	/** Variables assigned the output of a command that prints a versioned id, by lower-case `$name`. */
	const versioned = new Map<string, { at: Anchor; command: string }>();
	/** Variables assigned a whole certificate or secret object (`$cert = Get-AzKeyVaultCertificate …`). */
	const objects = new Map<string, VersionedObject & { at: Anchor }>();
	const noteAssignment = (key: string, assigned: string, at: Anchor) => {
		const command = versionedIdSource(assigned) ?? fieldOfObject(assigned);
		if (command) versioned.set(key, { at, command });
		else versioned.delete(key);
		const object = versionedObjectSource(assigned);
		if (object) objects.set(key, { ...object, at });
		else objects.delete(key);
	};
	/** `$cert.SecretId` or `$(echo "$cert" | jq -r .sid)` assigned as it is: the object's command. */
	const fieldOfObject = (assigned: string): string | undefined => {
		const jq = jqField(assigned);
		const member = /^\$([A-Z_]\w*)(?=\.)/i.exec(assigned.trim());
		const key = jq?.key ?? (member ? `$${member[1]!.toLowerCase()}` : undefined);
		const object = key === undefined ? undefined : objects.get(key);
		if (!object) return undefined;
		const text = assigned.trim();
		if (jq) return object.fields.has(jq.field.toLowerCase()) ? text : undefined;
		const read = versionedMember(text, member![0].length, object);
		return read && read.end === text.length ? text : undefined;
	};
	/** Where a word is written (a word read from a placeholder may end before it starts). */
	const span = (word: Word) => ({ start: word.start, end: Math.max(word.end, word.start + 1) });
	/** Variables last assigned a quoted string (possibly joined with `+`). */
	const stringVariables = new Set<string>();
	// Hashtables and here-strings span lines: read first, then replaced by placeholders.
	const psVariables: PsVariables = new Map();
	// Values built from variables spend the check's one budget (value-budget.ts).
	const budget = session ?? createSession(source.raw.length);
	const { masked, values: psValues } = readPsValues(source.raw, psVariables, (size, start, end) =>
		overValueLimit(budget, { size }, { source, start, end })
	);
	const expand = (word: Word, keepUnknown = false) =>
		expandWord(
			word,
			(key) => variables.get(key),
			(size, depth) => overValueLimit(budget, { size, depth }, { source, ...span(word) }),
			keepUnknown
		);
	const statements = tokenizeScript(masked, dialectOf);
	let psScope: TemplateScope | undefined;
	/**
	 * The settings JSON of a PowerShell value; or, for a string built around unknown parts, the
	 * first that may hide the JSON's structure (outside the JSON's strings, or in a property name):
	 * said as not read there, never read as a value, so no false error and no "no problems".
	 */
	const psDocument = (
		value: PsValue
	): { doc: JsonDocument } | { hidden: { part: string; at: number } } => {
		const json =
			value.kind === 'string' ? jsonFromString(value) : { ...value.json, looseParts: [] };
		const doc = parseJsonDocument(
			source,
			json.text,
			(i) => json.offsets[Math.max(0, Math.min(i, json.offsets.length - 1))] ?? value.start
		);
		const hidden = json.looseParts[0];
		return hidden ? { hidden } : { doc };
	};
	const psValueOf = (text: string): PsValue | undefined => {
		const placeholder = /^\$_p(\d+)$/.exec(text);
		if (placeholder) return psValues.get(Number(placeholder[1]));
		const name = /^\$([A-Z_]\w*)$/i.exec(text);
		return name ? psVariables.get(name[1]!.toLowerCase()) : undefined;
	};

	const fileDocument = (path: string, anchor: Anchor): JsonDocument | undefined => {
		const found = readFile?.(path);
		if (found === undefined) {
			result.unreadable.push({ path, anchor });
			return undefined;
		}
		// Findings in the file are reported under the name the reader gives it (its real path).
		const file = typeof found === 'string' ? { path, text: found } : found;
		return parseJsonDocument(createSource(file.path, file.text));
	};
	const deref = (word: Word): Word => {
		if (/^\$\w+$/.test(word.text) && !word.quoted)
			return variables.get(word.text.toLowerCase()) ?? word;
		// `"$NAME"`, `"@$SETTINGS"`, `"${DIR}/x.json"`: expanded when the script shows the values.
		return word.dollars ? (expand(word) ?? word) : word;
	};

	for (const words of statements) {
		const assignment = bashAssignment(words);
		// NAME=`az …`: the backticks do not keep the command one word.
		const backticked = /^([A-Z_]\w*)=`/i.exec(words[0]?.text ?? '');
		if (backticked && !assignment) {
			const joined = words.map((w) => w.text).join(' ');
			noteAssignment(`$${backticked[1]!.toLowerCase()}`, joined.slice(backticked[0].length - 1), {
				source,
				start: words[0]!.start,
				end: words[words.length - 1]!.end,
			});
		}
		if (assignment) {
			noteAssignment(assignment.key, assignment.value.text, wordAnchor(source, words[0]!));
			// JSON built around a variable the script does not show (`S="{… \"$SID\" …}"`) is kept,
			// the variable still a reference in it, so that the settings are read.
			const value =
				expand(assignment.value) ??
				(assignment.value.text.trimStart().startsWith('{')
					? expand(assignment.value, true)
					: undefined);
			if (value) variables.set(assignment.key, value);
			else variables.delete(assignment.key);
			continue;
		}
		const [first, second] = words;
		if (first && second?.text === '=' && /^\$\w+$/.test(first.text)) {
			const value = words[2];
			const end = words[words.length - 1]!.end;
			noteAssignment(
				first.text.toLowerCase(),
				words
					.slice(2)
					.map((w) => w.text)
					.join(' '),
				{ source, start: first.start, end }
			);
			if (value && /^Get-Content$/i.test(value.text))
				variables.set(first.text.toLowerCase(), {
					text: words
						.slice(2)
						.map((w) => w.text)
						.join(' '),
					start: value.start,
					end,
					map: (i) => Math.min(value.start + i, end),
					quoted: false,
				});
			// A value built with operators (`'…' + $x + '…'`) is not known (but is a string when quoted).
			else if (value && words.length > 3 && /^(?:\+|-f|-replace|-join)$/i.test(words[3]!.text))
				variables.delete(first.text.toLowerCase());
			else if (value) variables.set(first.text.toLowerCase(), value);
			if (value?.quoted) stringVariables.add(first.text.toLowerCase());
			else stringVariables.delete(first.text.toLowerCase());
			continue;
		}
		let matched: { shape: CommandShape; length: number } | undefined;
		for (const length of [4, 1]) {
			const head = words
				.slice(0, length)
				.map((w) => w.text)
				.join(' ');
			const found = shapes.find((s) => s.match.test(head));
			if (found) {
				matched = { shape: found.shape, length };
				break;
			}
		}
		if (!matched || !first) continue;
		const { shape, length } = matched;
		const options = new Map<string, Word>();
		// az takes long options with two dashes; `-name` is read by az as the short option `-n`
		// followed by `ame` (or not at all), and the command fails. Read as meant, and said.
		const az = /^az\s/i.test(first.text + ' ');
		const known = az
			? new Set(
					[
						...shape.type,
						...shape.publisher,
						...shape.version,
						...shape.settings,
						...shape.name,
						...azOptions,
					].filter((o) => o.startsWith('--'))
				)
			: undefined;
		for (let i = length; i < words.length; i++) {
			const word = words[i]!;
			// An en or em dash where `--` belongs (`–settings`), as typographic quotes in docs make it.
			const dashed = !word.quoted && /^[\u2013\u2014][A-Z]/i.test(word.text);
			if ((/^--?[A-Z]/i.test(word.text) || dashed) && !word.quoted) {
				let name = word.text.toLowerCase();
				if (dashed) {
					name = `--${name.slice(1)}`;
					result.oneDashOptions.push({
						written: word.text,
						meant: `--${word.text.slice(1)}`,
						anchor: wordAnchor(source, word),
						dash: word.text[0] === '\u2013' ? 'en' : 'em',
					});
				} else if (known && /^-[a-z][a-z-]+$/.test(name) && known.has(`-${name}`)) {
					result.oneDashOptions.push({
						written: word.text,
						meant: `-${word.text}`,
						anchor: wordAnchor(source, word),
					});
					name = `-${name}`;
				}
				const next = words[i + 1];
				const isFlag = !next || (/^--?[A-Z]/i.test(next.text) && !next.quoted);
				if (!isFlag) {
					options.set(name, next);
					i++;
				}
			}
		}
		const writtenWord = new Map<Word, Word>();
		const option = (names: string[]) => {
			for (const name of names) {
				const word = options.get(name);
				if (word) {
					const value = deref(word);
					writtenWord.set(value, word);
					return value;
				}
			}
			return undefined;
		};
		const last = words[length - 1]!;
		const publisher = option(shape.publisher);
		const type = option(shape.type);
		const version = option(shape.version);
		const name = option(shape.name);
		const isKeyVault =
			/^microsoft\.azure\.keyvault/i.test(publisher?.text ?? '') ||
			/^keyvaultfor/i.test(type?.text ?? '');
		if (!isKeyVault) continue;

		let settingsDoc: JsonDocument | undefined;
		let settingsUnknown = false;
		let unread: ExtensionSite['unread'];
		let scoped = false;
		/** The scope of inline settings some of whose strings are unknown (markUnknown). */
		let ownScope: TemplateScope | undefined;
		const notRead = (
			word: Word,
			messageId: NonNullable<ExtensionSite['unread']>['messageId'],
			data: Record<string, string>
		) => {
			settingsUnknown = true;
			// Pointed at where the command names it (a variable there, not its assignment).
			const written = writtenWord.get(word) ?? word;
			unread = { anchor: wordAnchor(source, written), messageId, data };
		};
		/** Settings built around an unknown part that may hide their structure: said at the part. */
		const fromPsValue = (value: PsValue) => {
			const read = psDocument(value);
			if ('doc' in read) {
				settingsDoc = read.doc;
				scoped = true;
				return;
			}
			const { part, at } = read.hidden;
			settingsUnknown = true;
			const end = source.raw.startsWith(part, at) ? at + part.length : at + 1;
			unread = { anchor: { source, start: at, end }, messageId: 'partNotRead', data: { part } };
		};
		const fromFile = (path: string, word: Word) => {
			settingsDoc = fileDocument(path, wordAnchor(source, word));
			if (!settingsDoc) notRead(word, 'fileNotRead', { file: path });
		};
		/** A PowerShell value: a placeholder, a variable, or `$x | ConvertTo-Json` / `ConvertTo-Json $x`. */
		const fromPowerShell = (word: Word): boolean => {
			// A variable read as a PowerShell value is taken as written, before the tokenizer's
			// own (single-line) idea of its value.
			const written = writtenWord.get(word)?.text.trim();
			const text = written && psValueOf(written) ? written : word.text.trim();
			const name = convertedVariable(text) ?? text;
			if (!/^\$\w+$/.test(name)) return false;
			const value = psValueOf(name);
			// A string that is not JSON (a path, a word): read as the text it is, below.
			if (value?.kind === 'string' && !jsonFromString(value).text.trimStart().startsWith('{'))
				return false;
			if (value) fromPsValue(value);
			else if (!/^\$_p\d+$/.test(name)) notRead(word, 'variableNotRead', { name });
			else notRead(word, 'valueNotRead', { what: text.slice(0, 60) });
			return true;
		};
		const settingsWord = option(shape.settings);
		const objectWord = option(shape.objectSettings);
		if (settingsWord) {
			const fromGetContent =
				/^\(?\s*Get-Content\s+(?:-Raw\s+)?(?:-Path\s+)?['"]?([^'")\s]+)['"]?/i.exec(
					settingsWord.text
				);
			const text = settingsWord.text.trim();
			const powershell = shape.settings[0] === '-settingstring';
			if (fromGetContent) {
				const path = fromGetContent[1]!;
				const variable = /^\$\w+$/.test(path) ? variables.get(path.toLowerCase()) : undefined;
				fromFile(variable?.quoted ? variable.text : path, settingsWord);
			} else if (text.startsWith('{')) settingsDoc = inlineSettings(source, settingsWord);
			else if (fromPowerShell(settingsWord)) void 0;
			else if (powershell)
				// -SettingString takes JSON text: a path there is not read, by kvcert nor by Azure.
				notRead(settingsWord, /^[\w.:~\\/-]+$/.test(text) ? 'settingStringPath' : 'valueNotRead', {
					path: text,
					what: text.slice(0, 60),
				});
			else if (firstReference(settingsWord))
				notRead(settingsWord, 'variableNotRead', { name: firstReference(settingsWord)! });
			else if (text.startsWith('@')) fromFile(text.slice(1), settingsWord);
			else if (readFile?.(text) !== undefined) fromFile(text, settingsWord);
			else if (/^\$/.test(text)) notRead(settingsWord, 'variableNotRead', { name: text });
			else notRead(settingsWord, 'fileNotRead', { file: text });
		} else if (objectWord) {
			// -Setting takes a hashtable: a JSON string there reaches the machine as a string.
			const written = (writtenWord.get(objectWord) ?? objectWord).text.trim().toLowerCase();
			const psValue = psValueOf(written);
			const psString = psValue?.kind === 'string';
			const path = objectWord.text.trim().replace(/^["']|["']$/g, '');
			const fileText = getContentOf(objectWord.text);
			if (fileText)
				// `$settings = (Get-Content -Raw ".\settings.json")`, as the Linux docs write it: the file's
				// text, a string, is sent as it is.
				notRead(objectWord, 'settingFileText', { option: '-Setting', path: fileText });
			else if (psString && jsonFromString(psValue).text.trimStart().startsWith('{')) {
				// A JSON string where the hashtable belongs (as the 1.0 docs build it): said, and its
				// JSON read all the same, so that its own mistakes are found too.
				result.settingsAsString.push(wordAnchor(source, writtenWord.get(objectWord) ?? objectWord));
				fromPsValue(psValue);
			} else if (psString || stringVariables.has(written) || objectWord.quoted)
				// A path there (`$settings = ".\settings.json"`, as the docs write it) is sent as the path.
				notRead(
					objectWord,
					/^[\w.:~\\/-]+\.json$/i.test(path) ? 'settingPathString' : 'settingAsString',
					{ option: '-Setting', path }
				);
			else if (!fromPowerShell(objectWord))
				notRead(objectWord, 'valueNotRead', { what: objectWord.text.trim().slice(0, 60) });
			// `-Setting (ConvertTo-Json $settings)`, as the Arc docs write it: the hashtable is read
			// for the other rules, and the string it becomes is said (it fails with "not an object").
			else if (/^\(\s*ConvertTo-Json\b/i.test(objectWord.text.trim()))
				result.settingsAsJsonText.push(
					wordAnchor(source, writtenWord.get(objectWord) ?? objectWord)
				);
		}
		if (unread && settingErrors.has(unread.messageId)) settingsUnknown = true;
		if (settingsDoc) result.settingsDocuments.push(settingsDoc);
		if (shape.settings[0] === '--settings') {
			if (settingsDoc && settingsWord)
				result.azSettingsDocuments.push({ doc: settingsDoc, option: '--settings' });
			const protectedWord = option(['--protected-settings']);
			if (protectedWord?.text.trim().startsWith('{'))
				result.azSettingsDocuments.push({
					doc: inlineSettings(source, protectedWord),
					option: '--protected-settings',
				});
		}
		// Variables the settings name: `$NAME` left unexpanded in JSON text (inline, or held by a
		// variable), and the references of a PowerShell value where it is written.
		const unexpanded =
			settingsWord && settingsWord.text.trim().startsWith('{')
				? unexpandedReferences(source.raw, settingsWord)
				: [];
		const psReferences = [settingsWord, objectWord].flatMap((word) => {
			const value = word && psValueOf((writtenWord.get(word) ?? word).text.trim());
			return value ? referencesBetween(source.raw, value.start, value.end) : [];
		});
		for (const ref of [...unexpanded, ...psReferences]) {
			// `$cert.SecretId` on an object variable, else a variable holding the id itself.
			const object = objects.get(ref.key);
			const member = object && versionedMember(source.raw, ref.end, object);
			const assigned = object && member ? object : versioned.get(ref.key);
			if (!assigned || assigned.at.end > ref.start) continue;
			const end = object && member ? member.end : ref.end;
			result.versionedUses.push({
				use: { source, start: ref.start, end },
				assigned: assigned.at,
				variable: source.raw.slice(ref.start, end),
				command: assigned.command,
				version: version && !version.dollars ? version.text : undefined,
			});
		}
		// `"$NAME"` left unexpanded in JSON settings (the script does not show its value) is an
		// unknown value, never the text `$NAME` (no false KV014 on it).
		if (settingsDoc?.root && !scoped && markUnknown(settingsDoc, budget, unexpanded, source.raw))
			ownScope = standaloneScope(settingsDoc, budget);

		const site: ExtensionSite = {
			form: 'command',
			hostKind: shape.host,
			resource: undefined,
			properties: undefined,
			settings: settingsDoc?.root
				? {
						doc: settingsDoc,
						node: settingsDoc.root,
						scope:
							ownScope ?? (scoped ? (psScope ??= standaloneScope(settingsDoc, budget)) : undefined),
					}
				: undefined,
			settingsUnknown: settingsUnknown || (settingsDoc !== undefined && !settingsDoc.root),
			...(unread ? { unread } : {}),
			host: undefined,
			name: name ? fieldOf(source, name) : undefined,
			publisher: publisher ? fieldOf(source, publisher) : undefined,
			type: type ? fieldOf(source, type) : undefined,
			version: version ? fieldOf(source, version) : undefined,
			anchor: { source, start: first.start, end: last.end },
			document,
		};
		document.extensions.push(site);
	}
	return result;
}

/**
 * The variable of `($x | ConvertTo-Json …)` or `(ConvertTo-Json [-InputObject] $x …)`. The name
 * ends where its word characters do: a pattern in which the name and the rest could share them
 * (`(\$\w+)[^)]*`) was quadratic in the length of a long unclosed name.
 */
export function convertedVariable(text: string): string | undefined {
	const converted =
		/^\(\s*(\$\w+)\s*\|\s*ConvertTo-Json\b[^)]*\)$/i.exec(text) ??
		/^\(\s*ConvertTo-Json\s+(?:-InputObject\s+)?(\$\w+)(?:[^\w)][^)]*)?\)$/i.exec(text);
	return converted?.[1];
}

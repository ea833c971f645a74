import type { CheckedDocument } from '../model.ts';
import { createSource, type SourceText } from '../source.ts';
import { GrammarLimitReached, type SyntaxNode } from './tree-sitter.ts';

/** One file of a local module, as its host read it (`path` as shown in reports). */
export interface ModuleFile {
	path: string;
	text: string;
}

/**
 * Reads the files of a local module a checked file calls: a Bicep file (`module m './vm.bicep'`) or
 * the `.tf` files of a Terraform module folder (`source = "./modules/vm"`). `from` is the calling
 * file's path as shown. The host decides what may be read (the CLI: within the checked tree, as for
 * `--settings @file`); undefined means not read.
 */
export type ReadModule = (request: {
	from: string;
	path: string;
	language: 'bicep' | 'terraform';
}) => ModuleFile[] | undefined;

/** Why a local module was not followed. */
export type ModuleNotRead = 'unread' | 'cycle' | 'depth' | 'count' | 'parseLimit';

/** Modules are followed this many calls deep (a chain of modules calling each other). */
export const maxModuleDepth = 8;
/** At most this many module files are read per check. */
export const maxModuleFiles = 64;

/** A place in a file read during the check. */
export interface Place {
	source: SourceText;
	start: number;
	end: number;
}

/**
 * A module call that was followed: which values it passes to which parameters, so that a finding at
 * a passed value names the parameter (a related location), and one inside the module names the call.
 */
export interface ModuleBinding {
	/** The call, from its first word to its symbolic name. */
	call: Place;
	/** The module's path as written in the call. */
	path: string;
	/** The module's files (as shown). */
	files: string[];
	/** Each value the call passes, and the declaration of the parameter (variable) it is bound to. */
	values: Array<{ name: string; value: Place; declared: Place }>;
}

/** A module opened for reading: its files, parsed, and the follower for the calls inside it. */
export interface OpenedModule {
	files: Array<{ source: SourceText; root: SyntaxNode }>;
	follower: ModuleFollower;
}

/**
 * What a Bicep or Terraform reader uses to follow local modules during one check: it opens a
 * module (bounded in depth and count, cycles refused) and records the calls followed.
 */
export interface ModuleFollower {
	open(
		path: string,
		from: SourceText,
		language: 'bicep' | 'terraform'
	): OpenedModule | ModuleNotRead;
	/** Records a call followed (for related locations after the rules). */
	bind(binding: ModuleBinding): void;
	/** Says at a call that its local module was not followed, and why. */
	skipped(call: Place, path: string, reason: ModuleNotRead): void;
}

/** What following modules gathered during one check. */
export interface ModuleReading {
	bindings: ModuleBinding[];
	/** Every module file read, parsed (its syntax errors are reported as the input's are). */
	opened: Array<{ source: SourceText; root: SyntaxNode }>;
	/** Calls of local modules not followed. */
	skipped: Array<{ call: Place; path: string; reason: ModuleNotRead }>;
}

/** Whether a Bicep module path names a local Bicep file (not a registry, a template spec or a JSON template). */
export function isLocalBicepModule(path: string): boolean {
	return !/^(?:br|ts)[:/]/i.test(path) && /\.bicep$/i.test(path);
}

/** Whether a Terraform module source is a local folder (`./x`, `../x`), never a registry or a URL. */
export function isLocalTerraformModule(source: string): boolean {
	return /^\.\.?[/\\]/.test(source);
}

/** A parse that reads a module over the grammar's budget as not read ('limit'). */
function parseWithin(
	parse: (text: string) => SyntaxNode | undefined,
	text: string
): SyntaxNode | 'limit' | undefined {
	try {
		return parse(text);
	} catch (error) {
		if (error instanceof GrammarLimitReached) return 'limit';
		throw error;
	}
}

/**
 * A follower for one check: `parse` is the grammar of the calling file's language; what is read is
 * gathered in `reading`. `chain` holds the files being read (a file met again is a cycle) and its
 * length is the depth.
 */
export function createModuleFollower(
	readModule: ReadModule,
	parse: (text: string) => SyntaxNode | undefined,
	reading: ModuleReading,
	chain: readonly string[] = []
): ModuleFollower {
	return {
		open(path, from, language) {
			if (chain.length >= maxModuleDepth) return 'depth';
			const files = readModule({ from: from.path, path, language });
			if (!files || files.length === 0) return 'unread';
			if (files.some((f) => f.path === from.path || chain.includes(f.path))) return 'cycle';
			if (reading.opened.length + files.length > maxModuleFiles) return 'count';
			const parsed: OpenedModule['files'] = [];
			let overBudget = false;
			for (const file of files) {
				const root = parseWithin(parse, file.text);
				if (root === 'limit') overBudget = true;
				else if (root) parsed.push({ source: createSource(file.path, file.text), root });
			}
			if (parsed.length === 0) return overBudget ? 'parseLimit' : 'unread';
			reading.opened.push(...parsed);
			return {
				files: parsed,
				follower: createModuleFollower(readModule, parse, reading, [...chain, from.path]),
			};
		},
		bind: (binding) => reading.bindings.push(binding),
		skipped: (call, path, reason) => reading.skipped.push({ call, path, reason }),
	};
}

/**
 * One model over a file and the modules it calls: rules see every resource (a vault in the caller,
 * the machine in a module). Machines are told apart per file, so that extensions of two files are
 * never taken for two handlers on one machine.
 */
export function withModuleDocuments(
	main: CheckedDocument,
	modules: readonly CheckedDocument[]
): CheckedDocument {
	if (modules.length === 0) return main;
	const merged: CheckedDocument = {
		doc: main.doc,
		resources: [...main.resources],
		byType: new Map([...main.byType].map(([type, list]) => [type, [...list]])),
		hosts: [...main.hosts],
		extensions: [...main.extensions],
	};
	modules.forEach((module, index) => {
		merged.resources.push(...module.resources);
		for (const [type, list] of module.byType)
			merged.byType.set(type, [...(merged.byType.get(type) ?? []), ...list]);
		merged.hosts.push(...module.hosts);
		for (const site of module.extensions) {
			if (site.machine !== undefined) site.machine = `module${index}:${site.machine}`;
			merged.extensions.push(site);
		}
	});
	for (const site of merged.extensions) site.document = merged;
	return merged;
}

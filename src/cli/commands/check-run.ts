import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
	check,
	fixFiles,
	type AppliedFix,
	type CheckResult,
	type Diagnostic,
	type Lang,
} from '../../core/check/index.ts';
import { encodeText, encodingOf } from '../../core/text-encoding.ts';
import { fileGrammars } from '../grammars.ts';
import { createModuleReader } from '../module-files.ts';
import { createSettingsReader } from '../settings-file.ts';
import type { Workspace } from '../workspace.ts';
import { stdinPath, type CheckInput, type SkippedFile } from './check-inputs.ts';

/** Script files are read as commands, even when they hold no Azure command at all. */
const scriptFile = /\.(?:sh|bash|zsh|ps1|psm1|azcli)$/i;

/** The outcome of checking (and fixing) the inputs. */
export interface CheckRun {
	results: CheckResult[];
	/** Every text read, by shown path: inputs, parameters and settings files (fixed ones after --fix). */
	texts: Map<string, string>;
	/** The fixes written, with --fix. */
	fixes?: AppliedFix[];
	/** Walked files that hold nothing kvcert reads. */
	skipped: SkippedFile[];
}

/** Whether a result holds nothing kvcert reads: no extension, no finding but "not recognised". */
function holdsNothing(result: CheckResult): boolean {
	return (
		result.extensionCount === 0 &&
		result.kind !== 'parameters' &&
		!result.suppressed?.length &&
		result.diagnostics.every((d) => d.ruleId === 'KV051' && d.messageId === 'notRecognised')
	);
}

/** A finding's identity across results (a settings file checked alone and through its script). */
const identity = (d: Diagnostic) =>
	`${d.ruleId}\u0000${d.file}\u0000${d.range.start.offset}\u0000${d.range.end.offset}\u0000${d.message}`;

/**
 * Checks every input (Bicep and Terraform grammars loaded only when needed), applies the certain
 * fixes with --fix and writes them, then leaves out walked files that hold nothing to check and
 * findings reported twice.
 */
export async function runCheck(
	inputs: CheckInput[],
	texts: Map<string, string>,
	context: { workspace: Workspace; lang: Lang; maxBytes: number; fix: boolean }
): Promise<CheckRun> {
	const { workspace, lang, maxBytes } = context;
	const checkAll = (current: Map<string, string>): Promise<CheckResult[]> =>
		Promise.all(
			inputs.map((input) =>
				check(current.get(input.path) ?? input.text, {
					path: input.path,
					lang,
					...(scriptFile.test(input.path) ? { kind: 'command' as const } : {}),
					...(input.parameters
						? {
								parameters: {
									path: input.parameters.path,
									text: current.get(input.parameters.path) ?? input.parameters.text,
								},
							}
						: {}),
					readFile: createSettingsReader({
						base: input.absolute ? dirname(input.absolute) : workspace.cwd,
						workspace,
						maxBytes,
						texts: current,
					}),
					readModule: createModuleReader({
						base: input.absolute ? dirname(input.absolute) : workspace.cwd,
						workspace,
						maxBytes,
						texts: current,
					}),
					...(input.config ? { ruleLevels: input.config.config.rules } : {}),
					grammars: fileGrammars,
				})
			)
		);

	let results = await checkAll(texts);
	let fixes: AppliedFix[] | undefined;
	if (context.fix) {
		const original = new Map(texts);
		const fixed = await fixFiles(texts, async (current) =>
			(await checkAll(new Map(current))).flatMap((r) => r.diagnostics)
		);
		for (const [file, text] of fixed.files)
			if (original.get(file) !== text && file !== stdinPath) {
				// Written back in the encoding it was read in (UTF-16 from Windows PowerShell stays so).
				const path = resolve(workspace.cwd, file);
				writeFileSync(path, encodeText(text, encodingOf(readFileSync(path))));
				texts.set(file, text);
			}
		fixes = fixed.fixes;
		results = await checkAll(texts);
	}

	const skipped: SkippedFile[] = [];
	const seen = new Set<string>();
	const kept: CheckResult[] = [];
	results.forEach((result, i) => {
		if (inputs[i]!.walked && holdsNothing(result)) {
			skipped.push({ file: result.file, reason: 'nothing' });
			return;
		}
		const diagnostics = result.diagnostics
			.filter((d) => !seen.has(identity(d)))
			// A named file kvcert does not read is worth saying, not failing the run over.
			.map((d) =>
				d.ruleId === 'KV051' && d.messageId === 'notRecognised'
					? { ...d, severity: 'info' as const }
					: d
			);
		for (const d of diagnostics) seen.add(identity(d));
		kept.push({ ...result, diagnostics });
	});
	return { results: kept, texts, skipped, ...(fixes ? { fixes } : {}) };
}

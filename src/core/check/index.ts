// The checker's public face: code outside src/core/check imports from this file only (an ESLint
// rule says so), so the engine's inside can change without touching its callers.

// Checking and fixing.
export {
	check,
	checkSync,
	prepareGrammars,
	type CheckOptions,
	type CheckResult,
	type PreparedGrammars,
	type UnreadableReference,
} from './engine/check.ts';
export { applyEdits, fixFiles, maxFixPasses, type AppliedFix } from './engine/fix.ts';
export { readExtensionConfigs } from './extension-configs.ts';
export { detectInputKind } from './input/detect-kind.ts';
export { iacKindOfText } from './input/iac-detect.ts';
export { urlGrammarLoader, type GrammarLoader, type GrammarName } from './input/tree-sitter.ts';

// What the user decided: config rule levels, suppressions, baselines (applied after the rules).
export {
	applyBaseline,
	buildBaseline,
	fingerprintDiagnostics,
	parseBaseline,
	type BaselineFile,
} from './baseline.ts';
export {
	configFileName,
	parseConfig,
	type ConfigError,
	type KvcertConfig,
	type RuleLevel,
} from './config.ts';
export type { SuppressedDiagnostic } from './suppressions.ts';
export type { ReadFile } from './input/command.ts';
export type { ModuleFile, ReadModule } from './input/local-modules.ts';

// Output.
export { escapeData, formatGithub } from './format/github.ts';
export { formatJunit } from './format/junit.ts';
export { formatJson } from './format/json.ts';
export { formatSarif } from './format/sarif.ts';
export { formatText } from './format/text.ts';
export { checkMessages } from './messages.ts';
export { parseErrorSentence } from './json-parse-errors.ts';
export { foreignKindNames } from './input/recognise.ts';

// Types shared with callers.
export {
	severityRank,
	type Diagnostic,
	type Fix,
	type InputKind,
	type Lang,
	type Localized,
	type Position,
	type Range,
	type RelatedLocation,
	type Severity,
	type TextEdit,
} from './types.ts';

// Rule metadata, for the rule reference pages.
export { fixMessageIds, reportMessageIds, ruleDocsUrl } from './docs.ts';
export { iacExamplePath, iacExamples, type IacExample } from './iac-examples.ts';
export { notCheckableRules, type NotCheckableRule } from './not-checkable.ts';
export { exampleIn, type ExampleText, type Rule, type RuleMeta } from './rule.ts';
export { findRule, rules } from './rules/index.ts';
export { linuxDoc, ruleSources, windowsDoc, type ResolvedSource } from './sources.ts';

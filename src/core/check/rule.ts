import type { ExtensionSite, OsKind } from './model.ts';
import type { Anchor, Resolved } from './navigate.ts';
import type { Lang, Localized, Severity } from './types.ts';
import type { Located, Value } from './values.ts';

/** Metadata of a rule: the source of its reference page and its messages, in ja and en. */
export interface RuleMeta {
	/** One line naming the problem. */
	title: Localized;
	/** What the rule checks and why (Markdown, a short paragraph). */
	docs: Localized;
	/** Message templates; `{name}` is replaced by `data.name`. */
	messages: Record<string, Localized>;
	/** Evidence tags of the research notes (research/kvvm-extension.md §9); see sources.ts. */
	sources: string[];
	/**
	 * A failing and a passing input for the reference page, each a whole text `kvcert check` reads.
	 * tests/unit/check/rule-docs.test.ts checks that `bad` is reported by this rule and `good` is not.
	 */
	examples?: { bad: ExampleText; good: ExampleText };
}

/** An example's text: one for both languages, or one per language when its comments say something. */
export type ExampleText = string | Localized;

/** The example's text in `lang`. */
export function exampleIn(text: ExampleText, lang: Lang): string {
	return typeof text === 'string' ? text : text[lang];
}

/** A checker rule, one per file, in the manner of ESLint. */
export interface Rule {
	/** Catalog id, e.g. `KV015`. */
	id: string;
	/** Slug for the docs page `/{lang}/rules/{name}/`. */
	name: string;
	/** Default severity; a report may change it where the docs say why. */
	severity: Severity;
	meta: RuleMeta;
	/** Runs once per Key Vault extension. Rules reported by the engine itself have none. */
	check?: (context: RuleContext) => void;
}

/** A place that explains a finding. */
export interface RelatedDescriptor {
	at: Anchor;
	message: Localized;
}

/** What a rule reports. */
export interface ReportDescriptor {
	messageId: string;
	data?: Record<string, string | number>;
	/**
	 * Sentences in both languages filled into the message but not kept in `data`, which stays the
	 * same in every language (baseline fingerprints are made from it).
	 */
	phrases?: Record<string, Localized>;
	at: Anchor;
	severity?: Severity;
	related?: RelatedDescriptor[];
	fix?: {
		messageId: string;
		data?: Record<string, string | number>;
		edits: Array<{ at: Anchor; text: string }>;
	};
}

/** One entry of `observedCertificates`. */
export interface ObservedCertificate {
	at: Located;
	resolved: Resolved;
	shape: 'string' | 'object' | 'other' | 'unknown';
	/** The URL: the entry itself (string form) or its `url` property (object form). */
	url: { at: Located; resolved: Resolved } | undefined;
	/** The entry object (object form). */
	object: Located | undefined;
}

/** What a rule sees of one extension. */
export interface RuleContext {
	extension: ExtensionSite;
	/** The extension's OS: from its type, else from its host. */
	os: OsKind | undefined;
	/** typeHandlerVersion as written, when known (e.g. `3.0`). */
	version: string | undefined;
	/** Major version, when typeHandlerVersion is a known `Major.Minor`. */
	major: number | undefined;
	/** The settings object, after following parameters and variables. */
	settings: Located | undefined;
	secretsManagementSettings: Located | undefined;
	authenticationSettings: Located | undefined;
	/** The observedCertificates array node, resolved; undefined if absent or not an array. */
	observedCertificates: ObservedCertificate[] | undefined;
	/** The static value of a node. */
	valueOf(at: Located | undefined): Value | undefined;
	report(descriptor: ReportDescriptor): void;
}

/** Declares a rule (identity function that keeps the type). */
export function defineRule(rule: Rule): Rule {
	return rule;
}

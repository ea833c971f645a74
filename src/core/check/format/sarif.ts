import { diagnosticKey, fingerprintKey, type Fingerprints } from '../baseline.ts';
import type { CheckResult } from '../engine/check.ts';
import { ruleDocsUrl } from '../docs.ts';
import { rules as allRules } from '../rules/index.ts';
import type { SuppressedDiagnostic } from '../suppressions.ts';
import type { Diagnostic, Lang, Range, Severity } from '../types.ts';

/** Options of the SARIF formatter. */
export interface SarifOptions {
	lang: Lang;
	toolVersion: string;
	/** Absolute `file://` URI of the directory paths are relative to (becomes %SRCROOT%). */
	rootUri?: string;
	/** Base address of the rule reference; without it no rule carries a help address. */
	docsBase?: string;
	/** Fingerprints of the findings (baseline.ts), given as `partialFingerprints`. */
	fingerprints?: Fingerprints;
	/** A baseline was used: each result says whether it is `new` or `unchanged`. */
	baseline?: boolean;
}

const levels: Record<Severity, 'error' | 'warning' | 'note'> = {
	error: 'error',
	warning: 'warning',
	info: 'note',
};

const isAbsolute = (path: string) => /^(?:[A-Z]:)?[\\/]/i.test(path);

/** A relative path under %SRCROOT%, or an absolute path (outside the root) as a file: URI. */
function artifactLocation(path: string) {
	const slashed = path.replace(/\\/g, '/').replace(/^\.\//, '');
	const encoded = encodeURI(slashed).replace(/[?#]/g, encodeURIComponent);
	return isAbsolute(path)
		? { uri: `file://${slashed.startsWith('/') ? '' : '/'}${encoded}` }
		: { uri: encoded, uriBaseId: '%SRCROOT%' };
}

function region(range: Range) {
	return {
		startLine: range.start.line,
		startColumn: range.start.column,
		endLine: range.end.line,
		endColumn: Math.max(
			range.end.column,
			range.end.line === range.start.line ? range.start.column : 1
		),
	};
}

function location(file: string, range: Range) {
	return {
		physicalLocation: {
			artifactLocation: artifactLocation(file),
			region: region(range),
		},
	};
}

function result(
	diagnostic: Diagnostic | SuppressedDiagnostic,
	ruleIndex: number,
	options: SarifOptions
) {
	const fingerprint = options.fingerprints?.get(diagnosticKey(diagnostic));
	const suppression = 'suppression' in diagnostic ? diagnostic.suppression : undefined;
	return {
		ruleId: diagnostic.ruleId,
		ruleIndex,
		level: levels[diagnostic.severity],
		message: { text: diagnostic.message },
		locations: [location(diagnostic.file, diagnostic.range)],
		...(fingerprint ? { partialFingerprints: { [fingerprintKey]: fingerprint } } : {}),
		...(options.baseline
			? { baselineState: suppression?.kind === 'baseline' ? 'unchanged' : 'new' }
			: {}),
		// A baselined finding stays an open alert (known, not accepted); a comment accepts it.
		...(suppression?.kind === 'inSource'
			? {
					suppressions: [
						{
							kind: 'inSource',
							status: 'accepted',
							...(suppression.justification ? { justification: suppression.justification } : {}),
						},
					],
				}
			: {}),
		...(diagnostic.related.length > 0
			? {
					relatedLocations: diagnostic.related.map((r, id) => ({
						id,
						...location(r.file, r.range),
						message: { text: r.message },
					})),
				}
			: {}),
		...(diagnostic.fix
			? {
					fixes: [
						{
							description: { text: diagnostic.fix.description },
							artifactChanges: [...new Set(diagnostic.fix.edits.map((e) => e.file))].map(
								(file) => ({
									artifactLocation: artifactLocation(file),
									replacements: diagnostic
										.fix!.edits.filter((e) => e.file === file)
										.map((e) => ({
											deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
											insertedContent: { text: e.newText },
										})),
								})
							),
						},
					],
				}
			: {}),
	};
}

/** Builds a SARIF 2.1.0 log: every rule with its help, results with exact regions, related locations and fixes. */
export function buildSarif(results: CheckResult[], options: SarifOptions): Record<string, unknown> {
	const { lang } = options;
	const index = new Map(allRules.map((rule, i) => [rule.id, i]));
	return {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [
			{
				tool: {
					driver: {
						name: 'kvcert',
						semanticVersion: options.toolVersion,
						...(options.docsBase
							? { informationUri: `${options.docsBase.replace(/\/$/, '')}/${lang}/rules/` }
							: {}),
						rules: allRules.map((rule) => ({
							id: rule.id,
							name: rule.name,
							shortDescription: { text: rule.meta.title[lang] },
							fullDescription: { text: rule.meta.docs[lang] },
							help: {
								text: rule.meta.docs[lang],
								markdown: `**${rule.meta.title[lang]}**\n\n${rule.meta.docs[lang]}`,
							},
							...(options.docsBase ? { helpUri: ruleDocsUrl(rule, lang, options.docsBase) } : {}),
							defaultConfiguration: { level: levels[rule.severity] },
							properties: { tags: ['keyvault-vm-extension'] },
						})),
					},
				},
				...(options.rootUri
					? { originalUriBaseIds: { '%SRCROOT%': { uri: options.rootUri } } }
					: {}),
				automationDetails: { id: 'kvcert/' },
				columnKind: 'utf16CodeUnits',
				results: results.flatMap((r) =>
					[...r.diagnostics, ...(r.suppressed ?? [])].map((d) =>
						result(d, index.get(d.ruleId) ?? 0, options)
					)
				),
			},
		],
	};
}

/** Formats results as SARIF 2.1.0 JSON text. */
export function formatSarif(results: CheckResult[], options: SarifOptions): string {
	return `${JSON.stringify(buildSarif(results, options), null, 2)}\n`;
}

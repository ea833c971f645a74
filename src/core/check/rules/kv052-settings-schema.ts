import {
	allowedAt,
	keysAt,
	placesOf,
	settingKey,
	settingKeys,
	type SettingsPlace,
} from '../../extension/index.ts';
import { entries } from '../json.ts';
import { anchorOf, asObject, child, type Anchor } from '../navigate.ts';
import { defineRule, type RuleContext } from '../rule.ts';
import type { Located } from '../values.ts';

/** Keys other rules already report where they stand wrongly (KV038, KV009). */
const reportedElsewhere: Partial<Record<SettingsPlace, string[]>> = {
	settings: [
		'autoUpgradeMinorVersion',
		'enableAutomaticUpgrade',
		'typeHandlerVersion',
		'publisher',
		'type',
	],
	secretsManagementSettings: [
		'autoUpgradeMinorVersion',
		'enableAutomaticUpgrade',
		'typeHandlerVersion',
		'publisher',
		'type',
		'authenticationSettings',
	],
};

const placeNames: Record<SettingsPlace, string> = {
	settings: 'settings',
	secretsManagementSettings: 'secretsManagementSettings',
	observedCertificate: 'observedCertificates[]',
	authenticationSettings: 'authenticationSettings',
	loggingSettings: 'loggingSettings',
};

/** Edit distance with adjacent transpositions (optimal string alignment). */
function distance(a: string, b: string): number {
	const rows = a.length + 1;
	const cols = b.length + 1;
	const d: number[][] = Array.from({ length: rows }, (_, i) =>
		Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
	);
	for (let i = 1; i < rows; i++)
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				best = Math.min(best, d[i - 2]![j - 2]! + 1);
			d[i]![j] = best;
		}
	return d[a.length]![b.length]!;
}

/**
 * The documented key a misspelt one most likely means: the same key in other case, or the only one
 * within two edits (keys of the place first, then any). `certain` when the key differs only in case
 * or by one or two edits of a long name, and the suggestion may stand where the key is.
 */
export function suggestKey(
	key: string,
	place: SettingsPlace
): { name: string; certain: boolean } | undefined {
	if (key.length > 60) return undefined;
	const documented = settingKeys.filter((k) => !k.undocumented).map((k) => k.name);
	const lower = key.toLowerCase();
	for (const pool of [keysAt(place), documented]) {
		const sameCase = pool.filter((name) => name.toLowerCase() === lower);
		if (sameCase.length === 1)
			return { name: sameCase[0]!, certain: pool === documented ? false : true };
		const scored = pool
			.map((name) => ({ name, d: distance(lower, name.toLowerCase()) }))
			.filter(({ d }) => d <= 2 && d <= Math.floor(key.length / 4));
		const best = Math.min(...scored.map((s) => s.d));
		const closest = scored.filter((s) => s.d === best);
		if (closest.length === 1)
			return { name: closest[0]!.name, certain: pool !== documented && key.length >= 8 };
		if (closest.length > 1) return undefined;
	}
	return undefined;
}

/** The anchor of a property key's text, without its quotes. */
function keyTextAnchor(key: Anchor): Anchor {
	const first = key.source.raw[key.start];
	const last = key.source.raw[key.end - 1];
	const quoted = (first === '"' || first === "'") && first === last && key.end - key.start >= 2;
	return quoted ? { ...key, start: key.start + 1, end: key.end - 1 } : key;
}

function checkObject(context: RuleContext, object: Located, place: SettingsPlace): void {
	const { os, major } = context;
	const present = new Set(entries(object.node).map(([name]) => name));
	for (const [name, value] of entries(object.node)) {
		if (reportedElsewhere[place]?.includes(name)) continue;
		const keyNode = value.parent?.children?.[0];
		const at = anchorOf({ ...object, node: keyNode ?? value });
		const entry = settingKey(name);
		const where = placeNames[place];
		if (!entry) {
			const suggestion = suggestKey(name, place);
			if (!suggestion) {
				context.report({ messageId: 'unknown', data: { key: name, place: where }, at });
				continue;
			}
			const fixable = suggestion.certain && !present.has(suggestion.name);
			context.report({
				messageId: 'unknownSuggest',
				data: { key: name, place: where, suggestion: suggestion.name },
				at,
				...(fixable
					? {
							fix: {
								messageId: 'fix',
								data: { suggestion: suggestion.name },
								edits: [{ at: keyTextAnchor(at), text: suggestion.name }],
							},
						}
					: {}),
			});
			continue;
		}
		if (entry.undocumented || allowedAt(name, place, os, major)) continue;
		const here = placesOf(name, os, major);
		if (!allowedAt(name, place)) {
			if (entry.versionRule && here.length === 0) continue;
			// Settings written without their secretsManagementSettings wrapper: KV008 says so once.
			if (
				place === 'settings' &&
				!context.secretsManagementSettings &&
				placesOf(name).includes('secretsManagementSettings')
			)
				continue;
			const places = (here.length > 0 ? here : placesOf(name)).map((p) => placeNames[p]);
			context.report({
				messageId: 'misplaced',
				data: { key: name, place: where, places: places.join(', ') },
				at,
			});
			continue;
		}
		if (entry.versionRule || os === undefined || major === undefined || here.length === 0) continue;
		// The 1.0 schema (a list of URL strings) written with a later version: KV012 says so.
		if (context.observedCertificates?.some((e) => e.shape === 'string')) continue;
		context.report({
			messageId: 'otherVersion',
			severity: 'info',
			data: {
				key: name,
				place: where,
				places: here.map((p) => placeNames[p]).join(', '),
				os: os === 'windows' ? 'Windows' : 'Linux',
				version: context.version ?? '',
			},
			at,
		});
	}
}

/** KV052: every key of the settings is one the extension knows, where it knows it (settings schema). */
export const settingsSchemaRule = defineRule({
	id: 'KV052',
	name: 'settings-schema',
	severity: 'warning',
	meta: {
		title: {
			ja: 'settings のキーは拡張機能のスキーマにあるものを、決まった場所に書きます',
			en: 'Settings keys must be ones the extension knows, where it expects them',
		},
		docs: {
			ja: '拡張機能の settings のキーを、OS・バージョン別のドキュメントのスキーマと照らし合わせます。対象は secretsManagementSettings、authenticationSettings、observedCertificates の各項目などです。どのスキーマにもないキー (つづりの誤り、たとえば `requiredInitialSync`) を知らせます。スキーマにあるキーでも、決まった場所以外 (secretsManagementSettings の中の `msiClientId` など) で使っていれば知らせます。近いキーがあれば候補を示します。大文字と小文字の違いや、長いキー名での 1～2 文字の違いのように確かな場合は、修正も示します。拡張機能が知らないキーを無視するのか拒否するのかはドキュメントに書かれていないため、警告にしています。ほかの OS やバージョンのキーは KV023～KV027 が知らせます。',
			en: 'Compares the keys of the extension’s settings (secretsManagementSettings, authenticationSettings, each observedCertificates entry…) with the documented schema for the OS and version. Reports keys no schema has (a misspelling such as `requiredInitialSync`) and known keys written where no schema puts them (`msiClientId` in secretsManagementSettings). A near key is suggested, and fixed when certain (a difference of case, or one or two letters of a long name). The documentation does not say whether the extension ignores or rejects a key it does not know, so this is a warning. Keys of another OS or version are reported by KV023–KV027.',
		},
		messages: {
			unknown: {
				ja: '"{{key}}" は {{place}} のキーとしてどのスキーマにもありません。拡張機能には読まれません。',
				en: '"{{key}}" is not a key of {{place}} in any schema; the extension does not read it.',
			},
			unknownSuggest: {
				ja: '"{{key}}" は {{place}} のキーとしてどのスキーマにもありません。"{{suggestion}}" の誤りではありませんか。',
				en: '"{{key}}" is not a key of {{place}} in any schema; did you mean "{{suggestion}}"?',
			},
			misplaced: {
				ja: '"{{key}}" は {{place}} には書きません。{{places}} に書いてください。',
				en: '"{{key}}" does not belong in {{place}}; put it in {{places}}.',
			},
			otherVersion: {
				ja: '{{os}} {{version}} のスキーマでは、"{{key}}" は {{place}} ではなく {{places}} に書きます。',
				en: 'In the {{os}} {{version}} schema, "{{key}}" belongs in {{places}}, not in {{place}}.',
			},
			fix: { ja: '"{{suggestion}}" に直す', en: 'Rename to "{{suggestion}}"' },
		},
		sources: ['S1', 'S2', 'S7', 'S8', 'S11'],
		examples: {
			bad: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "requiredInitialSync": true,
    "observedCertificates": [
      {
        "url": "https://kvprod.vault.azure.net/secrets/web",
        "certificateStoreName": "MY",
        "certificateStoreLocation": "LocalMachine"
      }
    ]
  }
}`,
			good: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "requireInitialSync": true,
    "observedCertificates": [
      {
        "url": "https://kvprod.vault.azure.net/secrets/web",
        "certificateStoreName": "MY",
        "certificateStoreLocation": "LocalMachine"
      }
    ]
  }
}`,
		},
	},
	check(context) {
		const { settings } = context;
		if (!settings) return;
		checkObject(context, settings, 'settings');
		if (context.secretsManagementSettings)
			checkObject(context, context.secretsManagementSettings, 'secretsManagementSettings');
		if (context.authenticationSettings)
			checkObject(context, context.authenticationSettings, 'authenticationSettings');
		const logging = asObject(child(settings, 'loggingSettings'));
		if (logging) checkObject(context, logging, 'loggingSettings');
		for (const entry of context.observedCertificates ?? [])
			if (entry.object) checkObject(context, entry.object, 'observedCertificate');
	},
});

import type { Translate } from '../../../core/i18n/translator.ts';
import {
	compareVersions,
	type ThumbprintComparison,
} from '../../../core/thumbprint/compare-versions.ts';
import { joinSentences } from '../../../core/i18n/sentences.ts';
import { describeComparison } from '../../../core/thumbprint/describe-comparison.ts';
import { findCutOffThumbprints } from '../../../core/thumbprint/find-cut-off-thumbprints.ts';
import { readThumbprints, THUMBPRINT_LIMIT } from '../../../core/thumbprint/find-thumbprints.ts';
import type { VaultCertificateVersion } from '../../../core/thumbprint/types.ts';

// What the thumbprint tool shows, as data: the versions table, what the VM has of each version,
// the verdict on pasted VM output and what a certificate file matches. Pure: unit-tested in every
// state; thumbprint-app.ts puts it on the page.

/** A short status label on a version. */
export interface Badge {
	text: string;
	tone: 'current' | 'disabled' | 'expired' | 'future';
}

/** One row of the versions table. */
export interface VersionRow {
	/** Key Vault's version id (the row's key). */
	id: string;
	/** "Version 3". */
	name: string;
	/**
	 * Where the version stands in Key Vault: current, or disabled. Only what is out of the ordinary
	 * is said, so that no row reads "enabled" next to "expired".
	 */
	badges: Badge[];
	/** NotBefore and expiry dates (YYYY-MM-DD, UTC). */
	dates: [string, string];
	/** Outside its validity now: expired, or not yet valid. */
	validity?: Badge;
	subject: string;
	sha1: string;
	sha256: string;
}

/** The versions as table rows, newest first as the API gives them. `now` in milliseconds. */
export function versionRows(
	versions: VaultCertificateVersion[],
	now: number,
	t: Translate
): VersionRow[] {
	return versions.map((v) => {
		const badges: Badge[] = [];
		if (v.current) badges.push({ text: t('kvcert.thumbprint.table.current'), tone: 'current' });
		if (!v.enabled) badges.push({ text: t('kvcert.thumbprint.table.disabled'), tone: 'disabled' });
		const validity: Badge | undefined =
			Date.parse(v.expires) <= now
				? { text: t('kvcert.thumbprint.table.expired'), tone: 'expired' }
				: Date.parse(v.notBefore) > now
					? { text: t('kvcert.thumbprint.table.notYetValid'), tone: 'future' }
					: undefined;
		return {
			id: v.version,
			name: t('kvcert.thumbprint.table.versionNumber', { ordinal: v.ordinal }),
			badges,
			dates: [v.notBefore.slice(0, 10), v.expires.slice(0, 10)],
			...(validity ? { validity } : {}),
			subject: v.subject,
			sha1: v.sha1,
			sha256: v.sha256,
		};
	});
}

/** What the "On the VM" column says for a version, and how the row is marked. */
export interface OnVm {
	text: string;
	/** `installed`: the VM has it; `missing-current`: the current version is not on the VM. */
	mark?: 'installed' | 'missing-current';
}

/** The "On the VM" cell of each version (by version id), before and after a comparison. */
export function onVmCells(
	versions: VaultCertificateVersion[],
	comparison: ThumbprintComparison | undefined,
	t: Translate
): Map<string, OnVm> {
	const cells = new Map<string, OnVm>();
	for (const v of versions)
		cells.set(v.version, { text: t('kvcert.thumbprint.table.notCompared') });
	for (const entry of comparison?.versions ?? []) {
		const id = entry.version.version;
		cells.set(
			id,
			entry.installed
				? { text: `✓ ${t('kvcert.thumbprint.table.installed')}`, mark: 'installed' }
				: {
						text: t('kvcert.thumbprint.table.notInstalled'),
						...(id === comparison?.current?.version ? { mark: 'missing-current' as const } : {}),
					}
		);
	}
	return cells;
}

/** The verdict box under the pasted text. */
export interface Verdict {
	kind: 'ok' | 'warn' | 'info';
	/** "Match:", "Check:", "Note:" — said in words as well as by colour and icon. */
	word: string;
	sentence: string;
}

/** What pasting VM output gives: the verdict, the comparison and certificates the vault does not know. */
export interface PasteResult {
	verdict?: Verdict;
	comparison?: ThumbprintComparison;
	unknown: { hex: string; subject?: string }[];
	/** Said when the finder stopped at {@link THUMBPRINT_LIMIT} values: the rest were not compared. */
	limitNotice?: string;
}

const WORDS = {
	ok: 'kvcert.thumbprint.verdict.statusOk',
	warn: 'kvcert.thumbprint.verdict.statusWarn',
	info: 'kvcert.thumbprint.verdict.statusInfo',
} as const;

const verdict = (kind: Verdict['kind'], sentence: string, t: Translate): Verdict => ({
	kind,
	word: t(WORDS[kind]),
	sentence,
});

/** Reads pasted VM output and compares it with the fetched versions (none fetched: counts only). */
export function pasteResult(
	text: string,
	versions: VaultCertificateVersion[],
	t: Translate
): PasteResult {
	if (!text.trim()) return { unknown: [] };
	const { found, truncated } = readThumbprints(text);
	const limit = truncated
		? {
				limitNotice: t('kvcert.thumbprint.paste.valuesTruncated', {
					limit: THUMBPRINT_LIMIT.toLocaleString('en'),
				}),
			}
		: {};
	const distinct = new Set(found.map((f) => f.hex)).size;
	if (!distinct) {
		const [cutOff] = findCutOffThumbprints(text);
		const sentence = cutOff
			? t('kvcert.thumbprint.verdict.cutOff', { ...cutOff })
			: t('kvcert.thumbprint.verdict.nothingFound');
		return { verdict: verdict('info', sentence, t), unknown: [] };
	}
	const foundText = t('kvcert.thumbprint.paste.found', { count: distinct });
	if (!versions.length)
		return {
			verdict: verdict(
				'info',
				joinSentences([foundText, t('kvcert.thumbprint.paste.fetchFirst')]),
				t
			),
			unknown: [],
			...limit,
		};
	const comparison = compareVersions(versions, found);
	return {
		verdict: verdict(
			comparison.currentInstalled ? 'ok' : 'warn',
			describeComparison(comparison, t),
			t
		),
		comparison,
		unknown: comparison.unknownOnVm.map((u) => ({
			hex: u.hex,
			...(u.subject ? { subject: u.subject } : {}),
		})),
		...limit,
	};
}

/** What a certificate file's thumbprint says about the fetched versions (nothing when none fetched). */
export function fileMatch(
	sha1: string,
	versions: VaultCertificateVersion[],
	certificateName: string,
	t: Translate
): string | undefined {
	if (!versions.length) return undefined;
	const match = versions.find((v) => v.sha1 === sha1);
	return match
		? t('kvcert.thumbprint.file.matchesVersion', { ordinal: match.ordinal, name: certificateName })
		: t('kvcert.thumbprint.file.matchesNone', { name: certificateName });
}

/** The message for a certificate file that could not be read, by the reader's error code. */
export function fileErrorKey(code: string): string {
	const keys: Record<string, string> = {
		// The browser's wording: Enter in the password field reads the file again (the CLI's differs).
		'password-required': 'passwordEnter',
		'wrong-password': 'wrongPasswordEnter',
		'too-large': 'tooLarge',
	};
	return `kvcert.thumbprint.file.${keys[code] ?? 'notCertificate'}`;
}

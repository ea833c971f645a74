import { joinSentences } from '../i18n/sentences.ts';
import type { Translate } from '../i18n/translator.ts';
import type { ThumbprintComparison } from './compare-versions.ts';

/** Joins version numbers as the language does: `2 and 3` and `1, 2 and 3` in English, `2 と 3` in Japanese. */
export function joinList(items: string[], t: Translate): string {
	if (items.length <= 1) return items.join('');
	const head = items.slice(0, -1).join(t('kvcert.thumbprint.verdict.listSeparator'));
	return t('kvcert.thumbprint.verdict.listLast', { head, last: items.at(-1) ?? '' });
}

/**
 * The verdict as sentences, e.g. "The VM has versions 2 and 3; 3 is current." Strings come from
 * the i18n tables (keys `kvcert.thumbprint.verdict.*`), so ja and en read naturally.
 */
export function describeComparison(result: ThumbprintComparison, t: Translate): string {
	const sentences: string[] = [];
	if (result.pastedCount === 0) return t('kvcert.thumbprint.verdict.nothingFound');
	const installed = result.installedVersions.map((v) => String(v.ordinal));
	const current = result.current ? String(result.current.ordinal) : '';
	const list = joinList(installed, t);
	const count = installed.length;
	if (!installed.length) {
		sentences.push(
			current
				? t('kvcert.thumbprint.verdict.noneInstalled', { current })
				: t('kvcert.thumbprint.verdict.noneInstalledNoCurrent')
		);
	} else if (result.currentInstalled) {
		sentences.push(t('kvcert.thumbprint.verdict.currentInstalled', { list, current, count }));
	} else {
		sentences.push(
			current
				? t('kvcert.thumbprint.verdict.currentMissing', { list, current, count })
				: t('kvcert.thumbprint.verdict.installed', { list, count })
		);
	}
	const unknown = result.unknownOnVm.length;
	if (unknown) sentences.push(t('kvcert.thumbprint.verdict.unknown', { count: unknown }));
	return joinSentences(sentences);
}

import type { SnippetTraceEntry } from '../../../core/snippets/catalog.ts';
import type { Translate } from '../../../core/i18n/translator.ts';

/** The cells of one trace row, in column order: endpoint, method, host + path, status, time. */
export function traceRow(entry: SnippetTraceEntry, t: Translate): string[] {
	return [
		t(`kvcert.snippet.service.${entry.service}`),
		entry.method,
		`${entry.host}${entry.path}`,
		entry.status === null ? t('kvcert.snippet.noResponse') : String(entry.status),
		entry.ms === null ? '' : t('kvcert.snippet.milliseconds', { ms: entry.ms }),
	];
}

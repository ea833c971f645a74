import type { Translate } from './describe-comparison.ts';

/** Fills `{{name}}` placeholders in a UI string. */
export function formatMessage(
	template: string,
	values: Record<string, string | number> = {}
): string {
	return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
		name in values ? String(values[name]) : whole
	);
}

/** A {@link Translate} over a plain table of UI strings (the i18n JSON, or data-* attributes). */
export function translatorFor(table: Record<string, string>): Translate {
	return (key, values) => formatMessage(table[key] ?? key, values);
}

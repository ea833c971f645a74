/** Values a message's placeholders are filled from. */
export type MessageValues = Record<string, string | number>;

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * Fills the `{{name}}` placeholders of a message (Starlight's and i18next's syntax, so one table
 * serves pages and scripts). A placeholder without a value stays as written, so a missing value is
 * visible rather than silently empty. The project's only placeholder filler.
 */
export function format(template: string, values: MessageValues = {}): string {
	return template.replace(PLACEHOLDER, (whole, name: string) =>
		Object.hasOwn(values, name) ? String(values[name]) : whole
	);
}

/** The placeholder names a message uses, sorted (for tests that keep languages in step). */
export function placeholdersOf(template: string): string[] {
	return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).sort();
}

// The one translation system (DESIGN.md): the language type, the `{{name}}` filler, plurals and
// string tables. The UI-string tables themselves are in ./ui-strings.ts (server and CLI only).
export { LANGS, langOf, type Lang, type Localized } from './lang.ts';
export { format, placeholdersOf, type MessageValues } from './format.ts';
export { joinSentences } from './sentences.ts';
export {
	pluralKey,
	stringsWithPrefix,
	translatorFor,
	type StringTable,
	type Translate,
} from './translator.ts';

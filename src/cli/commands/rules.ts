import { cliLanguage, langOption } from '../cli-language.ts';
import { listRules } from './explain.ts';

const usage = {
	ja: '使い方: kvcert rules [--lang ja|en]\n\nkvcert check のルール (ID、名前、既定の重大度、内容) を一覧表示します。各ルールの説明は kvcert explain <ID> で表示できます。',
	en: "Usage: kvcert rules [--lang ja|en]\n\nLists kvcert check's rules (id, name, default severity, title). kvcert explain <id> prints a rule's docs.",
};

/** `kvcert rules`: lists the rules. */
export async function run(args: string[]): Promise<number> {
	const lang = cliLanguage(langOption(args));
	if (args.includes('--help') || args.includes('-h')) {
		console.log(usage[lang]);
		return 0;
	}
	process.stdout.write(listRules(lang));
	return 0;
}

import type { ModuleReading } from '../input/local-modules.ts';
import { rangeAt } from '../source.ts';
import type { Diagnostic, Lang, Localized, RelatedLocation } from '../types.ts';
import { format } from '../../i18n/format.ts';

const messages = {
	passedTo: {
		ja: 'この値はモジュール {{path}} のパラメーター {{name}} に渡されます。モジュールの中も、この値で確認しました。',
		en: 'This value is passed to parameter {{name}} of module {{path}}, which was checked with it.',
	},
	calledFrom: {
		ja: 'このモジュールはここで呼び出されています。この呼び出しが渡す値で確認しました。',
		en: 'The module is called here; it was checked with the values this call passes.',
	},
} satisfies Record<string, Localized>;

function inside(d: Diagnostic, place: { start: number; end: number }): boolean {
	return d.range.start.offset >= place.start && d.range.end.offset <= place.end;
}

/**
 * Names the other end of a module call in findings about it: a finding at a value the call passes
 * names the module's parameter, and a finding inside a module names the call it was checked through.
 */
export function relateModuleFindings(
	diagnostics: Diagnostic[],
	reading: ModuleReading | undefined,
	lang: Lang
): Diagnostic[] {
	if (!reading || reading.bindings.length === 0) return diagnostics;
	return diagnostics.map((d) => {
		const related: RelatedLocation[] = [];
		for (const binding of reading.bindings) {
			const { call } = binding;
			if (d.file === call.source.path)
				for (const { name, value, declared } of binding.values)
					if (inside(d, value))
						related.push({
							file: declared.source.path,
							range: rangeAt(declared.source, declared.start, declared.end),
							message: format(messages.passedTo[lang], { name, path: binding.path }),
						});
			if (d.file !== call.source.path && binding.files.includes(d.file))
				related.push({
					file: call.source.path,
					range: rangeAt(call.source, call.start, call.end),
					message: messages.calledFrom[lang],
				});
		}
		return related.length === 0 ? d : { ...d, related: [...d.related, ...related] };
	});
}

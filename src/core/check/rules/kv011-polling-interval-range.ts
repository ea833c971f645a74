import { pollingLimits } from '../../extension/index.ts';
import { child } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { knownText } from '../values.ts';
import { placeOf } from './util.ts';

/** KV011: a version that limits polling (4.0: 300–3600 seconds, core/extension) clamps values outside. */
export const pollingIntervalRangeRule = defineRule({
	id: 'KV011',
	name: 'polling-interval-range',
	severity: 'warning',
	meta: {
		title: {
			ja: '4.0 (Windows) と 4.x (Linux) のポーリング間隔は 300～3600 秒です',
			en: '4.0 (Windows) and 4.x (Linux) limit the polling interval to 300–3600 seconds',
		},
		docs: {
			ja: '4.0 (Windows) と 4.x (Linux) では `pollingIntervalInS` が 5～60 分 (300～3600 秒) に制限されます。Linux 4.x のドキュメントは、範囲外の値は範囲内に補正されると書いています。Windows 4.0 のドキュメントは制限だけを書いていて、範囲外の値の扱いには触れていません。どちらでも書いたとおりの間隔にはならないので、警告します。',
			en: 'In 4.0 (Windows) and 4.x (Linux), `pollingIntervalInS` is limited to 5–60 minutes (300–3600 seconds). The Linux 4.x documentation says values outside are clamped to that range; the Windows 4.0 documentation states only the limit, not what happens to a value outside it. Either way the interval is not what was written, so this is a warning.',
		},
		messages: {
			outOfRange: {
				ja: 'pollingIntervalInS {{actual}} は 4.0 (Windows) と 4.x (Linux) の範囲 (300～3600 秒) の外です。Linux 4.x のドキュメントによると {{clamped}} 秒に補正されます。',
				en: 'pollingIntervalInS {{actual}} is outside the 300–3600 second range of 4.0 (Windows) and 4.x (Linux); the Linux 4.x documentation says it is clamped to {{clamped}}.',
			},
		},
		sources: ['S1', 'S11'],
	},
	check(context) {
		if (context.major === undefined) return;
		const { min, max } = pollingLimits(context.os, context.major);
		if (min === undefined || max === undefined) return;
		const at = child(context.secretsManagementSettings, 'pollingIntervalInS');
		const value = context.valueOf(at);
		if (!at || !value) return;
		const text = value.kind === 'number' ? String(value.value) : knownText(value);
		if (text === undefined || !/^\d+$/.test(text)) return;
		const seconds = Number(text);
		if (seconds >= min && seconds <= max) return;
		const { anchor, related } = placeOf(at);
		context.report({
			messageId: 'outOfRange',
			data: { actual: text, clamped: seconds < min ? min : max },
			at: anchor,
			related,
		});
	},
});

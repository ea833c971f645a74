import { describe, expect, it } from 'vitest';
import { workshopLocale } from '../../../src/components/widgets/workshop/locale.ts';
import { uiStrings } from '../../../src/core/i18n/ui-strings.ts';
import {
	duration,
	idleTimer,
	moveBlock,
	pause,
	start,
	timerView,
} from '../../../src/components/widgets/workshop/timer.ts';

const agenda = [10, 5];

describe('workshop timer', () => {
	it('shows elapsed and left that add up to the block length in its first second', () => {
		const running = start(idleTimer(), 1_000);
		const view = timerView(running, agenda, 1_300);
		expect(view.elapsedSeconds).toBe(0);
		expect(view.leftSeconds).toBe(600);
		expect(view.elapsedSeconds + view.leftSeconds).toBe(600);
	});

	it('counts down through a block and over its end', () => {
		const running = start(idleTimer(), 0);
		expect(timerView(running, agenda, 599_500).leftSeconds).toBe(1);
		expect(timerView(running, agenda, 600_000).leftSeconds).toBe(0);
		expect(timerView(running, agenda, 601_000).leftSeconds).toBe(-1);
	});

	it('starts the next block from the moment it is moved to, and keeps time paused', () => {
		const running = start(idleTimer(), 0);
		const next = moveBlock(running, 1, agenda.length, 120_000);
		expect(timerView(next, agenda, 120_400)).toMatchObject({ block: 1, leftSeconds: 300 });
		const paused = pause(next, 180_000);
		expect(timerView(paused, agenda, 999_000)).toMatchObject({
			elapsedSeconds: 180,
			leftSeconds: 240,
			running: false,
		});
	});

	it('does not move before it is started', () => {
		const idle = idleTimer();
		expect(moveBlock(idle, 1, agenda.length, 5_000)).toBe(idle);
	});

	it('words times with their units, in whole minutes like the agenda, so 5 seconds never reads as 5 minutes', () => {
		const en = workshopLocale(uiStrings('en'), 'en');
		const ja = workshopLocale(uiStrings('ja'), 'ja');
		expect(duration(en, 5)).toBe('0 min 5 s');
		expect(duration(en, 600)).toBe('10 min 0 s');
		expect(duration(en, 65 * 60 + 3)).toBe('65 min 3 s');
		expect(duration(ja, 600)).toBe('10 分 0 秒');
		expect(duration(ja, -4)).toBe('0 分 0 秒');
		expect(en.t('timer.current', { title: 'A', left: duration(en, 600) })).toContain(
			'(10 min 0 s left)'
		);
		expect(ja.t('timer.current', { title: 'A', left: duration(ja, 600) })).toContain(
			'残り 10 分 0 秒'
		);
	});
});

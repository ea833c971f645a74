import { describe, expect, test, vi } from 'vitest';
import { createCheckSchedule } from '../../../src/components/widgets/checker/schedule.ts';

describe('check schedule', () => {
	test('checks once after the last change of a burst, and not between slices', () => {
		vi.useFakeTimers();
		try {
			const schedule = createCheckSchedule({ delay: 250 });
			const check = vi.fn();
			schedule.changed(false, check);
			vi.advanceTimersByTime(200);
			schedule.changed(false, check);
			vi.advanceTimersByTime(200);
			expect(check).not.toHaveBeenCalled();
			vi.advanceTimersByTime(50);
			expect(check).toHaveBeenCalledTimes(1);
			// A large text going in slice by slice: no check until the last slice.
			schedule.changed(true, check);
			schedule.changed(true, check);
			vi.advanceTimersByTime(1000);
			expect(check).toHaveBeenCalledTimes(1);
			schedule.changed(false, check);
			vi.advanceTimersByTime(250);
			expect(check).toHaveBeenCalledTimes(2);
		} finally {
			vi.useRealTimers();
		}
	});

	test('a result is fresh only if no change came while it was computed', () => {
		const schedule = createCheckSchedule({ setTimer: () => 0, clearTimer: () => {} });
		expect(schedule.isFresh()).toBe(false);
		const first = schedule.started();
		schedule.checked(first);
		expect(schedule.isFresh()).toBe(true);

		schedule.changed(false, () => {});
		expect(schedule.isFresh()).toBe(false);
		const second = schedule.started();
		schedule.changed(false, () => {}); // typed again while checking
		expect(schedule.isLatest(second)).toBe(false);
		const third = schedule.started();
		expect(schedule.isLatest(third)).toBe(true);
		schedule.checked(third);
		expect(schedule.isFresh()).toBe(true);
		expect(schedule.version()).toBe(third);
	});
});

import { describe, expect, it } from 'vitest';
import type { ParticipantState, RoomSnapshot } from '../../../src/core/workshop/room-protocol.ts';
import {
	IDLE_MINUTES,
	roomView,
	STUCK,
} from '../../../src/components/widgets/workshop/room-view.ts';

const minute = 60_000;
const participant = (
	number: number,
	exercises: ParticipantState['exercises'],
	answers: Record<string, string> = {}
): ParticipantState => ({
	id: `p${number}`,
	name: number === 2 ? '' : `P${number}`,
	number,
	lang: 'en',
	joinedAt: 0,
	// Reported just now (the snapshot's time): not idle.
	lastSeenAt: 20 * minute,
	exercises,
	answers,
});

const snapshot = (participants: ParticipantState[]): RoomSnapshot => ({
	now: 20 * minute,
	participants,
	quiz: {},
	capacity: 100,
});

describe('the facilitator’s view of the room', () => {
	it('puts who looks stuck first: failed checks, or minutes since the first check', () => {
		const view = roomView(
			snapshot([
				participant(1, { template: { done: true, attempts: 2, failed: 1 } }),
				participant(2, {
					template: { done: true, attempts: 1, failed: 0 },
					versions: {
						done: false,
						attempts: STUCK.failedChecks,
						failed: STUCK.failedChecks,
						firstAt: 19 * minute,
					},
				}),
				participant(3, { template: { done: false, attempts: 1, failed: 1, firstAt: 10 * minute } }),
			]),
			['template', 'versions', 'predict', 'quiz']
		);
		expect(view.rows.map((r) => [r.number, r.stuck])).toEqual([
			[2, { exercise: 'versions', reason: 'failedChecks', failed: 3 }],
			[3, { exercise: 'template', reason: 'time', minutes: 10 }],
			[1, undefined],
		]);
		expect(view.stuckCount).toBe(2);
		expect(view.doneBy).toEqual([
			{ exercise: 'template', count: 2 },
			{ exercise: 'versions', count: 0 },
			{ exercise: 'predict', count: 0 },
			{ exercise: 'quiz', count: 0 },
		]);
		expect(view.rows[2]!.cells.map((c) => c.state)).toEqual([
			'done',
			'notStarted',
			'notStarted',
			'notStarted',
		]);
	});

	it('drops ⚠ once the participant moved on: a later exercise checked or finished after the last check of the stuck one', () => {
		const stuckOnVersions = {
			done: false,
			attempts: STUCK.failedChecks,
			failed: STUCK.failedChecks,
			firstAt: 2 * minute,
			lastAt: 4 * minute,
		};
		const view = roomView(
			snapshot([
				// Gave up on B after three wrong checks, then finished C.
				participant(1, {
					versions: stuckOnVersions,
					predict: {
						done: true,
						attempts: 2,
						failed: 1,
						firstAt: 5 * minute,
						lastAt: 7 * minute,
						doneAt: 7 * minute,
					},
				}),
				// Gave up on B, now checking C (not right yet, 5 minutes in).
				participant(2, {
					versions: stuckOnVersions,
					predict: {
						done: false,
						attempts: 1,
						failed: 1,
						firstAt: 15 * minute,
						lastAt: 15 * minute,
					},
				}),
				// Finished C before B, then got stuck on B: still stuck on B.
				participant(3, {
					predict: {
						done: true,
						attempts: 1,
						failed: 0,
						firstAt: 1 * minute,
						lastAt: 1 * minute,
						doneAt: 1 * minute,
					},
					versions: stuckOnVersions,
				}),
				// Moved on from B, then got stuck on C: stuck on C.
				participant(4, {
					versions: stuckOnVersions,
					predict: {
						done: false,
						attempts: STUCK.failedChecks,
						failed: STUCK.failedChecks,
						firstAt: 5 * minute,
						lastAt: 6 * minute,
					},
				}),
				// Over 8 minutes on B, then went on to the quiz: not stuck either.
				participant(5, {
					versions: {
						done: false,
						attempts: 1,
						failed: 1,
						firstAt: 1 * minute,
						lastAt: 1 * minute,
					},
					quiz: {
						done: true,
						attempts: 1,
						failed: 0,
						firstAt: 12 * minute,
						lastAt: 12 * minute,
						doneAt: 12 * minute,
					},
				}),
			]),
			['template', 'versions', 'predict', 'quiz']
		);
		const stuck = Object.fromEntries(view.rows.map((r) => [r.number, r.stuck]));
		expect(stuck).toEqual({
			1: undefined,
			2: undefined,
			3: { exercise: 'versions', reason: 'failedChecks', failed: 3 },
			4: { exercise: 'predict', reason: 'failedChecks', failed: 3 },
			5: undefined,
		});
		expect(view.stuckCount).toBe(2);
		expect(view.rows.slice(0, 2).map((r) => r.number)).toEqual([3, 4]);
	});

	it('is not stuck just under the thresholds, nor on a finished exercise', () => {
		const view = roomView(
			snapshot([
				participant(1, {
					template: {
						done: false,
						attempts: 2,
						failed: 2,
						firstAt: (20 - STUCK.minutes) * minute + 1,
					},
				}),
				participant(2, { template: { done: true, attempts: 9, failed: 8, firstAt: 0 } }),
			]),
			['template']
		);
		expect(view.rows.every((r) => r.stuck === undefined)).toBe(true);
	});

	it('tallies the quiz and keeps exercises it does not know as extra columns', () => {
		const view = roomView(
			{
				...snapshot([participant(1, { own: { done: true, attempts: 1, failed: 0 } })]),
				quiz: { '1': { '2': 3, '0': 1 }, '0': { '1': 4 } },
			},
			['template']
		);
		expect(view.rows[0]!.cells.map((c) => c.exercise)).toEqual(['template', 'own']);
		expect(view.quiz).toEqual([
			{ question: '0', options: [{ option: '1', count: 4 }], total: 4 },
			{
				question: '1',
				options: [
					{ option: '0', count: 1 },
					{ option: '2', count: 3 },
				],
				total: 4,
			},
		]);
	});

	it('marks rows without a report for IDLE_MINUTES as idle, lists them last and never as stuck', () => {
		const now = 20 * minute;
		const silent = (number: number, minutes: number, exercises: ParticipantState['exercises']) => ({
			...participant(number, exercises),
			lastSeenAt: now - minutes * minute,
		});
		const stuckWork = {
			versions: { done: false, attempts: 5, failed: STUCK.failedChecks, firstAt: 10 * minute },
		};
		const view = roomView(
			snapshot([
				silent(1, IDLE_MINUTES, stuckWork),
				silent(2, IDLE_MINUTES - 0.5, stuckWork),
				silent(3, IDLE_MINUTES + 7, {}),
				silent(4, 0, {}),
			]),
			['template', 'versions']
		);
		expect(view.rows.map((r) => [r.number, r.idleMinutes, r.stuck?.reason])).toEqual([
			[2, undefined, 'failedChecks'],
			[4, undefined, undefined],
			[1, IDLE_MINUTES, undefined],
			[3, IDLE_MINUTES + 7, undefined],
		]);
		expect(view.idleCount).toBe(2);
		expect(view.stuckCount).toBe(1);
	});
});

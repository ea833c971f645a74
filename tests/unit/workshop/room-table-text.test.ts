import { describe, expect, it } from 'vitest';
import type { ParticipantState, RoomSnapshot } from '../../../src/core/workshop/room-protocol.ts';
import { roomView, STUCK } from '../../../src/components/widgets/workshop/room-view.ts';
import {
	cellText,
	quizSections,
	statusText,
} from '../../../src/components/widgets/workshop/room-table-text.ts';

const minute = 60_000;
const exercises = ['template', 'versions'];
const participant = (
	number: number,
	states: ParticipantState['exercises'],
	lastSeenAt = 20 * minute
): ParticipantState => ({
	id: `p${number}`,
	name: `P${number}`,
	number,
	lang: 'en',
	joinedAt: 0,
	lastSeenAt,
	exercises: states,
	answers: {},
});
const rowsOf = (participants: ParticipantState[]) =>
	roomView(
		{ now: 20 * minute, participants, quiz: {}, capacity: 100 } satisfies RoomSnapshot,
		exercises
	).rows;
const byId = (rows: ReturnType<typeof rowsOf>, id: string) => rows.find((r) => r.id === id)!;
const name = (id: string) => `«${id}»`;

describe('what the facilitator’s table says', () => {
	const rows = rowsOf([
		participant(1, {}),
		participant(2, { template: { done: false, attempts: 1, failed: 1, firstAt: 18 * minute } }),
		participant(3, {
			template: { done: true, attempts: 2, failed: 1 },
			versions: { done: true, attempts: 1, failed: 0 },
		}),
		participant(4, {
			template: {
				done: false,
				attempts: STUCK.failedChecks,
				failed: STUCK.failedChecks,
				firstAt: 19 * minute,
			},
		}),
		participant(5, { template: { done: true, attempts: 1, failed: 0 } }, 0),
	]);

	it('names each row’s status: not started, working, all done, stuck (where and why), idle', () => {
		expect(statusText(byId(rows, 'p1'), name).key).toBe('status.notStarted');
		expect(statusText(byId(rows, 'p2'), name).key).toBe('status.working');
		expect(statusText(byId(rows, 'p3'), name).key).toBe('status.allDone');
		expect(statusText(byId(rows, 'p4'), name)).toEqual({
			key: 'stuck.failedChecks',
			values: { exercise: '«template»', failed: STUCK.failedChecks, minutes: 0 },
		});
		expect(statusText(byId(rows, 'p5'), name)).toEqual({
			key: 'status.idle',
			values: { minutes: 20 },
		});
	});

	it('gives a cell its checks and minutes, except before the first check', () => {
		const [template] = byId(rows, 'p2').cells;
		expect(cellText(template!)).toEqual({
			key: 'cell.working',
			values: { count: 1, failed: 1, minutes: 2 },
		});
		expect(cellText(byId(rows, 'p1').cells[0]!)).toEqual({ key: 'cell.notStarted', values: {} });
	});
});

describe('the quiz tally', () => {
	const quiz = {
		questions: [
			{ id: 'a', text: 'First scenario', answer: 'newest' },
			{ id: 'b', text: 'Second scenario', answer: 'first' },
		],
		options: { newest: 'The newest', first: 'The first match' },
	};

	it('follows the exercise’s order, unknown scenarios last, with the expected answer and shares', () => {
		const sections = quizSections(
			[
				{ question: 'zz', options: [{ option: 'x', count: 1 }], total: 1 },
				{
					question: 'b',
					options: [
						{ option: 'first', count: 2 },
						{ option: 'newest', count: 1 },
					],
					total: 3,
				},
				{ question: 'a', options: [{ option: 'newest', count: 0 }], total: 0 },
			],
			quiz
		);
		expect(sections.map((s) => s.number)).toEqual([1, 2, 'zz']);
		expect(sections[1]).toEqual({
			number: 2,
			text: 'Second scenario',
			options: [
				{ label: 'The first match', expected: true, count: 2, total: 3, percent: 67 },
				{ label: 'The newest', expected: false, count: 1, total: 3, percent: 33 },
			],
		});
		// No answers yet: 0 %, not NaN; an unknown scenario keeps its id and raw option.
		expect(sections[0]!.options[0]!.percent).toBe(0);
		expect(sections[2]).toMatchObject({ text: '', options: [{ label: 'x', expected: false }] });
	});
});

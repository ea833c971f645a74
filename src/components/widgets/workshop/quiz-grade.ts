/**
 * Grading of exercise D, apart from the scenarios' text (./quiz.ts) so that the page's script ships
 * no text: the page renders the scenarios, hints and reasons in its own language.
 */

/** Ids of the three options, reported to the room instead of their text. */
export const quizOptionIds = ['stored-credential', 'managed-identity', 'extension'] as const;

/** Indexes of the scenarios whose chosen option (or none) is not the best one. */
export function wrongScenarios(answers: number[], chosen: (number | undefined)[]): number[] {
	return answers.flatMap((answer, i) => (chosen[i] === answer ? [] : [i]));
}

/** The quiz answers as ids for the room: scenario id → option id, for the scenarios answered. */
export function quizAnswerIds(
	scenarioIds: string[],
	chosen: (number | undefined)[]
): Record<string, string> {
	return Object.fromEntries(
		scenarioIds.flatMap((id, i) => {
			const option = quizOptionIds[chosen[i] ?? -1];
			return option ? [[id, option]] : [];
		})
	);
}

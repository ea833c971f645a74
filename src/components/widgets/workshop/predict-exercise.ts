import { applyStrategies, storeAsList } from '../../../core/select/index.ts';
import type { WorkshopLocale } from './locale.ts';

/**
 * Exercise C: predict what the store holds after a renewal, then tell which certificate the
 * application should use and which one first-match code gets. Graded on the simulator's newest
 * poll, scripted or live: both dispatch `kvcert-sim-update` with `{ poll }` (CONTRACTS §3).
 */

/** The subject the workshop's certificate has (its CN is what the questions match). */
export const WORKSHOP_SUBJECT = 'www.contoso.test';

/** A certificate in the simulator's store: the fields scripted and live polls both carry. */
export interface StoreCertificate {
	thumbprint: string;
	subject: string;
	/** Unix seconds. */
	notBefore: number;
	notAfter: number;
	hasPrivateKey: boolean;
}

/** A poll as the exercise needs it: when it ran and the store after it. */
export interface StorePoll {
	/** Unix seconds: the VM's time at the poll. */
	at: number;
	certificates: StoreCertificate[];
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * The poll of a `kvcert-sim-update` event's detail, or null. Reads only the fields both the scripted
 * model and the live wire format have, so either may send it.
 */
export function pollOfUpdate(detail: unknown): StorePoll | null {
	const poll = (detail as { poll?: unknown } | null)?.poll as
		{ at?: unknown; certificates?: unknown } | null | undefined;
	if (!poll || !isNumber(poll.at) || !Array.isArray(poll.certificates)) return null;
	const certificates = poll.certificates.flatMap((c: Record<string, unknown>) =>
		typeof c?.['thumbprint'] === 'string' &&
		typeof c['subject'] === 'string' &&
		isNumber(c['notBefore']) &&
		isNumber(c['notAfter'])
			? [
					{
						thumbprint: c['thumbprint'],
						subject: c['subject'],
						notBefore: c['notBefore'],
						notAfter: c['notAfter'],
						hasPrivateKey: c['hasPrivateKey'] !== false,
					},
				]
			: []
	);
	return { at: poll.at, certificates };
}

const printed = (seconds: number) =>
	new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/** What the two rules pick from the store: the recommended one and first match. */
export function picks(poll: StorePoll): { recommended?: string; first?: string } {
	const results = applyStrategies({
		certificates: storeAsList(poll.certificates),
		subject: WORKSHOP_SUBJECT,
		now: poll.at * 1000,
	});
	const at = (id: string) => {
		const picked = results.find((r) => r.strategy === id)?.picked;
		return picked === undefined ? undefined : poll.certificates[picked]!.thumbprint;
	};
	return { recommended: at('valid-now-newest'), first: at('first-match') };
}

/** Whether the store holds the two certificates the questions are about. */
export function readyForQuestions(poll: StorePoll | null): poll is StorePoll {
	if (!poll) return false;
	const { recommended, first } = picks(poll);
	return recommended !== undefined && first !== undefined && recommended !== first;
}

/** An option of questions 3 and 4: a certificate with both dates. */
export function optionLabel(locale: WorkshopLocale, c: StoreCertificate): string {
	return locale.t('c.option', {
		thumbprint: c.thumbprint,
		notBefore: printed(c.notBefore),
		notAfter: printed(c.notAfter),
	});
}

/** The VM's time as the exercise prints it. */
export const vmTime = (poll: StorePoll) => printed(poll.at);

/** The options of step 1, in the order shown; `beside` is right. */
export const predictionOptions = ['replace', 'beside', 'restart'] as const;
export type Prediction = (typeof predictionOptions)[number];

/** What the participant chose: a prediction and two thumbprints. */
export interface PredictAnswers {
	prediction?: Prediction;
	use?: string;
	first?: string;
}

/** The feedback of one step. */
export interface StepFeedback {
	question: 'predict' | 'use' | 'first';
	ok: boolean;
	text: string;
}

/**
 * The line under the Check button when the exercise is not done: before the renewal reaches the
 * store, it points at step 2 (and at step 1's feedback when step 1 was answered).
 */
export function pendingResultKey(
	poll: StorePoll | null,
	answers: PredictAnswers
): 'exercise.notYet' | 'c.step1Checked' | 'c.step2First' {
	if (readyForQuestions(poll)) return 'exercise.notYet';
	return answers.prediction === undefined ? 'c.step2First' : 'c.step1Checked';
}

/** Grades exercise C on the newest poll; each step says why. */
export function gradePredict(
	locale: WorkshopLocale,
	poll: StorePoll | null,
	answers: PredictAnswers,
	labels: { poll: string }
): { ok: boolean; stepsRight: boolean; feedback: StepFeedback[] } {
	const feedback: StepFeedback[] = [
		answers.prediction === undefined
			? { question: 'predict', ok: false, text: locale.t('b.unanswered') }
			: answers.prediction === 'beside'
				? { question: 'predict', ok: true, text: locale.t('c.predict.right') }
				: {
						question: 'predict',
						ok: false,
						// Each wrong guess gets its own reason, before the renewal too (step 2 shows it).
						text: locale.t(`c.predict.wrong.${answers.prediction}`, { poll: labels.poll }),
					},
	];
	if (readyForQuestions(poll)) {
		const { recommended, first } = picks(poll);
		const old = poll.certificates.find((c) => c.thumbprint === first)!;
		const step = (question: 'use' | 'first', chosen: string | undefined, right: string) =>
			feedback.push(
				chosen === undefined
					? { question, ok: false, text: locale.t('b.unanswered') }
					: {
							question,
							ok: chosen === right,
							text: locale.t(chosen === right ? `c.${question}.right` : `c.${question}.wrong`, {
								notAfter: printed(old.notAfter),
							}),
						}
			);
		step('use', answers.use, recommended!);
		step('first', answers.first, first!);
	}
	// stepsRight: every step asked so far is right. A check after step 1 with the right prediction
	// (the page invites it before the simulator step) is not a wrong check for the room's ⚠.
	const stepsRight = feedback.every((f) => f.ok);
	return { ok: feedback.length === 3 && stepsRight, stepsRight, feedback };
}

/** The answers as ids for the room: the prediction, and whether each pick was the new or old one. */
export function predictAnswerIds(
	poll: StorePoll | null,
	answers: PredictAnswers
): Record<string, string> {
	const { recommended } = poll ? picks(poll) : {};
	const which = (t: string | undefined) =>
		t === undefined ? '' : t === recommended ? 'new' : 'old';
	return {
		prediction: answers.prediction ?? '',
		use: which(answers.use),
		first: which(answers.first),
	};
}

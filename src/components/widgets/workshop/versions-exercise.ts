import { SCRIPT_START, scriptedVersion } from '../../../core/simulate/index.ts';
import type { WorkshopLocale } from './locale.ts';
import type { ExerciseVersion } from './versions-source.ts';

/**
 * Exercise B: which versions of webcert a VM holds, which one the versionless URL returns, and why
 * the VM holds two. The story: the VM was deployed when version 2 was already the current version,
 * so the extension installed version 2 at its first poll and added version 3 after the renewal.
 */

/** Webcert's versions from the simulator, for a copy of the site with no server. */
export function scriptedVersions(): ExerciseVersion[] {
	return [1, 2, 3].map((i) => {
		const v = scriptedVersion('webcert', i, SCRIPT_START - (3 - i) * 340 * 86_400, {
			subject: 'CN=www.contoso.test, O=Contoso',
		});
		return {
			ordinal: i,
			thumbprint: v.thumbprint,
			subject: v.subject,
			notBefore: new Date(v.notBefore * 1000).toISOString(),
			notAfter: new Date(v.notAfter * 1000).toISOString(),
			current: i === 3,
		};
	});
}

/** The versions on the VM: the two newest. */
export function vmVersions(versions: ExerciseVersion[]): ExerciseVersion[] {
	const newest = Math.max(...versions.map((v) => v.ordinal));
	return versions.filter((v) => v.ordinal >= newest - 1);
}

/** What the VM printed: `Get-ChildItem Cert:\LocalMachine\My | Format-List`, newest first. */
export function vmOutput(versions: ExerciseVersion[]): string {
	const printed = (iso: string) => iso.slice(0, 19).replace('T', ' ');
	return vmVersions(versions)
		.map((v) =>
			[
				`Subject      : ${v.subject}`,
				`Thumbprint   : ${v.thumbprint}`,
				`NotBefore    : ${printed(v.notBefore)}`,
				`NotAfter     : ${printed(v.notAfter)}`,
			].join('\n')
		)
		.reverse()
		.join('\n\n');
}

/** The options of question 3, in the order shown; `beside` is right. */
export const whyOptions = ['both', 'beside', 'failed'] as const;
export type WhyOption = (typeof whyOptions)[number];

/** What the participant chose. */
export interface VersionsAnswers {
	installed: number[];
	current?: number;
	why?: WhyOption;
}

/** The feedback of one question. */
export interface QuestionFeedback {
	question: 'q1' | 'q2' | 'q3';
	ok: boolean;
	lines: string[];
}

const short = (v: ExerciseVersion) => v.thumbprint.slice(0, 8);

/** Grades exercise B: every question right completes it; each question says why. */
export function gradeVersions(
	locale: WorkshopLocale,
	versions: ExerciseVersion[],
	answers: VersionsAnswers
): { ok: boolean; feedback: QuestionFeedback[] } {
	const onVm = new Set(vmVersions(versions).map((v) => v.ordinal));
	const chosen = new Set(answers.installed);
	const mismatched = versions.filter((v) => onVm.has(v.ordinal) !== chosen.has(v.ordinal));
	const q1: QuestionFeedback = mismatched.length
		? {
				question: 'q1',
				ok: false,
				lines: mismatched.map((v) =>
					locale.t(onVm.has(v.ordinal) ? 'b.has' : 'b.hasNot', {
						ordinal: v.ordinal,
						thumbprint: short(v),
					})
				),
			}
		: {
				question: 'q1',
				ok: true,
				lines: [
					locale.t('b.q1.right', {
						versions: locale.list([...onVm]),
						oldest: locale.list(versions.filter((v) => !onVm.has(v.ordinal)).map((v) => v.ordinal)),
					}),
				],
			};
	const current = versions.find((v) => v.current);
	const q2: QuestionFeedback =
		answers.current === undefined
			? { question: 'q2', ok: false, lines: [locale.t('b.unanswered')] }
			: answers.current === current?.ordinal
				? {
						question: 'q2',
						ok: true,
						lines: [locale.t('b.q2.right', { ordinal: current.ordinal })],
					}
				: { question: 'q2', ok: false, lines: [locale.t('b.q2.wrong')] };
	const [previous, newest] = [...onVm].sort((a, b) => a - b);
	const q3: QuestionFeedback =
		answers.why === undefined
			? { question: 'q3', ok: false, lines: [locale.t('b.unanswered')] }
			: answers.why === 'beside'
				? {
						question: 'q3',
						ok: true,
						lines: [locale.t('b.q3.right', { previous: previous!, current: newest! })],
					}
				: { question: 'q3', ok: false, lines: [locale.t('b.q3.wrong')] };
	const feedback = [q1, q2, q3];
	return { ok: feedback.every((f) => f.ok), feedback };
}

/** The answers as ids for the room (no text). */
export function versionsAnswerIds(answers: VersionsAnswers): Record<string, string> {
	return {
		installed: [...answers.installed].sort((a, b) => a - b).join(','),
		current: answers.current === undefined ? '' : String(answers.current),
		why: answers.why ?? '',
	};
}

import type { Translate } from '../../../core/i18n/translator.ts';
import type { SnippetTraceEntry, SnippetTranscript } from '../../../core/snippets/catalog.ts';
import { path, text, type Cell } from '../tables/cells.ts';

// What a live snippet shows after a run, as data: the output lines and the HTTP trace, with the
// SDK's first 401 explained. Pure, so each state is unit-tested; LiveSnippet.astro renders it.

/** One line of output: the sample's own, or an error or runner note tagged as such. */
export interface OutputLine {
	stream: 'stdout' | 'stderr' | 'note';
	/** "[error output] ", "[note] ": said in words as well as by colour. */
	tag?: string;
	text: string;
}

/** The output panel: the IMDS answer's body, the sample's lines, or a sentence when it printed nothing. */
export function outputLines(transcript: SnippetTranscript, t: Translate): OutputLine[] {
	if (transcript.responseBody !== undefined)
		return [{ stream: 'stdout', text: transcript.responseBody }];
	if (!transcript.output.length) return [{ stream: 'stdout', text: t('kvcert.snippet.noOutput') }];
	return transcript.output.map((line) => ({
		stream: line.stream,
		...(line.stream === 'stdout' ? {} : { tag: `[${t(`kvcert.snippet.stream.${line.stream}`)}] ` }),
		text: line.text,
	}));
}

/** One row of the trace table, and whether it is the authentication challenge. */
export interface TraceRow {
	data: { service: string; challenge?: 'true' };
	cells: Record<'service' | 'method' | 'path' | 'status' | 'time', Cell>;
}

/**
 * A 401 from Key Vault that the SDK answered by asking for a token and sending the request again:
 * the same request succeeds later in the trace. That is challenge-based authentication, not an
 * error (research: keyvault-sdk.md §2.1).
 */
export function isChallenge(entries: SnippetTraceEntry[], index: number): boolean {
	const entry = entries[index];
	if (!entry || entry.status !== 401 || entry.service !== 'vault') return false;
	const target = `${entry.method} ${entry.host}${entry.path.split('?')[0]}`;
	return entries
		.slice(index + 1)
		.some(
			(later) =>
				`${later.method} ${later.host}${later.path.split('?')[0]}` === target &&
				later.status !== null &&
				later.status < 400
		);
}

/** The trace as table rows, and the note that explains a challenge when the trace has one. */
export function traceView(
	entries: SnippetTraceEntry[],
	t: Translate
): { rows: TraceRow[]; challengeNote?: string } {
	let challenged = false;
	const rows = entries.map((entry, index): TraceRow => {
		const challenge = isChallenge(entries, index);
		challenged ||= challenge;
		const status =
			entry.status === null
				? t('kvcert.snippet.noResponse')
				: challenge
					? t('kvcert.snippet.challengeStatus', { status: entry.status })
					: String(entry.status);
		return {
			data: { service: entry.service, ...(challenge ? { challenge: 'true' as const } : {}) },
			cells: {
				service: text(t(`kvcert.snippet.service.${entry.service}`)),
				method: text(entry.method),
				path: path(`${entry.host}${entry.path}`),
				status: text(status),
				time: text(entry.ms === null ? '' : t('kvcert.snippet.milliseconds', { ms: entry.ms })),
			},
		};
	});
	return { rows, ...(challenged ? { challengeNote: t('kvcert.snippet.challengeNote') } : {}) };
}

/** The IMDS "Try it" block sends a request, not a sample: its next steps use its own verb. */
const imdsKey = (key: string, imds: boolean) => (imds ? `${key}Imds` : key);

/**
 * What a run that did not finish well shows: the next step after a timeout, and which of the output
 * and trace boxes to leave out because they would be empty (an empty box says nothing more).
 */
export function endedView(
	transcript: SnippetTranscript,
	t: Translate,
	imds = false
): { nextStep?: string; showOutput: boolean; showTrace: boolean } {
	const finished = transcript.outcome === 'ok';
	return {
		...(transcript.outcome === 'timeout'
			? { nextStep: t(imdsKey('kvcert.snippet.timeoutNext', imds)) }
			: {}),
		showOutput: finished || transcript.output.length > 0 || transcript.responseBody !== undefined,
		showTrace: finished || transcript.trace.length > 0,
	};
}

/**
 * The words for a run that got no transcript (the server's own sentence is shown as it is). `imds`:
 * the IMDS "Try it" block, whose curl runs on an Azure VM, not against the reader's own vault.
 */
export function failedRunMessage(
	result:
		{ kind: 'needsServer' } | { kind: 'unreachable' } | { kind: 'serverError'; status: number },
	t: Translate,
	imds = false
): string {
	if (result.kind === 'serverError')
		return t(imdsKey('kvcert.snippet.serverError', imds), { status: result.status });
	if (result.kind === 'unreachable') return t(imdsKey('kvcert.snippet.unreachable', imds));
	return t(imds ? 'kvcert.snippet.needsServerImds' : 'kvcert.snippet.needsServer');
}

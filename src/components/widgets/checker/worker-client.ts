// Talks to the checker's Web Worker. The worker keeps its own copy of the editor's text: the page
// sends the first text and then every change as it happens, and a check or fix request carries no
// text. One request is in flight at a time, and a newer check replaces a waiting one, so a slow check
// of a large text never queues up stale work.
import type { CheckResult } from '../../../core/check/index.ts';
import type { Lang } from '../../../core/check/index.ts';
import type { ChangeJson } from './change-json.ts';
import type { CheckerRequest, CheckerResponse } from './protocol.ts';
import type { EditView } from './view-model.ts';

/** What Fix all returns: the edits that apply every certain fix, and how many fixes they hold. */
export interface FixAllResult {
	/** Small edits in the text's offsets before them, in order (one per changed place). */
	edits: EditView[];
	fixed: number;
}

type Job =
	| { type: 'check'; lang: Lang; resolve: (r: CheckResult | undefined) => void }
	| { type: 'fixAll'; lang: Lang; resolve: (r: FixAllResult | undefined) => void };

/** A checker running in a worker. */
export interface CheckerClient {
	/** Gives the worker the whole text (on start). */
	reset(text: string): void;
	/** Tells the worker about a change of the editor's text (`ChangeSet.toJSON()`). */
	change(changes: ChangeJson): void;
	/** Checks the text; resolves `undefined` when a newer check replaced this one before it started. */
	check(lang: Lang): Promise<CheckResult | undefined>;
	/** The edits that apply all certain fixes to the text. */
	fixAll(lang: Lang): Promise<FixAllResult | undefined>;
}

/**
 * Starts the worker. `onError` hears of a worker that failed to load or crashed, with the error's
 * name when the worker reported one (e.g. a grammar that could not be fetched).
 */
export function createCheckerClient(onError: (name?: string) => void): CheckerClient {
	const worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
	let nextId = 1;
	let running: { id: number; job: Job } | undefined;
	let waitingCheck: Job | undefined;
	const waitingFixes: Job[] = [];
	const post = (request: CheckerRequest) => worker.postMessage(request);

	const finish = (job: Job, response: CheckerResponse | undefined) => {
		if (job.type === 'check')
			job.resolve(response?.type === 'result' ? response.result : undefined);
		else
			job.resolve(
				response?.type === 'fixed' ? { fixed: response.fixed, edits: response.edits } : undefined
			);
	};
	const pump = () => {
		if (running) return;
		const job = waitingFixes.shift() ?? waitingCheck;
		if (!job) return;
		if (job === waitingCheck) waitingCheck = undefined;
		const id = nextId++;
		running = { id, job };
		post({ id, type: job.type, lang: job.lang });
	};
	worker.addEventListener('message', (event: MessageEvent<CheckerResponse>) => {
		if (!running || event.data.id !== running.id) return;
		const { job } = running;
		running = undefined;
		if (event.data.type === 'error') onError(event.data.message);
		finish(job, event.data);
		pump();
	});
	worker.addEventListener('error', () => {
		onError();
		if (running) finish(running.job, undefined);
		running = undefined;
	});
	return {
		reset: (text) => post({ type: 'reset', text }),
		change: (changes) => post({ type: 'change', changes }),
		check(lang) {
			return new Promise((resolve) => {
				if (waitingCheck) finish(waitingCheck, undefined);
				waitingCheck = { type: 'check', lang, resolve };
				pump();
			});
		},
		fixAll(lang) {
			return new Promise((resolve) => {
				waitingFixes.push({ type: 'fixAll', lang, resolve });
				pump();
			});
		},
	};
}

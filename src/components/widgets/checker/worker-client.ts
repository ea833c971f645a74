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
 * How long a check or fix may run before its worker is stopped and a new one started (ms). The
 * engine's budgets (the CLI's: value size, evaluation and parse work, see core/check/limits.ts)
 * keep every check linear; this is the last resort for anything they miss, so that a hostile text
 * never leaves the checker busy for good.
 */
export const checkTimeout = 30_000;

/** What the page tells the client, and hears from it. */
export interface CheckerClientOptions {
	/** A worker failed to load or crashed, with the error's name when the worker reported one. */
	onError: (name?: string) => void;
	/** A check or fix ran past `timeout`: its worker was replaced, and the request answered `undefined`. */
	onTimeout: () => void;
	/** The editor's whole text, given to a new worker. */
	text: () => string;
	/** @default checkTimeout */
	timeout?: number;
}

/** Starts the worker, and starts it again when a check runs past the time bound. */
export function createCheckerClient(options: CheckerClientOptions): CheckerClient {
	const { onError, onTimeout, text, timeout = checkTimeout } = options;
	let nextId = 1;
	let running: { id: number; job: Job } | undefined;
	let watchdog: ReturnType<typeof setTimeout> | undefined;
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
		watchdog = setTimeout(stuck, timeout);
	};
	const answered = (event: MessageEvent<CheckerResponse>) => {
		if (!running || event.data.id !== running.id) return;
		clearTimeout(watchdog);
		const { job } = running;
		running = undefined;
		if (event.data.type === 'error') onError(event.data.message);
		finish(job, event.data);
		pump();
	};
	const crashed = () => {
		clearTimeout(watchdog);
		onError();
		if (running) finish(running.job, undefined);
		running = undefined;
	};
	const start = () => {
		const started = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
		started.addEventListener('message', answered);
		started.addEventListener('error', crashed);
		return started;
	};
	/** The running request is past the bound: a new worker, with the text as it is now. */
	const stuck = () => {
		if (!running) return;
		const { job } = running;
		running = undefined;
		worker.terminate();
		worker = start();
		post({ type: 'reset', text: text() });
		onTimeout();
		finish(job, undefined);
		pump();
	};
	let worker = start();
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

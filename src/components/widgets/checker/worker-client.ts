// Talks to the checker's Web Worker: one request in flight at a time, and only the newest waiting
// text is sent next, so a slow check of a large text never queues up stale work.
import type { CheckResult } from '../../../core/check/check.ts';
import type { Lang } from '../../../core/check/types.ts';
import type { CheckerRequest, CheckerResponse } from './protocol.ts';

type Job =
	| { type: 'check'; text: string; lang: Lang; resolve: (r: CheckResult | undefined) => void }
	| {
			type: 'fixAll';
			text: string;
			lang: Lang;
			resolve: (r: { text: string; fixed: number } | undefined) => void;
	  };

/** A checker running in a worker. */
export interface CheckerClient {
	/** Checks a text; resolves `undefined` when a newer check replaced this one before it started. */
	check(text: string, lang: Lang): Promise<CheckResult | undefined>;
	/** The text after all certain fixes. */
	fixAll(text: string, lang: Lang): Promise<{ text: string; fixed: number } | undefined>;
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

	const finish = (job: Job, response: CheckerResponse | undefined) => {
		if (job.type === 'check')
			job.resolve(response?.type === 'result' ? response.result : undefined);
		else
			job.resolve(
				response?.type === 'fixed' ? { text: response.text, fixed: response.fixed } : undefined
			);
	};
	const pump = () => {
		if (running) return;
		const job = waitingFixes.shift() ?? waitingCheck;
		if (!job) return;
		if (job === waitingCheck) waitingCheck = undefined;
		const id = nextId++;
		running = { id, job };
		const request: CheckerRequest = { id, type: job.type, text: job.text, lang: job.lang };
		worker.postMessage(request);
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
		check(text, lang) {
			return new Promise((resolve) => {
				if (waitingCheck) finish(waitingCheck, undefined);
				waitingCheck = { type: 'check', text, lang, resolve };
				pump();
			});
		},
		fixAll(text, lang) {
			return new Promise((resolve) => {
				waitingFixes.push({ type: 'fixAll', text, lang, resolve });
				pump();
			});
		},
	};
}

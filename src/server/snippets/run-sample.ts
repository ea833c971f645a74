import { spawn } from 'node:child_process';
import type { TimedLine } from './azure-log-trace.ts';

/** What {@link runSample} runs and how long it may take. */
export interface SampleRunSpec {
	/** Absolute path of the TypeScript file run with tsx. */
	script: string;
	/** Working folder (the repository root, where node_modules/tsx is). */
	cwd: string;
	/** The child's whole environment: nothing of the server's is added. */
	env: Record<string, string>;
	/** The child is killed after this long and the run reported as timed out. */
	timeoutMs: number;
	/** Bytes of stdout + stderr kept; past it the child is killed. */
	maxOutputBytes: number;
	/** For a server sample: stop it this long after its first line of output (a normal end). */
	stopAfterFirstOutputMs?: number;
	/** Called once when the first stdout line arrives (a renewal); returns a note for the transcript. */
	onFirstOutput?: () => string | undefined;
	/** For a server sample: stop it soon after a stdout line matches. */
	stopWhenOutput?: RegExp;
	/** Kills the child when it aborts (the client went away). */
	signal?: AbortSignal;
}

/** What came back from the child, not yet redacted. */
export interface RawSampleRun {
	stdout: TimedLine[];
	stderr: TimedLine[];
	notes: TimedLine[];
	exitCode: number | null;
	outcome: 'ok' | 'failed' | 'timeout' | 'stopped' | 'outputLimit';
	durationMs: number;
	truncated: boolean;
}

/** Splits a stream into timed lines (the last partial line is flushed at the end). */
function lineCollector(into: TimedLine[], onLine?: (line: string) => void) {
	let partial = '';
	return {
		push(chunk: string) {
			const parts = (partial + chunk).split(/\r?\n/);
			partial = parts.pop() ?? '';
			const at = performance.now();
			for (const text of parts) {
				into.push({ at, text });
				onLine?.(text);
			}
		},
		flush() {
			if (partial) into.push({ at: performance.now(), text: partial });
			partial = '';
		},
	};
}

/**
 * Runs one sample file in a child process (node with the tsx loader) with exactly the given
 * environment, a hard timeout, an output limit, and for servers a stop after a few seconds.
 * Times are relative to the start of the run.
 */
export function runSample(spec: SampleRunSpec): Promise<RawSampleRun> {
	const started = performance.now();
	const stdout: TimedLine[] = [];
	const stderr: TimedLine[] = [];
	const notes: TimedLine[] = [];
	let outputBytes = 0;
	let truncated = false;
	let endReason: 'timeout' | 'stopped' | 'outputLimit' | undefined;
	let sawOutput = false;

	const child = spawn(process.execPath, ['--import', 'tsx', spec.script], {
		cwd: spec.cwd,
		env: spec.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		windowsHide: true,
	});
	const stop = (reason: NonNullable<typeof endReason>) => {
		endReason ??= reason;
		child.kill('SIGKILL');
	};
	const timers: NodeJS.Timeout[] = [setTimeout(() => stop('timeout'), spec.timeoutMs)];
	// Nobody waits for the answer any more: stop at once and free the run's slot.
	const cancel = () => stop('stopped');
	if (spec.signal?.aborted) cancel();
	else spec.signal?.addEventListener('abort', cancel, { once: true });

	const out = lineCollector(stdout, (line) => {
		if (!sawOutput) {
			sawOutput = true;
			const note = spec.onFirstOutput?.();
			if (note) notes.push({ at: performance.now(), text: note });
			if (spec.stopAfterFirstOutputMs !== undefined)
				timers.push(setTimeout(() => stop('stopped'), spec.stopAfterFirstOutputMs));
		}
		if (spec.stopWhenOutput?.test(line)) timers.push(setTimeout(() => stop('stopped'), 500));
	});
	const err = lineCollector(stderr);
	const take = (chunk: Buffer, into: typeof out) => {
		if (truncated) return;
		outputBytes += chunk.length;
		if (outputBytes > spec.maxOutputBytes) {
			truncated = true;
			into.push(chunk.subarray(0, chunk.length - (outputBytes - spec.maxOutputBytes)).toString());
			stop('outputLimit');
			return;
		}
		into.push(chunk.toString());
	};
	child.stdout.on('data', (chunk: Buffer) => take(chunk, out));
	child.stderr.on('data', (chunk: Buffer) => take(chunk, err));

	return new Promise((resolve) => {
		const finish = (exitCode: number | null) => {
			for (const timer of timers) clearTimeout(timer);
			spec.signal?.removeEventListener('abort', cancel);
			out.flush();
			err.flush();
			const rebase = (lines: TimedLine[]) =>
				lines.map((line) => ({ at: line.at - started, text: line.text }));
			resolve({
				stdout: rebase(stdout),
				stderr: rebase(stderr),
				notes: rebase(notes),
				exitCode,
				outcome: endReason ?? (exitCode === 0 ? 'ok' : 'failed'),
				durationMs: Math.round(performance.now() - started),
				truncated,
			});
		};
		child.once('error', () => finish(null));
		child.once('close', (code) => finish(code));
	});
}

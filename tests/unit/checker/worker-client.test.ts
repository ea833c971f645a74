import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../../src/core/check/index.ts';
import type {
	CheckerRequest,
	CheckerResponse,
} from '../../../src/components/widgets/checker/protocol.ts';
import { createCheckerClient } from '../../../src/components/widgets/checker/worker-client.ts';

/** A stand-in for the checker's Web Worker: records what it is sent, answers when told to. */
class FakeWorker extends EventTarget {
	static started: FakeWorker[] = [];
	readonly received: CheckerRequest[] = [];
	terminated = false;
	constructor() {
		super();
		FakeWorker.started.push(this);
	}
	postMessage(request: CheckerRequest) {
		this.received.push(request);
	}
	terminate() {
		this.terminated = true;
	}
	answer(response: CheckerResponse) {
		this.dispatchEvent(new MessageEvent('message', { data: response }));
	}
	lastCheckId() {
		const checks = this.received.filter((r) => r.type === 'check');
		return (checks.at(-1) as { id: number }).id;
	}
}

const result = { diagnostics: [] } as unknown as CheckResult;

describe('the checker worker watchdog', () => {
	beforeEach(() => {
		FakeWorker.started = [];
		vi.stubGlobal('Worker', FakeWorker);
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	const client = () => {
		const heard = { timeouts: 0, errors: 0 };
		let text = 'first';
		const checker = createCheckerClient({
			onError: () => heard.errors++,
			onTimeout: () => heard.timeouts++,
			text: () => text,
			timeout: 1000,
		});
		return { checker, heard, setText: (t: string) => (text = t) };
	};

	it('replaces a worker whose check runs past the bound, and checks the next text with the new one', async () => {
		const { checker, heard, setText } = client();
		checker.reset('first');
		const hung = checker.check('en');
		const [first] = FakeWorker.started;
		vi.advanceTimersByTime(999);
		expect(first!.terminated).toBe(false);
		setText('hostile text, then edited');
		vi.advanceTimersByTime(1);
		await expect(hung).resolves.toBeUndefined();
		expect(first!.terminated).toBe(true);
		expect(heard).toEqual({ timeouts: 1, errors: 0 });
		// The new worker has the editor's text as it is now, and answers the next check.
		const second = FakeWorker.started[1]!;
		expect(second.received[0]).toEqual({ type: 'reset', text: 'hostile text, then edited' });
		const next = checker.check('en');
		second.answer({ id: second.lastCheckId(), type: 'result', result });
		await expect(next).resolves.toBe(result);
		expect(FakeWorker.started).toHaveLength(2);
	});

	it('leaves a worker alone that answers within the bound', async () => {
		const { checker, heard } = client();
		for (let round = 0; round < 3; round++) {
			const pending = checker.check('en');
			vi.advanceTimersByTime(900);
			const worker = FakeWorker.started[0]!;
			worker.answer({ id: worker.lastCheckId(), type: 'result', result });
			await expect(pending).resolves.toBe(result);
			vi.advanceTimersByTime(5000);
		}
		expect(FakeWorker.started).toHaveLength(1);
		expect(heard).toEqual({ timeouts: 0, errors: 0 });
	});

	it('runs a check that waited behind the stuck one on the new worker', async () => {
		const { checker } = client();
		const hung = checker.fixAll('en');
		const waiting = checker.check('ja');
		vi.advanceTimersByTime(1000);
		await expect(hung).resolves.toBeUndefined();
		const second = FakeWorker.started[1]!;
		expect(second.received.map((r) => r.type)).toEqual(['reset', 'check']);
		second.answer({ id: second.lastCheckId(), type: 'result', result });
		await expect(waiting).resolves.toBe(result);
	});
});

/// <reference lib="webworker" />
// The checker's Web Worker: runs the kvcert engine off the main thread, so typing never waits for it.
import { checkInput, fixAllInput } from './engine.ts';
import type { CheckerRequest, CheckerResponse } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', async (event: MessageEvent<CheckerRequest>) => {
	const request = event.data;
	let response: CheckerResponse;
	try {
		if (request.type === 'check')
			response = {
				id: request.id,
				type: 'result',
				result: await checkInput(request.text, request.lang),
			};
		else
			response = {
				id: request.id,
				type: 'fixed',
				...(await fixAllInput(request.text, request.lang)),
			};
	} catch (error) {
		// The engine never throws on bad input; this is a bug, reported without the user's text.
		response = { id: request.id, type: 'error', message: (error as Error).name };
	}
	scope.postMessage(response);
});

/// <reference lib="webworker" />
// The checker's Web Worker: runs the kvcert engine off the main thread, so typing never waits for it.
// It keeps its own copy of the editor's text, updated from the editor's changes.
import { applyChangeJson } from './change-json.ts';
import { checkInput, fixAllInput } from './engine.ts';
import type { CheckerRequest, CheckerResponse } from './protocol.ts';
import { textChanges } from './text-change.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let text = '';

scope.addEventListener('message', async (event: MessageEvent<CheckerRequest>) => {
	const request = event.data;
	if (request.type === 'reset') {
		text = request.text;
		return;
	}
	if (request.type === 'change') {
		text = applyChangeJson(text, request.changes);
		return;
	}
	let response: CheckerResponse;
	try {
		if (request.type === 'check')
			response = { id: request.id, type: 'result', result: await checkInput(text, request.lang) };
		else {
			const before = text;
			const result = await fixAllInput(before, request.lang);
			// Small edits, one per changed place, so the editor keeps its view and shows each change.
			const edits = textChanges(before, result.text);
			response = { id: request.id, type: 'fixed', fixed: result.fixed, edits };
		}
	} catch (error) {
		// The engine never throws on bad input; this is a bug, reported without the user's text.
		response = { id: request.id, type: 'error', message: (error as Error).name };
	}
	scope.postMessage(response);
});

import type { APIRoute } from 'astro';
import { liveSnippetDependencies } from '../../../src/server/snippets/live-snippet-dependencies.ts';
import { handleSnippetRunRequest } from '../../../src/server/snippets/snippets-handler.ts';

export const prerender = false;

/** Runs one live snippet against the demo vault (see src/server/snippets/snippets-handler.ts). */
export const POST: APIRoute = ({ request }) =>
	handleSnippetRunRequest(request, liveSnippetDependencies());

/** Anything but POST gets 405 with the same error shape. */
export const ALL: APIRoute = ({ request }) =>
	handleSnippetRunRequest(request, liveSnippetDependencies());

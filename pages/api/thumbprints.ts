import type { APIRoute } from 'astro';
import { liveThumbprintsDependencies } from '../../src/server/live-dependencies.ts';
import { handleThumbprintsRequest } from '../../src/server/thumbprints-handler.ts';

export const prerender = false;

/** Every version of a Key Vault certificate with its thumbprints (see src/server/thumbprints-handler.ts). */
export const GET: APIRoute = ({ request }) =>
	handleThumbprintsRequest(request, liveThumbprintsDependencies());

/** Anything but GET gets 405 with the same error shape. */
export const ALL: APIRoute = ({ request }) =>
	handleThumbprintsRequest(request, liveThumbprintsDependencies());

import type { APIRoute } from 'astro';
import { handleControlRequest } from '../../../src/server/simulator/live-handler.ts';
import { liveSimulatorDependencies } from '../../../src/server/simulator/live-simulator-dependencies.ts';

export const prerender = false;

/** Renew, disable or revoke in a live session's demo vault (see src/server/simulator/live-handler.ts). */
export const POST: APIRoute = ({ request }) =>
	handleControlRequest(request, liveSimulatorDependencies());

/** Anything but POST gets 405 with the same error shape. */
export const ALL: APIRoute = ({ request }) =>
	handleControlRequest(request, liveSimulatorDependencies());

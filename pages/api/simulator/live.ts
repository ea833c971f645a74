import type { APIRoute } from 'astro';
import { handleLiveRequest } from '../../../src/server/simulator/live-handler.ts';
import { liveSimulatorDependencies } from '../../../src/server/simulator/live-simulator-dependencies.ts';

export const prerender = false;

/** Streams a live renewal-simulator session (see src/server/simulator/live-handler.ts). */
export const GET: APIRoute = ({ request }) =>
	handleLiveRequest(request, liveSimulatorDependencies());

/** Anything but GET gets 405 with the same error shape. */
export const ALL: APIRoute = ({ request }) =>
	handleLiveRequest(request, liveSimulatorDependencies());

import type { APIRoute } from 'astro';
import { roomDependencies } from '../../../src/server/room/room-dependencies.ts';
import { handleRoomEvents } from '../../../src/server/room/room-handler.ts';

export const prerender = false;

/** The room for its facilitator, as Server-Sent Events (see src/server/room/room-handler.ts). */
export const GET: APIRoute = ({ request }) => handleRoomEvents(request, roomDependencies());

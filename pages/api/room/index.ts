import type { APIRoute } from 'astro';
import { roomDependencies } from '../../../src/server/room/room-dependencies.ts';
import { handleRoomStatus } from '../../../src/server/room/room-handler.ts';

export const prerender = false;

/** Whether this server runs a workshop room (404 when it does not; see room-handler.ts). */
export const GET: APIRoute = ({ request }) => handleRoomStatus(request, roomDependencies());

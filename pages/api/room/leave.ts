import type { APIRoute } from 'astro';
import { roomDependencies } from '../../../src/server/room/room-dependencies.ts';
import { handleRoomLeave } from '../../../src/server/room/room-handler.ts';

export const prerender = false;

/** The workshop room (see src/server/room/room-handler.ts); anything but POST gets 405. */
export const ALL: APIRoute = ({ request }) => handleRoomLeave(request, roomDependencies());

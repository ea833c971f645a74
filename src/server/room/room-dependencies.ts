import { Room } from './room.ts';
import { RoomRequestLimits, type RoomDependencies } from './room-handler.ts';

const REGISTRY = Symbol.for('kvcert.room');
type Registry = {
	[REGISTRY]?: { room: Room; limits: RoomRequestLimits; address: string | undefined };
};

/**
 * Opens the process's room (`npm run workshop` does, before the site loads). Shared through a
 * global symbol because scripts/workshop.mjs and the site's bundle load separate module copies.
 * `address` is the participants' address the command printed first (`http://192.168.1.20:4321`),
 * which a handout printed on the server's own computer writes instead of `localhost`.
 */
export function openRoom(key: string, address?: string): Room {
	const registry = globalThis as Registry;
	registry[REGISTRY] ??= { room: new Room(key), limits: new RoomRequestLimits(), address };
	return registry[REGISTRY].room;
}

/** The real wiring: the room when room mode runs, else none (the endpoints answer 404). */
export function roomDependencies(): RoomDependencies {
	const entry = (globalThis as Registry)[REGISTRY];
	return entry ?? { room: undefined, limits: noRoomLimits };
}

const noRoomLimits = new RoomRequestLimits();

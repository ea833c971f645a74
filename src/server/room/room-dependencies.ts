import { Room } from './room.ts';
import { RoomRequestLimits, type RoomDependencies } from './room-handler.ts';

const REGISTRY = Symbol.for('kvcert.room');
type Registry = { [REGISTRY]?: { room: Room; limits: RoomRequestLimits } };

/**
 * Opens the process's room (`npm run workshop` does, before the site loads). Shared through a
 * global symbol because scripts/workshop.mjs and the site's bundle load separate module copies.
 */
export function openRoom(key: string): Room {
	const registry = globalThis as Registry;
	registry[REGISTRY] ??= { room: new Room(key), limits: new RoomRequestLimits() };
	return registry[REGISTRY].room;
}

/** The real wiring: the room when room mode runs, else none (the endpoints answer 404). */
export function roomDependencies(): RoomDependencies {
	const entry = (globalThis as Registry)[REGISTRY];
	return entry ?? { room: undefined, limits: noRoomLimits };
}

const noRoomLimits = new RoomRequestLimits();

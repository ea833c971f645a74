/**
 * The address a link prints with on a handout. A handout is usually printed on the room's server
 * itself, opened at `localhost`, where a printed `http://localhost:4321/…` would send every
 * participant to their own computer. So on a loopback page an internal link prints with the
 * participants' address the room printed (`npm run workshop`) or, without one, as a site-relative
 * path; anywhere else, and for external links, with its full address.
 */

/** Dispatched on `document` with the room's participant address as `detail` (RoomParticipant). */
export const ROOM_ADDRESS_EVENT = 'kvcert-room-address';

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** The text printed after a link to `link` on the page at `page`. */
export function printedAddress(link: URL, page: URL, roomAddress?: string): string {
	if (link.origin !== page.origin || !LOOPBACK.test(page.hostname)) return decodeURI(link.href);
	const path = decodeURI(link.pathname + link.search + link.hash);
	const room = roomOrigin(roomAddress);
	return room ? room + path : path;
}

/** The origin of a room address, if it is an http(s) address at all. */
export function roomOrigin(address: string | undefined): string | undefined {
	if (!address) return undefined;
	try {
		const url = new URL(address);
		return /^https?:$/.test(url.protocol) ? url.origin : undefined;
	} catch {
		return undefined;
	}
}

/** Tells the handout's links the room's participant address (kept for a script that runs later). */
export function announceRoomAddress(address: string | undefined): void {
	const origin = roomOrigin(address);
	if (!origin) return;
	document.documentElement.dataset['kvRoomAddress'] = origin;
	document.dispatchEvent(new CustomEvent(ROOM_ADDRESS_EVENT, { detail: origin }));
}

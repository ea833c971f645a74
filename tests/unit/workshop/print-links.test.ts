import { describe, expect, it } from 'vitest';
import {
	printedAddress,
	roomOrigin,
} from '../../../src/components/widgets/workshop/print-links.ts';
import { handleRoomStatus, RoomRequestLimits } from '../../../src/server/room/room-handler.ts';
import { Room } from '../../../src/server/room/room.ts';

const at = (href: string) => new URL(href);

describe('handout links', () => {
	it('on the room’s own computer (localhost) print with the participants’ address, never localhost', () => {
		for (const page of [
			'http://localhost:4321/ja/workshop/',
			'http://127.0.0.1:4321/ja/workshop/',
			'http://[::1]:4321/ja/workshop/',
		]) {
			const link = at(new URL('/ja/setup/arm-template/#step', page).href);
			expect(printedAddress(link, at(page), 'http://192.168.1.20:4321')).toBe(
				'http://192.168.1.20:4321/ja/setup/arm-template/#step'
			);
			// Without a room (plain `npm start` on localhost): site-relative.
			expect(printedAddress(link, at(page))).toBe('/ja/setup/arm-template/#step');
			expect(printedAddress(link, at(page), 'javascript:alert(1)')).toBe(
				'/ja/setup/arm-template/#step'
			);
		}
	});

	it('keep their full address on a page opened at any other address, and for other sites', () => {
		const page = at('http://192.168.1.20:4321/en/workshop/');
		expect(
			printedAddress(at('http://192.168.1.20:4321/en/verify/'), page, 'http://10.0.0.5:4321')
		).toBe('http://192.168.1.20:4321/en/verify/');
		const learn = at('https://learn.microsoft.com/ja-jp/azure/key-vault/');
		expect(
			printedAddress(learn, at('http://localhost:4321/ja/workshop/'), 'http://10.0.0.5:1')
		).toBe(learn.href);
		// Readable Japanese in a path, not percent escapes.
		expect(
			printedAddress(at('http://localhost:1/ja/%E7%94%A8%E8%AA%9E/'), at('http://localhost:1/'))
		).toBe('/ja/用語/');
	});

	it('take only an http(s) origin as the room’s address', () => {
		expect(roomOrigin('http://192.168.1.20:4321/anything')).toBe('http://192.168.1.20:4321');
		expect(roomOrigin('file:///etc/passwd')).toBeUndefined();
		expect(roomOrigin('not a url')).toBeUndefined();
		expect(roomOrigin(undefined)).toBeUndefined();
	});

	it('GET /api/room says the address the room printed first, and nothing without one', async () => {
		const request = new Request('http://localhost:4321/api/room');
		const limits = new RoomRequestLimits();
		const room = new Room('k');
		expect(
			await handleRoomStatus(request, { room, limits, address: 'http://192.168.1.20:4321' }).json()
		).toEqual({ room: true, facilitator: false, address: 'http://192.168.1.20:4321' });
		expect(await handleRoomStatus(request, { room, limits }).json()).toEqual({
			room: true,
			facilitator: false,
		});
		expect(await handleRoomStatus(request, { room: undefined, limits }).json()).toEqual({
			room: false,
			facilitator: false,
		});
	});
});

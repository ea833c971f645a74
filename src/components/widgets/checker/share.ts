// Share links: the editor's text, compressed with the browser's own deflate (CompressionStream) and
// written in base64url after `#code=`. Browsers never send the fragment to a server.

/** The fragment prefix of a shared text. */
export const sharePrefix = '#code=';

/** The longest fragment the checker writes (characters after `#code=`), about 64 KB. */
export const shareLimit = 65_536;

async function pipe(
	bytes: Uint8Array<ArrayBuffer>,
	stream: CompressionStream | DecompressionStream
) {
	const piped = new Blob([bytes]).stream().pipeThrough(stream);
	return new Uint8Array(await new Response(piped).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	// btoa pads with at most two '=', all at the end: the run is never longer than two.
	// eslint-disable-next-line regexp/no-super-linear-move
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The result of encoding a text for a link. */
export type EncodedShare = { ok: true; fragment: string } | { ok: false; size: number };

/** Compresses a text into a `#code=…` fragment, or reports its encoded size when it is too long. */
export async function encodeShare(text: string, limit = shareLimit): Promise<EncodedShare> {
	const data = toBase64Url(
		await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'))
	);
	return data.length > limit
		? { ok: false, size: data.length }
		: { ok: true, fragment: `${sharePrefix}${data}` };
}

/** Whether a URL fragment carries a shared text. */
export function isShareFragment(hash: string): boolean {
	return hash.startsWith(sharePrefix);
}

/**
 * The text of a `#code=…` fragment; `undefined` when it is damaged. Decompression stops after `maxBytes`
 * bytes, so a crafted link cannot fill the memory.
 */
export async function decodeShare(
	hash: string,
	maxBytes = 20 * 1024 * 1024
): Promise<string | undefined> {
	if (!isShareFragment(hash)) return undefined;
	const data = hash.slice(sharePrefix.length);
	if (data.length > shareLimit * 2 || !/^[\w-]*$/.test(data)) return undefined;
	try {
		const stream = new Blob([fromBase64Url(data)])
			.stream()
			.pipeThrough(new DecompressionStream('deflate-raw'));
		const reader = stream.getReader();
		const chunks: Uint8Array[] = [];
		let total = 0;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.length;
			if (total > maxBytes) {
				await reader.cancel();
				return undefined;
			}
			chunks.push(value);
		}
		const bytes = new Uint8Array(total);
		let offset = 0;
		for (const chunk of chunks) {
			bytes.set(chunk, offset);
			offset += chunk.length;
		}
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return undefined;
	}
}

/** Reads at most `limit` bytes of a request body; undefined when it is larger (then stops reading). */
export async function readLimitedBody(
	request: Request,
	limit: number
): Promise<string | undefined> {
	if (Number(request.headers.get('content-length') ?? '0') > limit) return undefined;
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel();
			return undefined;
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

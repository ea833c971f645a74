/** Words for the redaction markers, in the page's language. */
export interface RedactionWords {
	/** `(redacted, {count} chars)` */
	token: (count: string) => string;
	/** `private key, {bytes} bytes` */
	privateKey: (bytes: string) => string;
}

const PEM_KEY =
	/-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;
/** JWTs (header.payload[.signature]); the header of every JWT starts with `{"` = `eyJ`. */
const JWT = /eyJ[\w-]+\.[\w-]+(?:\.[\w-]*)?/g;
/** The demo IMDS's opaque tokens. */
const EMULATOR_TOKEN = /kvemu\.[\w-]{8,}/g;
/** Values after names that carry a secret: JSON fields, form fields, `Bearer`. */
const NAMED_SECRET =
	/((?:"|')?(?:access_token|refresh_token|id_token|client_secret|client_assertion|password)(?:"|')?\s*[:=]\s*(?:"|')?|\bBearer\s+)([^\s"'&,}]{4,})/gi;

const grouped = (n: number) => n.toLocaleString('en-US');

/** The size in bytes of the base64 body of a PEM block, however it was printed (raw, util.inspect, JSON). */
function pemBodyBytes(block: string): number {
	const body = block
		.replace(/-----(?:BEGIN|END) [A-Z0-9 ]*-----/g, '')
		.replace(/\\[nr]/g, '')
		.replace(/['"`]\s*\+\s*['"`]/g, '')
		.replace(/[^A-Z0-9+/=]/gi, '');
	const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
	return Math.max(0, Math.floor((body.length * 3) / 4) - padding);
}

const masked = (token: string, words: RedactionWords) => {
	const dot = token.indexOf('.');
	const prefix = dot > 0 && dot < 6 ? token.slice(0, dot + 1) : token.slice(0, 3);
	return `${prefix}…${words.token(grouped(token.length))}`;
};

/**
 * Removes every secret from text before it leaves the server: PEM private keys (also when an
 * inspected string split them over lines, or the text ends inside one), JWTs, the emulator's tokens,
 * the exact tokens it issued (`known`), and values of token, secret and password fields.
 */
export function redactSecrets(text: string, words: RedactionWords, known: string[] = []): string {
	let out = text.replace(PEM_KEY, (block) => `(${words.privateKey(grouped(pemBodyBytes(block)))})`);
	for (const token of known)
		if (token.length >= 8) out = out.split(token).join(masked(token, words));
	out = out.replace(JWT, (token) => masked(token, words));
	out = out.replace(EMULATOR_TOKEN, (token) => masked(token, words));
	out = out.replace(NAMED_SECRET, (whole, name: string, value: string) =>
		value.includes('…') ? whole : `${name}${masked(value, words)}`
	);
	return out;
}

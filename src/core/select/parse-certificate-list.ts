/** A date as PowerShell printed it, read without a time zone (the VM's local time). */
export type ListedDate =
	| {
			kind: 'date';
			/** Milliseconds since 1970 of the printed local time, read as if it were UTC. */ value: number;
			text: string;
	  }
	| { kind: 'ambiguous'; text: string }
	| { kind: 'unreadable'; text: string };

/** One certificate of `Get-ChildItem Cert:\LocalMachine\My | Format-List` output. */
export interface ListedCertificate {
	/** 1-based line of its first field. */
	line: number;
	subject: string | undefined;
	issuer: string | undefined;
	/** Upper-case hex without separators. */
	thumbprint: string | undefined;
	friendlyName: string | undefined;
	notBefore: ListedDate | undefined;
	notAfter: ListedDate | undefined;
	/** Shown only by `Format-List *`; undefined when the output does not say. */
	hasPrivateKey: boolean | undefined;
	/** `DnsNameList` of `Format-List *`. */
	dnsNames: string[];
}

/** What reading the pasted text found. */
export interface CertificateList {
	certificates: ListedCertificate[];
	/** Lines that looked like fields but could not be read, 1-based. */
	skippedLines: number[];
	/** True when the input was cut at {@link MAX_INPUT} characters. */
	truncated: boolean;
}

/** Longest input read (about 2 000 certificates); the rest is ignored and reported. */
export const MAX_INPUT = 1_000_000;
/** Most certificates read. */
export const MAX_CERTIFICATES = 5000;

const FIELD = /^\s{0,8}([A-Z][A-Z0-9]*)\s*:\s?(.*)$/i;
/** Format-List indents a wrapped value under the values (past the longest label). */
const CONTINUATION = /^\s{9,}\S/;

/**
 * Reads a date the way PowerShell prints it in common cultures: `5/12/2000 11:46:00 AM` (en-US),
 * `2026/01/05 9:00:00` (ja-JP), `15/01/2038 14:00:00` (day first), ISO 8601. A slash date without
 * AM/PM whose first two numbers are both ≤ 12 is ambiguous (month or day first) and says so.
 */
export function parseListedDate(raw: string): ListedDate {
	const text = raw.trim();
	const utc = (y: number, mo: number, d: number, h: number, mi: number, s: number): ListedDate => {
		const value = Date.UTC(y, mo - 1, d, h, mi, s);
		const check = new Date(value);
		if (
			mo < 1 ||
			mo > 12 ||
			d < 1 ||
			d > 31 ||
			h > 23 ||
			mi > 59 ||
			s > 59 ||
			check.getUTCDate() !== d
		)
			return { kind: 'unreadable', text };
		return { kind: 'date', value, text };
	};
	let m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text);
	if (m) return utc(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
	m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
	if (m) return utc(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
	m =
		/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM|午前|午後)?$/i.exec(
			text
		);
	if (m) {
		const a = +m[1]!;
		const b = +m[2]!;
		let hour = +m[4]!;
		const half = m[7]?.toUpperCase();
		if (half) {
			if (hour < 1 || hour > 12) return { kind: 'unreadable', text };
			if ((half === 'PM' || half === '午後') && hour !== 12) hour += 12;
			if ((half === 'AM' || half === '午前') && hour === 12) hour = 0;
			// AM/PM: en-US prints month first.
			return utc(+m[3]!, a, b, hour, +m[5]!, +(m[6] ?? 0));
		}
		if (a > 12 && b <= 12) return utc(+m[3]!, b, a, hour, +m[5]!, +(m[6] ?? 0));
		if (b > 12 && a <= 12) return utc(+m[3]!, a, b, hour, +m[5]!, +(m[6] ?? 0));
		return { kind: a > 12 && b > 12 ? 'unreadable' : 'ambiguous', text };
	}
	return { kind: 'unreadable', text };
}

const empty = (line: number): ListedCertificate => ({
	line,
	subject: undefined,
	issuer: undefined,
	thumbprint: undefined,
	friendlyName: undefined,
	notBefore: undefined,
	notAfter: undefined,
	hasPrivateKey: undefined,
	dnsNames: [],
});

/**
 * Reads `Get-ChildItem Cert:\LocalMachine\My | Format-List` (or `Format-List *`) output: blocks of
 * `Name : value` lines, values wrapped onto indented lines, blocks separated by blank lines or by a
 * repeated field. Never throws; bounded by {@link MAX_INPUT} and {@link MAX_CERTIFICATES}.
 */
export function parseCertificateList(input: string): CertificateList {
	const truncated = input.length > MAX_INPUT;
	const lines = (truncated ? input.slice(0, MAX_INPUT) : input)
		.replace(/^\uFEFF/, '')
		.split(/\r\n|\r|\n/);
	const certificates: ListedCertificate[] = [];
	const skippedLines: number[] = [];
	let current: ListedCertificate | undefined;
	let fields = new Map<string, string>();
	let lastKey: string | undefined;
	const finish = () => {
		if (current && (current.thumbprint || fields.get('subject')?.trim())) {
			const get = (k: string) => fields.get(k)?.trim();
			current.subject = get('subject') || undefined;
			current.issuer = get('issuer') || undefined;
			current.friendlyName = get('friendlyname') || undefined;
			const nb = get('notbefore');
			const na = get('notafter');
			if (nb) current.notBefore = parseListedDate(nb);
			if (na) current.notAfter = parseListedDate(na);
			const key = get('hasprivatekey');
			if (key && /^(?:true|false)$/i.test(key))
				current.hasPrivateKey = key.toLowerCase() === 'true';
			const dns = get('dnsnamelist');
			if (dns)
				current.dnsNames = dns
					.replace(/^\{|\}$/g, '')
					.split(',')
					.map((d) => d.trim())
					.filter(Boolean);
			if (certificates.length < MAX_CERTIFICATES) certificates.push(current);
		}
		current = undefined;
		fields = new Map();
		lastKey = undefined;
	};
	lines.forEach((text, i) => {
		const lineNumber = i + 1;
		if (text.trim() === '') {
			finish();
			return;
		}
		if (lastKey && CONTINUATION.test(text)) {
			fields.set(lastKey, `${fields.get(lastKey) ?? ''} ${text.trim()}`);
			return;
		}
		const field = FIELD.exec(text);
		if (field) {
			const key = field[1]!.toLowerCase();
			if (current && fields.has(key)) finish();
			if (!current) current = empty(lineNumber);
			fields.set(key, field[2]!);
			lastKey = key;
			if (key === 'thumbprint') {
				const hex = field[2]!.replace(/[\s:\u200e\u200f]/g, '').toUpperCase();
				if (/^[0-9A-F]{40}$/.test(hex)) current.thumbprint = hex;
				else skippedLines.push(lineNumber);
			}
			return;
		}
		if (current) skippedLines.push(lineNumber);
	});
	finish();
	return { certificates, skippedLines, truncated };
}

import type { SnippetTraceEntry } from '../../core/snippets/catalog.ts';

/** A line of the child's stderr with the time it arrived. */
export interface TimedLine {
	at: number;
	text: string;
}

/** The start of a record written by @azure/logger: `azure:<package>[ <policy>]:<level> `. */
const RECORD = /^azure:[\w-]+(?::[\w-]+)*(?: [\w-]+)?:(?:verbose|info|warning|error) /;

const safeDecode = (text: string) => {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
};

/**
 * The host an IMDS request shows in a trace: the address the same sample asks on an Azure VM.
 * The demo IMDS's loopback port changes at every start and says nothing to the reader (rv24b N20).
 */
export const IMDS_TRACE_HOST = '169.254.169.254';

/** Where a URL points, in the terms of the trace. */
export interface TraceEndpoints {
	/** Host (with port) of the demo IMDS. */
	imdsHost: string;
	/** Host of the demo vault as the samples see it. */
	vaultHost: string;
	/** Host the emulator answers as Microsoft Entra ID. */
	entraHost?: string;
}

/**
 * Splits the child's stderr into the SDK's log records and everything else (the sample's own
 * errors), and turns the logPolicy records (`Request: {…}`, `Response status code: N`) into an HTTP
 * trace: method, host, path, status and the time between the two records.
 */
export function splitAzureLog(
	lines: TimedLine[],
	endpoints: TraceEndpoints
): { trace: SnippetTraceEntry[]; otherLines: TimedLine[] } {
	const records: { at: number; text: string }[] = [];
	const otherLines: TimedLine[] = [];
	let current: { at: number; text: string } | undefined;
	for (const line of lines) {
		if (RECORD.test(line.text)) {
			current = { at: line.at, text: line.text };
			records.push(current);
		} else if (current && /^[\s}\]]/.test(line.text)) {
			current.text += `\n${line.text}`;
		} else {
			current = undefined;
			otherLines.push(line);
		}
	}

	const trace: SnippetTraceEntry[] = [];
	const open: { entry: SnippetTraceEntry; at: number }[] = [];
	for (const record of records) {
		const body = record.text.replace(RECORD, '');
		if (body.startsWith('Request: ')) {
			let request: { url?: unknown; method?: unknown };
			try {
				request = JSON.parse(body.slice('Request: '.length)) as typeof request;
			} catch {
				continue;
			}
			if (typeof request.url !== 'string') continue;
			let url: URL;
			try {
				url = new URL(request.url);
			} catch {
				continue;
			}
			const service =
				url.host === endpoints.imdsHost
					? 'imds'
					: url.hostname === endpoints.vaultHost
						? 'vault'
						: url.hostname === endpoints.entraHost
							? 'entra'
							: 'other';
			const entry: SnippetTraceEntry = {
				service,
				method: typeof request.method === 'string' ? request.method : 'GET',
				host: service === 'imds' ? IMDS_TRACE_HOST : url.host,
				path: safeDecode(url.pathname + url.search),
				status: null,
				ms: null,
			};
			trace.push(entry);
			open.push({ entry, at: record.at });
			continue;
		}
		const status = /^Response status code: (\d{3})/.exec(body);
		if (status) {
			const pending = open.shift();
			if (!pending) continue;
			pending.entry.status = Number(status[1]);
			pending.entry.ms = Math.max(0, Math.round(record.at - pending.at));
		}
	}
	return { trace, otherLines };
}

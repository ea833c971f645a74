import { LIVE_SNIPPETS, type LiveSnippetId } from '../../core/snippets/catalog.ts';

/** What the server runs for one live snippet id. */
export interface RunnableSnippet {
	kind: 'sample' | 'imds';
	/** Repo-relative TypeScript file run with tsx (the sample itself, or a fixed driver of it). */
	script?: string;
	/** CERTIFICATE_NAME for the run. */
	certificate?: string;
	/** Extra environment the sample reads (never the server's own). */
	env?: Record<string, string>;
	/** Stop a server sample this long after its first output. */
	stopAfterFirstOutputMs?: number;
	/** Stop a server sample soon after a line like this (the renewal was picked up). */
	stopWhenOutput?: RegExp;
	/** Whether the sample writes to the vault (it runs in the visitor's own view, made for it). */
	writes?: boolean;
	/** Whether `renew: true` may add a certificate version mid-run. */
	renewable?: boolean;
	/** Give the sample the demo service principal (tenant, client id, client secret) instead of IMDS. */
	clientSecret?: boolean;
}

/** The production registry: the catalog's ids mapped to repo files. Tests inject their own. */
export function liveSnippetRegistry(): Record<string, RunnableSnippet> {
	const registry: Record<LiveSnippetId, RunnableSnippet> = {
		'get-certificate': {
			kind: 'sample',
			script: LIVE_SNIPPETS['get-certificate'].file,
			certificate: LIVE_SNIPPETS['get-certificate'].certificate,
		},
		'load-certificate': {
			kind: 'sample',
			// load-certificate.ts only exports loadCertificate(): a fixed driver calls it and prints the result.
			script: 'src/server/snippets/drivers/load-certificate.ts',
			certificate: LIVE_SNIPPETS['load-certificate'].certificate,
		},
		'https-server': {
			kind: 'sample',
			script: LIVE_SNIPPETS['https-server'].file,
			certificate: LIVE_SNIPPETS['https-server'].certificate,
			// A free port is added at run time; the sample looks for a renewal every second and
			// listens on loopback only.
			env: { REFRESH_SECONDS: '1', HOST: '127.0.0.1' },
			stopAfterFirstOutputMs: 4000,
			stopWhenOutput: /^switched to version /,
			renewable: true,
		},
		'client-secret': {
			kind: 'sample',
			script: LIVE_SNIPPETS['client-secret'].file,
			certificate: LIVE_SNIPPETS['client-secret'].certificate,
			clientSecret: true,
		},
		'imds-token': { kind: 'imds' },
		'create-certificate': {
			kind: 'sample',
			script: LIVE_SNIPPETS['create-certificate'].file,
			certificate: LIVE_SNIPPETS['create-certificate'].certificate,
			writes: true,
		},
		'list-versions': {
			kind: 'sample',
			script: LIVE_SNIPPETS['list-versions'].file,
			certificate: LIVE_SNIPPETS['list-versions'].certificate,
		},
	};
	return registry;
}

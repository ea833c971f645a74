import type { Word } from './tokenize.ts';

/*
 * Script variables that hold a versioned Key Vault id because of the command they are assigned
 * from: `az keyvault certificate show … --query sid` (the secret id of the current version, with
 * its version segment), `--query id`, `az keyvault secret show … --query id`, and Azure
 * PowerShell's `(Get-AzKeyVaultCertificate …).SecretId`. Such a variable used in the settings
 * pins the certificate to one version (KV016 says so at the use, naming the assignment).
 */

/** What each tool's output field is, when it is a versioned id. */
const azQueries: Record<'certificate' | 'secret', ReadonlySet<string>> = {
	certificate: new Set(['sid', 'id']),
	secret: new Set(['id']),
};

/** The command text inside `$( … )`, backticks, `( … )` or quotes. */
function unwrapped(text: string): string {
	let inner = text.trim();
	for (let i = 0; i < 3; i++) {
		const next = inner
			.replace(/^"([\s\S]*)"$/, '$1')
			.replace(/^\$\(([\s\S]*)\)$/, '$1')
			// A closing backtick at the end of a line reads as a line continuation to the tokenizer.
			.replace(/^`([\s\S]*?)`?$/, '$1')
			.replace(/^\(([\s\S]*)\)$/, '$1')
			.trim();
		if (next === inner) break;
		inner = next;
	}
	return inner;
}

/**
 * The command a variable's value comes from, shortened for a message, when that value is a
 * versioned id; undefined otherwise (a `--query` that strips the version, a pipe, any other text).
 */
export function versionedIdSource(assigned: string): string | undefined {
	const text = unwrapped(assigned);
	if (/[|;]/.test(text)) return undefined;
	const az = /^az\s+keyvault\s+(certificate|secret)\s+show\s/i.exec(text);
	if (az) {
		const kind = az[1]!.toLowerCase() as 'certificate' | 'secret';
		const query = /(?:^|\s)--query(?:\s+|=)(['"]?)([^\s'"]+)\1(?=\s|$)/.exec(text)?.[2];
		return query && azQueries[kind].has(query)
			? `az keyvault ${kind} show --query ${query}`
			: undefined;
	}
	const ps = /^\(\s*(Get-AzKeyVault(?:Certificate|Secret))\b[^()|;]*\)\.(SecretId|Id)$/i.exec(text);
	if (!ps) return undefined;
	const isCertificate = /certificate$/i.test(ps[1]!);
	const field = ps[2]!.toLowerCase();
	// A certificate's Id is the certificate's own versioned id; a secret has no SecretId.
	if (!isCertificate && field !== 'id') return undefined;
	return `(${ps[1]} …).${ps[2]}`;
}

/**
 * The command when a variable is assigned a whole certificate or secret object whose id fields are
 * versioned: `Get-AzKeyVaultCertificate …` (its `.SecretId` and `.Id`), `Get-AzKeyVaultSecret …`
 * (`.Id`), `az keyvault certificate show …` without `--query` (its JSON's `sid` and `id`, read
 * with `jq` or `ConvertFrom-Json`). Undefined for anything else.
 */
export function versionedObjectSource(assigned: string): VersionedObject | undefined {
	const text = unwrapped(assigned);
	const ps = /^\(?\s*(Get-AzKeyVault(?:Certificate|Secret))\b[^()|;]*\)?$/i.exec(text);
	if (ps)
		return {
			command: `${ps[1]} …`,
			fields: /certificate$/i.test(ps[1]!) ? objectFields.certificate : objectFields.secret,
		};
	// JSON output, or PowerShell's `| ConvertFrom-Json` of it: the only pipe allowed.
	const az =
		/^az\s+keyvault\s+(certificate|secret)\s+show\s[^|;]*(?:\|\s*ConvertFrom-Json\s*)?$/i.exec(
			text
		);
	if (!az || /(?:^|\s)--query[\s=]|(?:^|\s)(?:-o|--output)[\s=]+(?!json\b)/i.test(text))
		return undefined;
	const kind = az[1]!.toLowerCase() as 'certificate' | 'secret';
	return { command: `az keyvault ${kind} show`, fields: objectFields[kind] };
}

/** A whole certificate or secret object held by a script variable, and its versioned fields. */
export interface VersionedObject {
	command: string;
	fields: ReadonlySet<string>;
}

/** Lower-case fields that hold a versioned id: PowerShell objects' and az JSON's. */
const objectFields = {
	certificate: new Set(['secretid', 'id', 'sid']),
	secret: new Set(['id']),
};

/**
 * The versioned field read from an object variable at a reference (`$cert.SecretId`), as written,
 * with where it ends; undefined when no such field follows or the value is changed afterwards
 * (`-replace '/[^/]+$'`, `.Split('/')[0..4] -join '/'`, `.Substring(…)`: the version may be gone).
 */
export function versionedMember(
	raw: string,
	end: number,
	object: VersionedObject
): { field: string; end: number } | undefined {
	const member = /^\.(\w+)/.exec(raw.slice(end, end + 40));
	if (!member || !object.fields.has(member[1]!.toLowerCase())) return undefined;
	const after = end + member[0].length;
	// Only where the value is used as it is: the end of the item, the string, the line.
	if (!/^[ \t]*(?:$|[\r\n;,})"'\]#])/.test(raw.slice(after, after + 40))) return undefined;
	return { field: member[1]!, end: after };
}

/**
 * Two steps in a shell script: `$(echo "$cert" | jq -r .sid)` (also `'.id'`), where `$cert` holds
 * `az keyvault certificate show` JSON. The variable's key and the field, when the text is that.
 */
export function jqField(assigned: string): { key: string; field: string } | undefined {
	const match =
		/^\$\(\s*echo\s+"?\$\{?([A-Z_]\w*)\}?"?\s*\|\s*jq\s+(?:-r\s+|--raw-output\s+)?(['"]?)\.(\w+)\2\s*\)$/i.exec(
			assigned.trim().replace(/^"([\s\S]*)"$/, '$1')
		);
	return match ? { key: `$${match[1]!.toLowerCase()}`, field: match[3]! } : undefined;
}

/** The `$name` and `${name}` references written in raw text between two offsets. */
export function referencesBetween(
	raw: string,
	start: number,
	end: number
): Array<{ key: string; start: number; end: number }> {
	const found: Array<{ key: string; start: number; end: number }> = [];
	const pattern = /\$(?:\{([A-Z_]\w*)\}|([A-Z_]\w*))/gi;
	pattern.lastIndex = start;
	for (let match = pattern.exec(raw); match && match.index < end; match = pattern.exec(raw))
		found.push({
			key: `$${(match[1] ?? match[2])!.toLowerCase()}`,
			start: match.index,
			end: match.index + match[0].length,
		});
	return found;
}

const referenceAt = /^\$(?:\{([A-Z_]\w*)\}|([A-Z_]\w*))/i;

/** The `$name` references a word still holds unexpanded (its `dollars`), where they are written. */
export function unexpandedReferences(
	raw: string,
	word: Word
): Array<{ key: string; start: number; end: number }> {
	return (word.dollars ?? []).flatMap((index) => {
		const start = word.map(index);
		const match = referenceAt.exec(raw.slice(start, start + 260));
		return match
			? [{ key: `$${(match[1] ?? match[2])!.toLowerCase()}`, start, end: start + match[0].length }]
			: [];
	});
}

/** The infrastructure-as-code languages read with tree-sitter. */
export type IacKind = 'bicep' | 'bicepparam' | 'terraform';

/** The IaC kind a file name tells (`.bicep`, `.bicepparam`, `.tf`, `.tf.json`), if any. */
export function iacKindOfPath(path: string | undefined): IacKind | undefined {
	const lower = (path ?? '').toLowerCase();
	if (lower.endsWith('.bicep')) return 'bicep';
	if (lower.endsWith('.bicepparam')) return 'bicepparam';
	if (lower.endsWith('.tf') || lower.endsWith('.tf.json')) return 'terraform';
	return undefined;
}

// Each pattern starts at a line start and skips only the spaces of that line (`[^\S\r\n\u2028\u2029]`,
// white space that is not a line break). A `^\s*` would cross line breaks, so every line start
// rescans the blank lines after it: 50 KB of new lines took 16 s (issue 24, N2).
const bicepLine =
	/^[^\S\r\n\u2028\u2029]*(?:(?:resource|module)\s+[A-Za-z_]\w*\s+'|param\s+[A-Za-z_]\w*\s+[A-Za-z]|var\s+[A-Za-z_]\w*\s*=|targetScope\s*=|using\s+')/m;
const terraformLine =
	/^[^\S\r\n\u2028\u2029]*(?:(?:resource|data)\s+"[\w-]+"\s+"[\w-]+"\s*\{|(?:variable|output|module|provider)\s+"[\w-]+"\s*\{|(?:locals|terraform)\s*\{)/m;

/** Guesses Bicep or Terraform (HCL or JSON syntax) from pasted text. */
export function iacKindOfText(text: string): IacKind | undefined {
	const head = text.slice(0, 200_000);
	if (/^\s*[[{]/.test(head))
		return /"(?:resource|data)"\s*:\s*\{\s*"azurerm_/.test(head) ? 'terraform' : undefined;
	const terraform = terraformLine.exec(head)?.index ?? Infinity;
	const bicep = bicepLine.exec(head)?.index ?? Infinity;
	if (terraform === Infinity && bicep === Infinity) return undefined;
	if (terraform < bicep) return 'terraform';
	return /^[^\S\r\n\u2028\u2029]*using\s+'/m.test(head) &&
		!/^[^\S\r\n\u2028\u2029]*resource\s/m.test(head)
		? 'bicepparam'
		: 'bicep';
}

import { expect } from 'vitest';
import { checkSync, type CheckOptions, type CheckResult } from '../../../src/core/check/index.ts';
import type { Diagnostic } from '../../../src/core/check/types.ts';

/** Strips the ⟦ ⟧ markers from a text and returns the 1-based position of the marked range. */
export function marked(input: string) {
	const open = input.indexOf('⟦');
	const close = input.indexOf('⟧');
	if (open === -1 || close === -1) throw new Error('no ⟦⟧ markers');
	const text = input.replace('⟦', '').replace('⟧', '');
	const position = (offset: number) => {
		const before = text.slice(0, offset);
		const line = before.split('\n').length;
		return { line, column: offset - before.lastIndexOf('\n') };
	};
	return { text, start: position(open), end: position(close - 1) };
}

type Position = ReturnType<typeof marked>['start'];

/** Asserts that the result has a finding of the rule exactly from `start` to `end`, and returns it. */
export function findingAt(
	result: CheckResult,
	ruleId: string,
	start: Position,
	end: Position
): Diagnostic {
	const found = result.diagnostics.filter((d) => d.ruleId === ruleId);
	const summary = found.map(
		(d) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`
	);
	const hit = found.find(
		(d) =>
			d.range.start.line === start.line &&
			d.range.start.column === start.column &&
			d.range.end.line === end.line &&
			d.range.end.column === end.column
	);
	expect(
		hit,
		`${ruleId} at ${start.line}:${start.column}-${end.line}:${end.column}; got [${summary.join(', ')}]`
	).toBeDefined();
	return hit!;
}

/** Checks a text with markers and asserts one finding of the rule exactly at the marked range. */
export function expectFinding(
	input: string,
	ruleId: string,
	severity: Diagnostic['severity'],
	options: CheckOptions = {}
): Diagnostic {
	const { text, start, end } = marked(input);
	const result = checkSync(text, options);
	const hit = findingAt(result, ruleId, start, end);
	expect(hit!.severity).toBe(severity);
	return hit!;
}

/** Checks a text and asserts that the rule reports nothing. */
export function expectNone(text: string, ruleId: string, options: CheckOptions = {}): CheckResult {
	const result = checkSync(text.replace(/[⟦⟧]/g, ''), options);
	expect(result.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => d.message)).toEqual([]);
	return result;
}

interface ExtensionOptions {
	os?: 'Windows' | 'Linux';
	version?: string;
	publisher?: string;
	type?: string;
	/** Raw JSON text of secretsManagementSettings members (after the observedCertificates default). */
	secrets?: string;
	observed?: string;
	auth?: string;
	/** Raw text added to properties. */
	properties?: string;
	/** Raw text added to settings. */
	settings?: string;
	name?: string;
	/** Raw value of pollingIntervalInS. */
	polling?: string;
	location?: string;
	resourceType?: string;
}

/** A single extension resource as JSON text, every part replaceable by raw text (markers allowed). */
export function extension(options: ExtensionOptions = {}): string {
	const os = options.os ?? 'Windows';
	const observed =
		options.observed ??
		'[ { "url": "https://kvprod.vault.azure.net/secrets/web", "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine" } ]';
	const secrets = [
		`"pollingIntervalInS": ${options.polling ?? '"3600"'}`,
		`"observedCertificates": ${observed}`,
		...(options.secrets ? [options.secrets] : []),
	].join(',\n        ');
	return `{
  "type": "${options.resourceType ?? 'Microsoft.Compute/virtualMachines/extensions'}",
  "apiVersion": "2024-07-01",
  "name": ${options.name ?? '"vm1/kv"'},
  "location": "${options.location ?? 'japaneast'}",
  "properties": {
    "publisher": ${options.publisher ?? '"Microsoft.Azure.KeyVault"'},
    "type": ${options.type ?? `"KeyVaultFor${os}"`},
    "typeHandlerVersion": ${options.version ?? '"3.0"'}${options.properties ? `,\n    ${options.properties}` : ''},
    "settings": {
      "secretsManagementSettings": {
        ${secrets}
      }${options.auth ? `,\n      "authenticationSettings": ${options.auth}` : ''}${options.settings ? `,\n      ${options.settings}` : ''}
    }
  }
}`;
}

/** A virtual machine resource as JSON text. */
export function vm(
	options: { name?: string; identity?: string; os?: 'Windows' | 'Linux'; image?: string } = {}
): string {
	const os = options.os ?? 'Windows';
	const image =
		options.image ??
		(os === 'Windows'
			? '"publisher": "MicrosoftWindowsServer", "offer": "WindowsServer", "sku": "2022-datacenter-azure-edition"'
			: '"publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "server"');
	return `{
  "type": "Microsoft.Compute/virtualMachines",
  "apiVersion": "2024-07-01",
  "name": ${options.name ?? '"vm1"'},
  "location": "japaneast",
  ${options.identity === undefined ? '"identity": { "type": "SystemAssigned" },' : options.identity}
  "properties": { "storageProfile": { "imageReference": { ${image} } } }
}`;
}

/** A template with the given resources (raw JSON texts) and parameters (raw JSON text of members). */
export function template(resources: string[], parameters = '', variables = ''): string {
	return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { ${parameters} },
  "variables": { ${variables} },
  "resources": [
${resources.join(',\n')}
  ]
}`;
}

/** An extension resource that depends on vm1, for templates. */
export function dependentExtension(options: ExtensionOptions = {}): string {
	return extension(options).replace(
		'"location": "japaneast",',
		'"location": "japaneast",\n  "dependsOn": [ "[resourceId(\'Microsoft.Compute/virtualMachines\', \'vm1\')]" ],'
	);
}

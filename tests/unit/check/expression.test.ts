import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../src/core/check/expression/parse.ts';
import { checkSync } from '../../../src/core/check/index.ts';

describe('parseExpression', () => {
	it('parses nested calls, property and index access', () => {
		const result = parseExpression(
			"[reference(resourceId('a/b', parameters('x')), '2020-01-01').outputs['k'].value[0]]"
		);
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.expr.kind).toBe('index');
	});
	it("reads '' as one quote", () => {
		const result = parseExpression("[concat('it''s')]");
		expect(result.ok && result.expr.kind === 'call' && result.expr.args[0]).toMatchObject({
			kind: 'string',
			value: "it's",
		});
	});
	it('reports the offset of a syntax error', () => {
		expect(parseExpression("[concat('a',)]")).toMatchObject({ ok: false, error: { offset: 12 } });
		expect(parseExpression("[concat('a']")).toMatchObject({ ok: false });
		expect(parseExpression('[]')).toMatchObject({ ok: false });
	});
});

describe('evaluation through check', () => {
	const settings = (polling: string, extra = '') => `{
  "parameters": { "p": { "type": "string", "defaultValue": "36" }, "n": { "type": "int", "defaultValue": 60 } },
  "variables": { "v": "[concat(parameters('p'), '00')]" ${extra} },
  "resources": [ { "type": "Microsoft.Compute/virtualMachines/extensions", "name": "vm/kv",
    "properties": { "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux", "typeHandlerVersion": "4.0",
      "settings": { "secretsManagementSettings": { "pollingIntervalInS": ${polling},
        "observedCertificates": [ { "url": "https://kv1.vault.azure.net/secrets/a" } ] } } } } ] }`;
	const rules = (text: string) => checkSync(text).diagnostics.map((d) => d.ruleId);
	it('evaluates variables, concat, format and string functions', () => {
		expect(rules(settings(`"[variables('v')]"`))).not.toContain('KV010');
		expect(rules(settings(`"[format('{0}', parameters('p'))]"`))).toContain('KV011');
		expect(rules(settings(`"[toLower(string(parameters('n')))]"`))).toContain('KV011');
		expect(rules(settings(`"[substring('123600', 2)]"`))).not.toContain('KV011');
		expect(rules(settings(`"[if(equals(parameters('p'), '36'), '3600', '1')]"`))).not.toContain(
			'KV011'
		);
	});
	it('keeps unknowns unknown', () => {
		expect(rules(settings(`"[parameters('missing')]"`))).toEqual(['KV049']);
		expect(rules(settings(`"[reference('x').interval]"`))).toEqual([]);
		expect(rules(settings(`"[variables('loop')]"`, `, "loop": "[variables('loop')]"`))).toEqual([]);
	});
	it('uses a parameters file beside the template', () => {
		const result = checkSync(settings(`"[parameters('p')]"`), {
			parameters: { path: 'p.json', text: '{ "parameters": { "p": { "value": "30" } } }' },
		});
		const d = result.diagnostics.find((x) => x.ruleId === 'KV011');
		expect(d?.file).toBe('p.json');
		expect(d?.related[0]?.file).toBe('<input>');
	});
});

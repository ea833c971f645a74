import { describe, expect, test } from 'vitest';
import { editorLanguageOf } from '../../../src/components/widgets/checker/editor-language.ts';
import { textChange } from '../../../src/components/widgets/checker/text-change.ts';

const apply = (text: string, c: { from: number; to: number; insert: string }) =>
	text.slice(0, c.from) + c.insert + text.slice(c.to);

describe('textChange', () => {
	test('turns one text into the other with one edit over the changed middle only', () => {
		for (const [a, b] of [
			['"pollingIntervalInS": 3600,', '"pollingIntervalInS": "3600",'],
			['abc', 'abcabc'],
			['aaaa', 'aa'],
			['x', ''],
			['', 'y'],
		] as const) {
			const change = textChange(a, b)!;
			expect(apply(a, change)).toBe(b);
		}
		expect(textChange('/certificates/x', '/secrets/x')).toEqual({
			from: 1,
			to: 12,
			insert: 'secret',
		});
		expect(textChange('same', 'same')).toBeUndefined();
	});
});

describe('editorLanguageOf', () => {
	test('JSON for templates and settings, shell or PowerShell for commands', () => {
		expect(editorLanguageOf('{ "resources": [] }')).toBe('json');
		expect(editorLanguageOf('// comment\n[ ]')).toBe('json');
		expect(editorLanguageOf('az vm extension set --name x')).toBe('shell');
		expect(editorLanguageOf('$settings = Get-Content ./s.json -Raw\nSet-AzVMExtension')).toBe(
			'powershell'
		);
		expect(editorLanguageOf('az vm extension set', 'command')).toBe('shell');
		expect(editorLanguageOf('anything', 'template')).toBe('json');
		expect(editorLanguageOf('')).toBe('json');
	});

	test('Bicep and Terraform get their own modes; Terraform JSON stays JSON', () => {
		expect(editorLanguageOf("param vmName string\nresource vm 'Microsoft.Compute/x@1' = {}")).toBe(
			'bicep'
		);
		expect(editorLanguageOf('resource "azurerm_virtual_machine_extension" "kv" {\n}')).toBe(
			'terraform'
		);
		expect(editorLanguageOf('anything', 'bicepparam')).toBe('bicep');
		expect(editorLanguageOf('{ "resource": {} }', 'terraform')).toBe('json');
		expect(editorLanguageOf('locals {}', 'terraform')).toBe('terraform');
	});
});

import { readFileSync, readdirSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { getNodeValue, parseTree, type Node } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';
import { parseJsoncFast } from '../../../src/core/check/fast-json.ts';
import { propertyValue } from '../../../src/core/check/json.ts';
import { fixFiles } from '../../../src/core/check/index.ts';
import type { InputKind } from '../../../src/core/check/types.ts';
import { extension, template, vm } from './helpers.ts';

const directory = new URL('../../fixtures/check/', import.meta.url);
/** Every fixture file, in subfolders too (forms/, real-world/). */
function readFixtures(folder: URL): string[] {
	return readdirSync(folder).flatMap((name) => {
		const url = new URL(name, folder);
		if (statSync(url).isDirectory()) return readFixtures(new URL(`${name}/`, folder));
		return name.endsWith('.md') ? [] : [readFileSync(url, 'utf8')];
	});
}
const fixtures = readFixtures(directory);
const kinds: Array<InputKind | undefined> = [
	undefined,
	'template',
	'parameters',
	'resource',
	'settings',
	'command',
];

/** Checks a text and asserts the result is well formed. */
function checkSafely(text: string, kind?: InputKind): void {
	const result = checkSync(text, kind ? { kind } : {});
	for (const d of result.diagnostics) {
		expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
		if (d.file === '<input>') expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
		expect(d.range.start.line).toBeGreaterThanOrEqual(1);
		expect(d.range.start.column).toBeGreaterThanOrEqual(1);
		expect(d.message).not.toBe('');
	}
}

describe('the checker never throws', () => {
	it('on arbitrary strings, whatever the kind', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', maxLength: 300 }),
				fc.constantFrom(...kinds),
				(text, kind) => checkSafely(text, kind)
			),
			{ numRuns: 300 }
		);
	});

	it('on arbitrary JSON, bare and placed where settings and resources go', () => {
		fc.assert(
			fc.property(fc.json({ maxDepth: 4 }), (json) => {
				checkSafely(json);
				checkSafely(`{ "secretsManagementSettings": ${json}, "authenticationSettings": ${json} }`);
				checkSafely(extension({ observed: json, polling: json, auth: json }));
				checkSafely(
					template(
						[vm({ identity: `"identity": ${json},` }), extension({ settings: `"x": ${json}` })],
						`"p": { "type": "string", "defaultValue": ${json} }`
					)
				);
			}),
			{ numRuns: 200 }
		);
	});

	it('on random mutations of the fixtures', () => {
		const alphabet = fc.constantFrom(
			'[',
			']',
			'{',
			'}',
			'"',
			"'",
			',',
			':',
			'(',
			')',
			'\\',
			'/',
			' ',
			'\n',
			'a',
			'1',
			'・'
		);
		fc.assert(
			fc.property(
				fc.constantFrom(...fixtures),
				fc.array(fc.tuple(fc.nat(), fc.nat(3), alphabet), { minLength: 1, maxLength: 6 }),
				(text, edits) => {
					let mutated = text;
					for (const [at, remove, insert] of edits) {
						const offset = at % (mutated.length + 1);
						mutated = mutated.slice(0, offset) + insert + mutated.slice(offset + remove);
					}
					checkSafely(mutated);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('on expressions built from random pieces', () => {
		const piece = fc.constantFrom(
			"parameters('p')",
			"variables('v')",
			"concat('a', 'b')",
			"'x'",
			'1',
			"reference('r').secretUri",
			'environment().suffixes.keyvaultDns',
			"format('{0}', 'z')",
			"resourceId('a/b', 'n')",
			'(',
			')',
			',',
			'.',
			'[0]',
			"''",
			'if(',
			'true()'
		);
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
				const expression = JSON.stringify(`[${pieces.join('')}]`);
				checkSafely(
					template(
						[extension({ polling: expression, observed: `[ { "url": ${expression} } ]` })],
						'"p": { "type": "string" }',
						`"v": ${expression}`
					)
				);
			}),
			{ numRuns: 300 }
		);
	});
});

// The properties below assert answers, never elapsed time (a timing bound flaked on a loaded
// machine): a hang still fails them through the test timeout, and super-linear work is held by
// the work budgets (reader-budgets.test.ts) and tests/unit/linear-patterns.test.ts.

const setCommand =
	'Set-AzVMExtension -ResourceGroupName rg -VMName vm1 -Name KeyVaultForWindows -Publisher Microsoft.Azure.KeyVault -Type KeyVaultForWindows -TypeHandlerVersion 3.0';

/** A PowerShell value: hashtables, arrays, strings, variables and noise, nested. */
const psValue: fc.Arbitrary<string> = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		fc.constantFrom(
			"'x'",
			'"https://$kv.vault.azure.net/secrets/$c"',
			'3600',
			'$true',
			'$v',
			'$(Get-Date)',
			"'it''s'",
			'"a`"b"',
			'@',
			'"',
			"'",
			'}',
			')'
		),
		fc
			.tuple(
				fc.array(
					fc.tuple(
						fc.constantFrom(
							'secretsManagementSettings',
							'observedCertificates',
							'url',
							"'k'",
							'pollingIntervalInS',
							''
						),
						tie('value')
					),
					{ maxLength: 4 }
				),
				fc.constantFrom('; ', '\n  ')
			)
			.map(
				([members, separator]) => `@{ ${members.map(([k, v]) => `${k} = ${v}`).join(separator)} }`
			),
		fc.array(tie('value'), { maxLength: 3 }).map((items) => `@(${items.join(', ')})`)
	),
})).value;

describe('the checker never throws or hangs on new inputs', () => {
	it('on PowerShell hashtables, given inline, in variables and through ConvertTo-Json', () => {
		fc.assert(
			fc.property(psValue, fc.constantFrom(0, 1, 2), (value, form) => {
				const script =
					form === 0
						? `${setCommand} -Settings ${value}`
						: form === 1
							? `$s = ${value}\n${setCommand} -SettingString ($s | ConvertTo-Json -Depth 10)`
							: `$s = ${value}\n${setCommand} -Settings $s`;
				checkSafely(script);
			}),
			{ numRuns: 200 }
		);
	});

	it('on here-strings with .Replace chains, closed or not', () => {
		const body = fc.constantFrom(
			'{ "secretsManagementSettings": { "observedCertificates": ["https://{kv}.vault.azure.net/secrets/{c}"] } }',
			'{ "a": "{kv}" ',
			'it\'s { "x": [1, 2,] }',
			'$kv and $(Get-Date) "{c}"',
			''
		);
		const replace = fc.array(
			fc.constantFrom(
				".Replace('{kv}', 'kv-web')",
				".Replace('{c}', $c)",
				'.Replace(',
				".Replace('', 'x')",
				'.Replace("{kv}", "$x")'
			),
			{ maxLength: 3 }
		);
		fc.assert(
			fc.property(
				body,
				replace,
				fc.constantFrom("'", '"'),
				fc.boolean(),
				(text, calls, quote, closed) => {
					const here = `@${quote}\n${text}\n${closed ? `${quote}@` : ''}${calls.join('')}`;
					checkSafely(`$s = ${here}\n${setCommand} -SettingString $s`);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('on strings broken over lines, anywhere in a template', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...fixtures.filter((f) => f.trimStart().startsWith('{'))),
				fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
				fc.constantFrom('\n', '\r\n', '\r'),
				(text, places, lineBreak) => {
					// Break strings at random places inside them.
					let broken = text;
					for (const at of places) {
						const quotes = [...broken.matchAll(/"[^"\\\n]{4,}"/g)];
						const hit = quotes[at % Math.max(1, quotes.length)];
						if (!hit) break;
						const cut = hit.index + 2;
						broken = broken.slice(0, cut) + lineBreak + broken.slice(cut);
					}
					checkSafely(broken);
				}
			),
			{ numRuns: 150 }
		);
	});

	it('on deep inputs: nested arrays, objects, expressions and hashtables', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 20_000 }),
				fc.constantFrom(0, 1, 2, 3, 4),
				(depth, kind) => {
					const text = [
						`{"resources":[${'['.repeat(depth)}${']'.repeat(depth)}]}`,
						`{ "secretsManagementSettings": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)} }`,
						template([
							extension({
								polling: JSON.stringify(
									`[${'concat('.repeat(Math.min(depth, 5000))}'1'${')'.repeat(Math.min(depth, 5000))}]`
								),
							}),
						]),
						`$s = ${'@{ a = '.repeat(Math.min(depth, 2000))}1${' }'.repeat(Math.min(depth, 2000))}\n${setCommand} -Settings $s`,
						`{"resources":[${'['.repeat(depth)}`,
					][kind]!;
					checkSafely(text);
				}
			),
			{ numRuns: 25 }
		);
	}, 180_000);

	it('on wide inputs: many resources, variables and certificates', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 3000 }), fc.constantFrom(0, 1, 2), (width, kind) => {
				const observed = `[${Array.from({ length: width }, (_, i) => `"https://kv.vault.azure.net/secrets/c${i}"`).join(',')}]`;
				const text = [
					template([extension({ observed })]),
					template(
						[extension({ polling: `"[variables('v${width - 1}')]"` })],
						'',
						Array.from(
							{ length: width },
							(_, i) => `"v${i}": "[concat(variables('v${Math.max(0, i - 1)}'), '${i}')]"`
						).join(',')
					),
					template(
						Array.from({ length: Math.min(width, 500) }, (_, i) =>
							extension({ name: `"vm${i % 7}/kv${i}"` })
						)
					),
				][kind]!;
				checkSafely(text);
			}),
			{ numRuns: 15 }
		);
	}, 180_000);
});

/** Every field of a tree as jsonc-parser defines it, parents as the path of their child. */
function shape(node: Node, parent?: Node): unknown {
	expect(node.parent).toBe(parent);
	return {
		type: node.type,
		offset: node.offset,
		length: node.length,
		value: node.value,
		colonOffset: node.colonOffset,
		children: node.children?.map((child) => shape(child, node)),
	};
}

describe('the fast JSONC parser', () => {
	it('builds the same nodes as jsonc-parser (offsets, lengths, colons, parents)', () => {
		const comments = fc.constantFrom(' ', '\n', ' // c\n', ' /* c */ ', '\t', '\r\n');
		fc.assert(
			fc.property(fc.json({ maxDepth: 5 }), comments, fc.boolean(), (json, gap, trailing) => {
				// Whitespace or comments between every token, and trailing commas.
				let text = JSON.stringify(JSON.parse(json), null, 1).replace(/\n/g, gap);
				if (trailing)
					text = text.replace(/(\S)(\s*[}\]])/g, (m, a: string, b: string) =>
						a === '{' || a === '[' || a === ',' ? m : `${a},${b}`
					);
				const fast = parseJsoncFast(text);
				const reference = parseTree(text, [], { allowTrailingComma: true });
				expect(fast).toBeDefined();
				expect(shape(fast!)).toEqual(shape(reference!));
			}),
			{ numRuns: 300 }
		);
	});

	it('finds a property without building the others, as propertyValue does on a full tree', () => {
		const key = fc.constantFrom('type', 'Type', 'TYPE', 'name', 'n\\u0061me', 'résumé', 'İ', 'i');
		const member = fc.tuple(key, fc.json({ maxDepth: 2 }));
		fc.assert(
			fc.property(
				fc.array(member, { maxLength: 6 }),
				key,
				fc.boolean(),
				(members, wanted, loose) => {
					const text = `{ ${members.map(([k, v]) => `"${k}": ${v}`).join(', ')} }`;
					const fast = parseJsoncFast(text)!;
					const reference = parseTree(text, [], { allowTrailingComma: true })!;
					const name = JSON.parse(`"${wanted}"`) as string;
					const found = propertyValue(fast, name, loose);
					expect(found && shape(found, found.parent)).toEqual(
						propertyValue(reference, name, loose) &&
							shape(
								propertyValue(reference, name, loose)!,
								propertyValue(reference, name, loose)!.parent
							)
					);
					// The same node again, and inside the children once they are built.
					expect(propertyValue(fast, name, loose)).toBe(found);
					if (found) expect(fast.children!.some((p) => p.children![1] === found)).toBe(true);
					expect(shape(fast)).toEqual(shape(reference));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('builds the same tree as jsonc-parser on valid JSON', () => {
		fc.assert(
			fc.property(fc.json({ maxDepth: 5 }), fc.boolean(), (json, pretty) => {
				const text = pretty ? JSON.stringify(JSON.parse(json), null, 2) : json;
				const fast = parseJsoncFast(text);
				const reference = parseTree(text, [], { allowTrailingComma: true });
				expect(fast).toBeDefined();
				expect(getNodeValue(fast!)).toEqual(getNodeValue(reference!));
				expect([fast!.offset, fast!.length]).toEqual([reference!.offset, reference!.length]);
			}),
			{ numRuns: 300 }
		);
	});

	it('gives up (for jsonc-parser to recover) on anything it does not fully accept', () => {
		for (const text of [
			'',
			'{',
			'{"a": }',
			'[1,,2]',
			'{"a" 1}',
			'tru',
			'01',
			'"\\x"',
			'"\\u12G4"',
			'"a\tb"',
			'[1.]',
			'[1e]',
			'[-]',
			'truex',
			'{,}',
			'[,]',
			'/* open',
			'{"a": 1} x',
		])
			expect(parseJsoncFast(text)).toBeUndefined();
		expect(getNodeValue(parseJsoncFast('/* c */ { "a": [1, 2,], // x\n }')!)).toEqual({
			a: [1, 2],
		});
	});
});

describe('fixes', () => {
	const broken = {
		certificates: {
			observed:
				'[ { "url": "https://kvprod.vault.azure.net/certificates/web", "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine" } ]',
		},
		version: {
			observed:
				'[ { "url": "https://kvprod.vault.azure.net/secrets/web/0123456789abcdef0123456789abcdef", "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine" } ]',
		},
		trailing: {
			observed:
				'[ { "url": "https://kvprod.vault.azure.net/keys/web/0123456789abcdef0123456789abcdef/", "certificateStoreName": "MY", "certificateStoreLocation": "localMachine" } ]',
		},
		strings: {
			version: '"4.0"',
			observed: '[ "https://kvprod.vault.azure.net/certificates/web" ]',
		},
		polling: { polling: '3600' },
		booleans: { secrets: '"requireInitialSync": "TRUE"' },
		publisher: { publisher: '"Microsoft.Azure.KeyVault.Edp"' },
		versionNumber: { version: '3.0' },
		endpoint: {
			auth: '{ "msiEndpoint": "http:///169.254.169.254/metadata/identity/ouath2/token", "msiClientId": "00000000-0000-0000-0000-000000000000" }',
		},
	};
	it('applying all fixes leaves none of the fixed findings', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.subarray(Object.keys(broken) as Array<keyof typeof broken>, { minLength: 1 }),
				async (keys) => {
					const options = Object.assign({}, ...keys.map((k) => broken[k]));
					const text = template([
						vm(),
						extension({ ...options, name: '"KeyVaultForWindows"' }).replace(
							'"location": "japaneast",',
							'"location": "japaneast",\n  "dependsOn": [ "[resourceId(\'Microsoft.Compute/virtualMachines\', \'vm1\')]" ],'
						),
					]);
					const before = checkSync(text, { path: 't.json' }).diagnostics.filter((d) => d.fix);
					expect(before.length).toBeGreaterThan(0);
					const { files, fixes } = await fixFiles(
						new Map([['t.json', text]]),
						(current) => checkSync(current.get('t.json')!, { path: 't.json' }).diagnostics
					);
					expect(fixes.length).toBeGreaterThan(0);
					const after = checkSync(files.get('t.json')!, { path: 't.json' }).diagnostics;
					const fixedRules = new Set(before.map((d) => d.ruleId));
					expect(after.filter((d) => d.fix)).toEqual([]);
					expect(
						after.filter((d) => fixedRules.has(d.ruleId)).map((d) => `${d.ruleId}: ${d.message}`)
					).toEqual([]);
				}
			),
			{ numRuns: 60 }
		);
	});
});

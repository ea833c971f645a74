import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	applyBaseline,
	buildBaseline,
	diagnosticKey,
	fingerprintDiagnostics,
	parseBaseline,
} from '../../../src/core/check/baseline.ts';
import { checkSync } from '../../../src/core/check/index.ts';

const template = readFileSync(
	new URL('../../../tests/fixtures/check/learn-windows-top-level.json', import.meta.url),
	'utf8'
);

function fingerprints(text: string, path = 'infra/a.json') {
	const result = checkSync(text, { path });
	const map = fingerprintDiagnostics(result.diagnostics, () => text);
	return { result, map, list: result.diagnostics.map((d) => map.get(diagnosticKey(d))!) };
}

describe('baseline fingerprints', () => {
	it('survive lines added above a finding, and change when its own line or file changes', () => {
		const before = fingerprints(template).list;
		expect(before).toHaveLength(3);
		expect(new Set(before).size).toBe(3);
		expect(fingerprints(`\n\n\n${template}`).list).toEqual(before);
		expect(fingerprints(template.replace('mycertificate1', 'other')).list[1]).not.toBe(before[1]);
		expect(fingerprints(template, 'infra/b.json').list[0]).not.toBe(before[0]);
	});

	it('tell identical findings in one file apart by their order', () => {
		const url = '"https://contoso-kv.vault.azure.net/certificates/web"';
		const settings = `{ "secretsManagementSettings": { "pollingIntervalInS": "3600", "observedCertificates": [${url}, ${url}] } }`;
		const { result, list } = fingerprints(settings);
		const kv015 = result.diagnostics
			.map((d, i) => [d.ruleId, list[i]!] as const)
			.filter(([id]) => id === 'KV015');
		expect(kv015).toHaveLength(2);
		expect(kv015[0]![1].replace(/:1$/, ':2')).toBe(kv015[1]![1]);
	});

	it('sets known findings aside and keeps new ones; reads only its own file format', () => {
		const { result, map } = fingerprints(template);
		const baseline = buildBaseline(result.diagnostics.slice(0, 2), map);
		expect(baseline.version).toBe(1);
		expect(baseline.findings.map((f) => f.ruleId)).toEqual(['KV005', 'KV015']);
		const applied = applyBaseline(result.diagnostics, baseline, map, 'kvcert-baseline.json');
		expect(applied.diagnostics.map((d) => d.ruleId)).toEqual(['KV020']);
		expect(applied.known.map((d) => d.suppression)).toEqual([
			{ kind: 'baseline', justification: 'kvcert-baseline.json' },
			{ kind: 'baseline', justification: 'kvcert-baseline.json' },
		]);
		const text = JSON.stringify(baseline);
		expect(parseBaseline(text, 'en')).toEqual({ baseline });
		expect(parseBaseline('{"version":2,"findings":[]}', 'en')).toEqual({
			error: 'not a kvcert baseline file (version 1 with findings).',
		});
		expect(parseBaseline('nope', 'ja')).toEqual({
			error:
				'kvcert のベースライン ファイルではありません (version が 1 で、findings を含む JSON が必要です)。',
		});
	});
});

import { describe, expect, it } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';
import { formatJunit } from '../../../src/core/check/format/junit.ts';

describe('JUnit output', () => {
	const broken = checkSync(
		'{ "secretsManagementSettings": { "pollingIntervalInS": 3600, "observedCertificates": ["https://kv.vault.azure.net/certificates/a<&>\u0001"] } }',
		{ path: 'infra/"odd" & <name>.json' }
	);
	const clean = checkSync(
		'{ "secretsManagementSettings": { "pollingIntervalInS": "3600", "observedCertificates": [{ "url": "https://contoso-kv.vault.azure.net/secrets/web", "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine" }] } }',
		{ path: 'clean.json' }
	);

	it('escapes markup and drops characters XML cannot carry', () => {
		const xml = formatJunit([broken, clean], { lang: 'en', failOn: 'error' });
		expect(xml).toContain('<testsuite name="infra/&quot;odd&quot; &amp; &lt;name&gt;.json"');
		// eslint-disable-next-line no-control-regex -- the test looks for raw control characters
		expect(xml).not.toMatch(/[\u0000-\u0008\v\f\u000e-\u001f]/);
		expect(xml).not.toMatch(/<[^/?!a-z]/);
	});

	it('makes findings at or above fail-on failures, others passing output, and a clean file one passing case', () => {
		const xml = formatJunit([broken, clean], { lang: 'en', failOn: 'error' });
		const errors = broken.diagnostics.filter((d) => d.severity === 'error').length;
		expect(xml).toContain(`failures="${errors}"`);
		expect((xml.match(/<failure /g) ?? []).length).toBe(errors);
		expect(clean.diagnostics).toEqual([]);
		expect(xml).toContain(
			'<testcase classname="clean.json" name="kvcert check clean.json" file="clean.json"/>'
		);
		const withWarning = {
			...broken,
			diagnostics: broken.diagnostics.map((d, i) =>
				i === 0 ? { ...d, severity: 'warning' as const } : d
			),
		};
		const lenient = formatJunit([withWarning], { lang: 'ja', failOn: 'error' });
		expect(lenient).toContain('<system-out>警告[KV010]');
		expect((lenient.match(/<failure /g) ?? []).length).toBe(broken.diagnostics.length - 1);
		const strict = formatJunit([broken], { lang: 'en', failOn: 'info' });
		expect((strict.match(/<failure /g) ?? []).length).toBe(broken.diagnostics.length);
	});

	it('skips suppressed findings with their reason', () => {
		const [first, ...rest] = broken.diagnostics;
		const suppressed = {
			...broken,
			diagnostics: rest,
			suppressed: [
				{ ...first!, suppression: { kind: 'inSource' as const, justification: 'why <not>' } },
			],
		};
		const xml = formatJunit([suppressed], { lang: 'en', failOn: 'error' });
		expect(xml).toContain('<skipped message="why &lt;not&gt;"/>');
		expect(xml).toMatch(/skipped="1"/);
	});
});

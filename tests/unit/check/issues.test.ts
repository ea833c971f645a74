import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';

const directory = new URL('../../fixtures/check/issues/', import.meta.url);

/** Configurations from public failure reports (sources and causes in the folder's README). */
const expected: Record<string, { extensions: number; unread: number; findings: string[] }> = {
	'i1-handler-settings-string.json': {
		extensions: 1,
		unread: 0,
		findings: ['KV051 1:1', 'KV007 5:27'],
	},
	// The JSON string is read all the same (nothing else is wrong in it).
	'i2-vmss-setting-string.ps1': {
		extensions: 1,
		unread: 0,
		findings: ['KV004 10:127', 'KV051 10:142'],
	},
	'i3-authentication-outside-settings.json': {
		extensions: 1,
		unread: 0,
		// KV032: the misplaced block is still read; its msiClientId is the reporter's redaction of an
		// object ID (research P5), which is no client ID either. KV023: the store path /var/cert says
		// Linux (issue 25: bare settings know their OS by their keys), where linkOnRenewal does not exist.
		findings: ['KV051 1:1', 'KV023 5:13', 'KV028 5:30', 'KV009 13:5', 'KV032 15:24'],
	},
	// The docs' settings.json of the report keeps a comma after the last certificate: an info.
	'i4-msi-endpoint-triple-slash.json': {
		extensions: 1,
		unread: 0,
		findings: ['KV050 12:8', 'KV034 15:23'],
	},
	'i5-settings-without-secrets-management.json': {
		extensions: 1,
		unread: 0,
		findings: ['KV004 9:27', 'KV008 11:5'],
	},
	'i6-arc-template-as-documented.json': {
		extensions: 1,
		unread: 0,
		findings: ['KV005 8:15', 'KV004 14:31', 'KV035 16:9'],
	},
};

/** The finding that names the cause each thread settled. */
const cause: Record<string, string> = {
	'i1-handler-settings-string.json': 'settings is a string; it must be a JSON object',
	'i2-vmss-setting-string.ps1':
		'-Setting takes a hashtable (@{ … }): a JSON string here reaches the machine as a string',
	'i3-authentication-outside-settings.json':
		'authenticationSettings is outside settings; move it into settings.',
	'i4-msi-endpoint-triple-slash.json': 'is not an http:// URI with a host',
	'i5-settings-without-secrets-management.json': 'settings has no secretsManagementSettings.',
	'i6-arc-template-as-documented.json': 'On an Arc machine set authenticationSettings.msiEndpoint',
};

describe('configurations from public failure reports', () => {
	it.each(Object.entries(expected))(
		'%s: the cause is found before deployment',
		(name, { extensions, unread, findings }) => {
			const result = checkSync(readFileSync(new URL(name, directory), 'utf8'), { path: name });
			expect(result.extensionCount).toBe(extensions);
			expect(result.unreadSettings).toBe(unread);
			expect(
				result.diagnostics.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}`)
			).toEqual(findings);
			expect(result.diagnostics.some((d) => d.message.includes(cause[name]!))).toBe(true);
		}
	);

	it('says the -Setting mistake in Japanese too', () => {
		const text = readFileSync(new URL('i2-vmss-setting-string.ps1', directory), 'utf8');
		expect(
			checkSync(text, { lang: 'ja' }).diagnostics.find((d) => d.ruleId === 'KV051')?.message
		).toBe(
			'-Setting にはハッシュテーブル (@{ … }) を渡します。JSON の文字列を渡すと settings が文字列のままマシンに届き、拡張機能は "not an object" で失敗します。'
		);
	});
});

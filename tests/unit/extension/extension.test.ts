import { describe, expect, it } from 'vitest';
import {
	allowedAt,
	documentedVersions,
	extensionProfile,
	keysAt,
	placesOf,
	pollingLimits,
	publishedVersions,
	settingKeys,
	versionStatus,
} from '../../../src/core/extension/index.ts';

describe('published versions', () => {
	it('accepts the minor versions public logs show (Linux 2.2.2158.57, Windows 3.1.2195.61)', () => {
		expect(versionStatus('linux', '2.2')).toBe('published');
		expect(versionStatus('windows', '3.1')).toBe('published');
		expect(versionStatus('windows', '3.6')).toBe('published');
	});

	it('refuses invented versions: an unlisted Windows minor is unpublished, a Linux one unlisted', () => {
		expect(versionStatus('windows', '3.4')).toBe('unpublished-minor');
		expect(versionStatus('linux', '3.1')).toBe('unlisted-minor');
		expect(versionStatus('windows', '2.0')).toBe('unknown-major');
		expect(versionStatus('linux', '5.0')).toBe('unknown-major');
		expect(versionStatus('linux', '3.00')).toBe('unlisted-minor');
		expect(versionStatus('windows', '3')).toBeUndefined();
	});

	it('keeps the documented majors of the research notes', () => {
		expect(documentedVersions('windows')).toEqual(['1.0', '3.0', '4.0']);
		expect(documentedVersions('linux')).toEqual(['1.0', '2.0', '3.0', '4.0']);
	});

	it('names a source for every version', () => {
		for (const version of [...publishedVersions.windows, ...publishedVersions.linux])
			expect(version.evidence.length, version.version).toBeGreaterThan(0);
	});
});

describe('profiles', () => {
	it('reads a minor version as its documented major', () => {
		expect(extensionProfile('linux', '2.2')?.version).toBe('2.0');
		expect(extensionProfile('windows', '3.1')?.version).toBe('3.0');
		expect(extensionProfile('windows', '2.0')).toBeUndefined();
	});

	it('gives the polling range of 4.0 on both systems, and when the system is unknown', () => {
		expect(pollingLimits('windows', 4)).toEqual({ min: 300, max: 3600, default: 3600 });
		expect(pollingLimits(undefined, 4)).toEqual({ min: 300, max: 3600, default: 3600 });
		expect(pollingLimits(undefined, 3)).toEqual({});
		expect(pollingLimits('linux', 2)).toEqual({});
	});
});

describe('settings schema', () => {
	it('places each key where the documentation puts it, per system and version', () => {
		expect(allowedAt('requireInitialSync', 'secretsManagementSettings', 'linux', 2)).toBe(true);
		expect(allowedAt('requireInitialSync', 'secretsManagementSettings', 'windows', 4)).toBe(false);
		expect(allowedAt('certificateStoreName', 'secretsManagementSettings', 'windows', 1)).toBe(true);
		expect(allowedAt('certificateStoreName', 'secretsManagementSettings', 'windows', 3)).toBe(
			false
		);
		expect(placesOf('msiClientId')).toEqual(['authenticationSettings']);
		expect(placesOf('url', 'windows', 1)).toEqual([]);
		expect(keysAt('settings', 'windows', 3)).toEqual([
			'secretsManagementSettings',
			'authenticationSettings',
		]);
	});

	it('has one entry per key and a source for each', () => {
		expect(new Set(settingKeys.map((k) => k.name)).size).toBe(settingKeys.length);
		for (const key of settingKeys) expect(key.sources.length, key.name).toBeGreaterThan(0);
	});
});

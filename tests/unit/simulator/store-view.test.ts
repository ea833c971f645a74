import { describe, expect, test } from 'vitest';
import { translatorFor } from '../../../src/core/i18n/index.ts';
import { uiStrings } from '../../../src/core/i18n/ui-strings.ts';
import type { LivePollEvent } from '../../../src/core/simulate/live-protocol.ts';
import { scriptedVersion } from '../../../src/core/simulate/index.ts';
import {
	RETRYING_MESSAGE,
	filesTable,
	pollFromLive,
	statusView,
	storeTable,
	vmTime,
} from '../../../src/components/widgets/renewal-simulator/store-view.ts';
import {
	applyAction,
	initialTimeline,
	runTimeline,
	type TimelineAction,
} from '../../../src/components/widgets/renewal-simulator/timeline.ts';

const t = { ja: translatorFor(uiStrings('ja'), 'ja'), en: translatorFor(uiStrings('en'), 'en') };
const after = (os: 'windows' | 'linux', version: string, ...actions: TimelineAction[]) =>
	runTimeline(actions.reduce(applyAction, initialTimeline(os, version))).polls.at(-1);
const FIRST = scriptedVersion('webcert', 1, 0).thumbprint;
const RENEWED = scriptedVersion('webcert', 2, 0).thumbprint;

describe('simulator status', () => {
	test('before the first poll, after a good poll, while waiting for the initial sync', () => {
		expect(statusView(undefined, t.en)).toEqual({ text: 'Not started', tone: 'none' });
		expect(statusView(after('windows', '3.0'), t.en)).toEqual({ text: 'Success', tone: 'ok' });
		expect(statusView(after('windows', '3.0'), t.ja).text).toBe('成功');
	});

	test('a poll that gets 403 reads as a failure with the status message, not as success', () => {
		const revoked = after('windows', '3.0', 'revoke', 'poll');
		expect(revoked?.failed).toBe(true);
		expect(statusView(revoked, t.en)).toEqual({
			text: 'Failed (retrying)',
			tone: 'error',
			message: RETRYING_MESSAGE,
		});
		expect(statusView(revoked, t.ja).text).toBe('失敗 (再試行中)');
		// The log says the same thing the status says.
		expect(revoked?.log.some((l) => l.kind === 'extension' && l.text === RETRYING_MESSAGE)).toBe(
			true
		);
	});

	test('access granted again: the next poll succeeds and the status says so', () => {
		const back = after('windows', '3.0', 'revoke', 'poll', 'grant', 'poll');
		expect(back?.failed).toBe(false);
		expect(statusView(back, t.en).tone).toBe('ok');
	});

	test('no identity and a deleted certificate fail too', () => {
		expect(statusView(after('linux', '3.0', 'remove-identity', 'poll'), t.en).tone).toBe('error');
		expect(statusView(after('windows', '4.0', 'delete', 'poll'), t.en).tone).toBe('error');
	});
});

describe('store table', () => {
	test('renew and poll: both versions, the old one renewed by the new (Windows linking)', () => {
		const view = storeTable(after('windows', '3.0', 'renew', 'poll'), t.en);
		expect(view.caption).toBe('Certificates the extension installed in LocalMachine\\MY');
		expect(view.empty).toBeUndefined();
		expect(view.rows.map((r) => r.key)).toEqual([FIRST, RENEWED]);
		const [old, renewed] = view.rows;
		expect(old!.cells['thumbprint']).toEqual({ kind: 'hex', value: FIRST });
		expect(old!.cells['renewedBy']).toEqual({ kind: 'hex', value: RENEWED });
		expect(old!.cells['subject']).toEqual({
			kind: 'name',
			value: 'CN=www.contoso.test, O=Contoso',
		});
		expect(renewed!.cells['renewedBy']).toEqual({ kind: 'text', text: '–' });
		expect(old!.cells['notBefore']).toEqual({
			kind: 'parts',
			parts: ['2025-03-11', '09:00 UTC'],
		});
		expect(old!.cells['privateKey']).toEqual({ kind: 'text', text: 'Yes (not exportable)' });
		const v1 = storeTable(after('windows', '1.0'), t.en);
		expect(v1.rows[0]!.cells['privateKey']).toEqual({
			kind: 'text',
			text: 'Yes (export: undocumented)',
		});
		expect(Object.keys(old!.cells)).toEqual([
			'thumbprint',
			'subject',
			'notBefore',
			'notAfter',
			'privateKey',
			'renewedBy',
		]);
	});

	test('nothing installed: a sentence, and the caption without a store', () => {
		const empty = storeTable(undefined, t.ja);
		expect(empty).toEqual({
			caption: '拡張機能がインストールした証明書',
			rows: [],
			empty: 'インストールされたものはありません。',
		});
	});

	test('Linux: store folder in the caption, private key without an export column', () => {
		const view = storeTable(after('linux', '3.0'), t.ja);
		expect(view.caption).toMatch(/^拡張機能が \/var\/lib\/waagent\/.+ にインストールした証明書$/);
		expect(view.rows[0]!.cells['privateKey']).toEqual({ kind: 'text', text: 'あり' });
	});
});

describe('files table', () => {
	test('Linux 3.0 after a renewal: files and the symbolic link, paths that wrap at separators', () => {
		const poll = after('linux', '3.0', 'renew', 'poll');
		const view = filesTable(poll!.files, t.ja);
		expect(view.caption).toBe('拡張機能が書き込んだファイルとシンボリック リンク');
		const link = view.rows.find(
			(r) => r.cells['kind']?.kind === 'text' && r.cells['kind'].text === 'シンボリック リンク'
		);
		expect(link?.cells['path']?.kind).toBe('path');
		expect(link?.cells['target']?.kind).toBe('path');
		expect(view.rows.length).toBe(poll!.files.length);
	});

	test('no files: a sentence', () => {
		expect(filesTable([], t.en)).toEqual({
			caption: 'Files and symbolic links the extension wrote',
			rows: [],
			empty: 'No files.',
		});
	});
});

describe('live polls', () => {
	const event: LivePollEvent = {
		index: 2,
		at: 1_767_603_600,
		status: 'success',
		failed: true,
		vault: [],
		trace: [{ method: 'GET', path: '/secrets/webcert/', status: 403 }],
		access: false,
		certificates: [
			{
				store: 'LocalMachine\\MY',
				version: 'a'.repeat(32),
				subject: 'CN=www.contoso.test',
				thumbprint: FIRST,
				notBefore: 1_767_603_600,
				notAfter: 1_799_139_600,
				hasPrivateKey: true,
			},
		],
		files: [],
		log: [{ level: 'error', text: 'x' }],
	};

	test('become poll results the store, the chooser and the exercise read like scripted ones', () => {
		const poll = pollFromLive(event, 'webcert');
		expect(poll).toMatchObject({ index: 2, at: event.at, status: 'success', failed: true });
		expect(poll.certificates[0]).toMatchObject({
			certificateName: 'webcert',
			thumbprint: FIRST,
			sans: [],
			keyExportable: 'not-applicable',
			installedAt: event.at,
		});
		expect(statusView(poll, t.en).tone).toBe('error');
		expect(storeTable(poll, t.en).rows[0]!.cells['privateKey']).toEqual({
			kind: 'text',
			text: 'Yes',
		});
		expect(vmTime(poll)).toBe('2026-01-05 09:00 UTC');
	});

	test('an older server without `failed` still reads a poll error as a failure', () => {
		const { failed: _, ...old } = event;
		expect(pollFromLive(old, 'webcert').failed).toBe(false);
		expect(pollFromLive({ ...old, error: 'The poll failed' }, 'webcert').failed).toBe(true);
	});
});

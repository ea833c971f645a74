import { describe, expect, test } from 'vitest';
import { translatorFor } from '../../../src/core/i18n/index.ts';
import { uiStrings } from '../../../src/core/i18n/ui-strings.ts';
import { scriptedVersion } from '../../../src/core/simulate/index.ts';
import {
	eventSummary,
	liveNews,
	liveSummary,
	pollSummary,
	shortThumbprint,
} from '../../../src/components/widgets/renewal-simulator/change-summary.ts';
import {
	applyAction,
	initialTimeline,
	runTimeline,
	type TimelineAction,
} from '../../../src/components/widgets/renewal-simulator/timeline.ts';

const t = { ja: translatorFor(uiStrings('ja'), 'ja'), en: translatorFor(uiStrings('en'), 'en') };
const last = (...actions: TimelineAction[]) =>
	runTimeline(actions.reduce(applyAction, initialTimeline('windows', '3.0'))).polls.at(-1);
const FIRST = shortThumbprint(scriptedVersion('webcert', 1, 0).thumbprint);
const RENEWED = shortThumbprint(scriptedVersion('webcert', 2, 0).thumbprint);

describe('what an action changed, in one line', () => {
	test('a poll after a renewal installs the new version and links the old one to it', () => {
		const before = last('renew');
		const after = last('renew', 'poll');
		expect(pollSummary(2, before, after, t.en, 'en')).toBe(
			`Poll 2: installed ${RENEWED}, linked the renewal`
		);
		expect(pollSummary(2, before, after, t.ja, 'ja')).toBe(
			`ポーリング 2: ${RENEWED} をインストール、更新のリンクを設定`
		);
	});

	test('the first poll installs the certificate; a quiet poll says nothing changed', () => {
		expect(pollSummary(1, undefined, last(), t.en, 'en')).toBe(`Poll 1: installed ${FIRST}`);
		expect(pollSummary(2, last(), last('poll'), t.en, 'en')).toBe('Poll 2: no change');
		expect(pollSummary(2, last(), last('poll'), t.ja, 'ja')).toBe('ポーリング 2: 変化なし');
	});

	test('a poll after access was revoked says it failed', () => {
		const summary = pollSummary(3, last('revoke'), last('revoke', 'poll'), t.ja, 'ja');
		expect(summary).toBe('ポーリング 3: 状態は「失敗 (再試行中)」');
		expect(pollSummary(3, last('revoke'), last('revoke', 'poll'), t.en, 'en')).toBe(
			'Poll 3: status is Failed (retrying)'
		);
	});

	test('a poll that works again after access was granted says the status changed back', () => {
		const before = last('revoke', 'poll', 'grant');
		expect(pollSummary(4, before, last('revoke', 'poll', 'grant', 'poll'), t.en, 'en')).toBe(
			'Poll 4: status is Success'
		);
		expect(pollSummary(4, before, last('revoke', 'poll', 'grant', 'poll'), t.ja, 'ja')).toBe(
			'ポーリング 4: 状態は「成功」'
		);
	});

	test('live mode: the summary says which poll it is from, so the counter going on does not contradict it', () => {
		// It stays up while later polls change nothing: "Poll 3: …" would read as the poll now.
		const failed = last('revoke', 'poll')!;
		expect(liveSummary(3, last('revoke'), failed, t.ja, 'ja')).toBe(
			'直近の変化 (ポーリング 3): 状態は「失敗 (再試行中)」'
		);
		expect(liveSummary(3, last('revoke'), failed, t.en, 'en')).toBe(
			'Last change (poll 3): status is Failed (retrying)'
		);
		// The poll right after a click, when nothing changed: a time point, not "poll N: no change".
		expect(liveSummary(2, last(), last('poll')!, t.ja, 'ja')).toBe('ポーリング 2 の時点で変化なし');
		expect(liveSummary(2, last(), last('poll')!, t.en, 'en')).toBe('No change as of poll 2');
	});

	test('a certificate gone from the store is named', () => {
		const before = last();
		const after = { ...before!, certificates: [] };
		expect(pollSummary(2, before, after, t.en, 'en')).toBe(`Poll 2: removed ${FIRST}`);
	});

	test('a vault event says the VM sees it at the next poll', () => {
		expect(eventSummary('Renew in Key Vault', t.en)).toBe(
			'Done: Renew in Key Vault. The VM sees it at the next poll.'
		);
		expect(eventSummary('Key Vault で更新', t.ja)).toBe(
			'「Key Vault で更新」を実行しました。VM には次のポーリングで反映されます。'
		);
	});
});

describe('which live polls get a new summary', () => {
	test('a changed store or status does; the same failure again does not', () => {
		expect(liveNews(undefined, last()!, t.en)).toBe(true);
		expect(liveNews(last(), last('poll')!, t.en)).toBe(false);
		expect(liveNews(last('renew'), last('renew', 'poll')!, t.en)).toBe(true);
		expect(liveNews(last('revoke'), last('revoke', 'poll')!, t.en)).toBe(true);
		expect(liveNews(last('revoke', 'poll'), last('revoke', 'poll', 'poll')!, t.en)).toBe(false);
	});
});

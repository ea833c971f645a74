import { describe, expect, test } from 'vitest';
import { translatorFor } from '../../../src/core/i18n/index.ts';
import { uiStrings } from '../../../src/core/i18n/ui-strings.ts';
import {
	LIVE_LOG_MAX_LINES,
	appendLivePoll,
	emptyLiveLog,
} from '../../../src/components/widgets/renewal-simulator/live-log.ts';

const t = { ja: translatorFor(uiStrings('ja'), 'ja'), en: translatorFor(uiStrings('en'), 'en') };
const poll = (time: string, ...texts: string[]) => texts.map((text) => `${time} [INFO] ${text}`);
const refresh = "Refreshing 'https://kvcert-demo.vault.azure.net/secrets/webcert'";
const nothing = '[simulator] Nothing new in the vault: the store is unchanged.';

describe('live log', () => {
	test('polls that say the same again count up one line instead of adding lines every poll', () => {
		let log = emptyLiveLog();
		log = appendLivePoll(log, poll('2026-01-05T09:00:00Z', 'Found', refresh), '09:00', t.en);
		log = appendLivePoll(log, poll('2026-01-05T09:00:02Z', refresh, nothing), '09:00:02', t.en);
		expect(log.lines).toHaveLength(4);
		for (let i = 3; i < 40; i++)
			log = appendLivePoll(
				log,
				poll(`2026-01-05T09:00:${i}Z`, refresh, nothing),
				`09:00:${i}`,
				t.en
			);
		expect(log.lines).toHaveLength(5);
		expect(log.lines.at(-1)).toBe('… 37 more polls said the same (the last at 09:00:39).');
		expect(log.lines.filter((l) => l.includes('Nothing new'))).toHaveLength(1);
	});

	test('one repeat reads in the singular; Japanese has one form', () => {
		let log = appendLivePoll(
			emptyLiveLog(),
			poll('2026-01-05T09:00:01Z', refresh, nothing),
			'a',
			t.en
		);
		log = appendLivePoll(log, poll('2026-01-05T09:00:02Z', refresh, nothing), 'b', t.en);
		expect(log.lines.at(-1)).toBe('… 1 more poll said the same (the last at b).');
		let ja = appendLivePoll(
			emptyLiveLog(),
			poll('2026-01-05T09:00:01Z', refresh, nothing),
			'a',
			t.ja
		);
		ja = appendLivePoll(ja, poll('2026-01-05T09:00:02Z', refresh, nothing), 'b', t.ja);
		expect(ja.lines.at(-1)).toBe('… 同じ内容のポーリングがさらに 1 回ありました (最後は b)。');
	});

	test('something new after repeats: the summary stays and the new lines follow', () => {
		let log = emptyLiveLog();
		for (const time of ['1', '2', '3'])
			log = appendLivePoll(log, poll(`2026-01-05T09:00:0${time}Z`, refresh, nothing), time, t.en);
		log = appendLivePoll(log, poll('2026-01-05T09:00:04Z', refresh, 'Installed F5DF…'), '4', t.en);
		expect(log.lines.slice(-3)).toEqual([
			'… 1 more poll said the same (the last at 3).'.replace('1 more poll', '2 more polls'),
			...poll('2026-01-05T09:00:04Z', refresh, 'Installed F5DF…'),
		]);
		expect(log.repeats).toBe(0);
	});

	test('the log keeps the newest lines only', () => {
		let log = emptyLiveLog();
		for (let i = 0; i < 400; i++)
			log = appendLivePoll(log, [`line ${i}a`, `line ${i}b`], `${i}`, t.en);
		expect(log.lines).toHaveLength(LIVE_LOG_MAX_LINES);
		expect(log.lines.at(-1)).toBe('line 399b');
	});
});

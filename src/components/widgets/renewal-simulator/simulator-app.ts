import { translatorFor, type Lang, type Translate } from '../../../core/i18n/index.ts';
import type { LiveControlAction, LiveSessionEvent } from '../../../core/simulate/live-protocol.ts';
import { formatLogLine } from '../../../core/simulate/messages.ts';
import type { PollResult, SimOs } from '../../../core/simulate/types.ts';
import { storeAsFormatList } from '../../../core/select/index.ts';
import { noAnswerWait } from '../api-refusal.ts';
import { fillMessageRow, fillRows } from '../tables/render-cell.ts';
import { eventSummary, liveNews, liveSummary, pollSummary } from './change-summary.ts';
import {
	isLiveAction,
	liveInterval,
	liveModeAvailable,
	openLiveStream,
	sendControl,
	type LiveStream,
} from './live-client.ts';
import { appendLivePoll, emptyLiveLog, type LiveLog } from './live-log.ts';
import { SIM_UPDATE_EVENT, type SimUpdateDetail } from './sim-update.ts';
import {
	filesTable,
	pollFromLive,
	statusView,
	storeTable,
	vmTime,
	type TableView,
} from './store-view.ts';
import {
	applyAction,
	initialTimeline,
	runTimeline,
	type TimelineAction,
	type TimelineState,
} from './timeline.ts';

/** Actions on the scripted timeline only: hidden while live mode runs. */
const SCRIPTED_ONLY = '[data-scripted]';

/**
 * The renewal simulator on a page: the scripted timeline, and live mode when the server offers it.
 * `root` holds the markup of RenewalSimulator.astro; strings come from its data-strings.
 */
export class SimulatorApp {
	readonly #root: HTMLElement;
	readonly #lang: Lang;
	readonly #t: Translate;
	#state: TimelineState;
	#live: LiveStream | undefined;
	/** A live action was sent: the next poll announces its result whatever it changed. */
	#awaitingPoll = false;
	#session: LiveSessionEvent | undefined;
	/** An action clicked while live mode was (re)starting: sent when the session is up. */
	#pendingLive: { action: LiveControlAction; label: string } | undefined;
	#liveLog: LiveLog = emptyLiveLog();
	/** The poll on screen (scripted or live): what "use this store" and the event hand on. */
	#shown: PollResult | undefined;
	/** Seconds between live polls: the field's last valid value. */
	#interval = 2;

	constructor(root: HTMLElement, lang: Lang, strings: Record<string, string>) {
		this.#root = root;
		this.#lang = lang;
		this.#t = translatorFor(strings, lang);
		this.#state = this.#initial();
		const select = this.#q<HTMLSelectElement>('[data-version]');
		select.addEventListener('change', () => (this.#live ? this.#startLive() : this.#reset()));
		this.#q('[data-reset]').addEventListener('click', () => {
			this.#reset();
			this.#announce(this.#t('kvcert.simulator.change.reset'), true);
		});
		for (const button of root.querySelectorAll<HTMLButtonElement>('[data-action]'))
			button.addEventListener('click', () =>
				this.#act(button.dataset['action'] ?? '', button.textContent?.trim() ?? '')
			);
		this.#q('[data-live-interval]').addEventListener('change', () => this.#changeInterval());
		const copy = this.#q<HTMLButtonElement>('[data-copy-store]');
		// The button hands the store to a chooser on the same page; without one it has no use.
		copy.hidden = !document.querySelector('kvcert-certificate-chooser');
		copy.addEventListener('click', () => this.#copyStore());
		const liveSwitch = this.#q<HTMLInputElement>('[data-live-switch]');
		liveSwitch.addEventListener('change', () =>
			liveSwitch.checked ? this.#startLive() : this.#stopLive()
		);
		this.#render();
		void this.#checkLive(0);
	}

	/**
	 * Shows the live switch when the server offers live mode. No answer (a starved room) is not "no
	 * server": the switch shows disabled with the reason, and the page asks again until it answers.
	 */
	async #checkLive(tries: number): Promise<void> {
		const { available, refusal, unanswered } = await liveModeAvailable(this.#lang);
		const liveSwitch = this.#q<HTMLInputElement>('[data-live-switch]');
		this.#q('[data-live-row]').hidden = !available && !unanswered;
		liveSwitch.disabled = !available;
		if (refusal) this.#showLiveNote(refusal);
		if (!unanswered) {
			if (available && tries > 0) this.#q('[data-live-intro]').hidden = true;
			return;
		}
		const wait = noAnswerWait(tries);
		this.#showLiveNote(this.#t('kvcert.simulator.liveUnanswered', { seconds: wait / 1000 }));
		setTimeout(() => void this.#checkLive(tries + 1), wait);
	}

	/** Stops live mode (the element left the page). */
	destroy(): void {
		this.#live?.close();
		this.#live = undefined;
	}

	#q<T extends HTMLElement>(selector: string): T {
		return this.#root.querySelector(selector) as T;
	}

	#initial(): TimelineState {
		const [os, version] = this.#q<HTMLSelectElement>('[data-version]').value.split(':') as [
			SimOs,
			string,
		];
		return initialTimeline(os, version);
	}

	#reset(): void {
		this.#state = this.#initial();
		this.#render();
	}

	/** Runs a button's action and says, beside the buttons, what it changed. */
	#act(action: string, label: string): void {
		if (this.#live) {
			if (!isLiveAction(action)) return;
			// Live mode is (re)starting, e.g. after a new interval: the action goes once the new
			// session has polled once (so the VM has the version before it), never to the old one
			// or nowhere.
			if (this.#session && this.#shown) this.#sendLive(this.#session.id, action, label);
			else {
				this.#pendingLive = { action, label };
				this.#announce(this.#t('kvcert.simulator.liveQueued', { action: label }), true);
			}
			return;
		}
		const before = this.#shown;
		this.#state = applyAction(this.#state, action as TimelineAction);
		this.#render();
		this.#announce(
			action === 'poll'
				? pollSummary(this.#state.polls, before, this.#shown, this.#t, this.#lang)
				: eventSummary(label, this.#t),
			true
		);
	}

	/** Sends a live action to the session's vault and says what came of it. */
	#sendLive(session: string, action: LiveControlAction, label: string): void {
		void sendControl(session, action, this.#lang).then((result) => {
			// The next poll says what came of it, even when a poll already showed it.
			this.#awaitingPoll = result.ok;
			this.#announce(
				result.ok
					? eventSummary(label, this.#t)
					: result.message || this.#t('kvcert.simulator.liveSendFailed', { action: label }),
				true
			);
		});
	}

	/**
	 * The one-line summary beside the buttons (a polite live region). After a click it and the state
	 * line are brought on screen when they are not (a phone, the button low on the screen).
	 */
	#announce(message: string, reveal = false): void {
		const summary = this.#q('[data-announce]');
		summary.textContent = message;
		if (!reveal || !message) return;
		// The state line below it too: the status is what a poll changes first.
		const state = this.#q('[data-state]');
		if (state.getBoundingClientRect().bottom > window.innerHeight)
			state.scrollIntoView({ block: 'nearest' });
		if (summary.getBoundingClientRect().top < 0) summary.scrollIntoView({ block: 'nearest' });
	}

	/** A new polling interval: refused with a message outside 1–30; live mode restarts with it. */
	#changeInterval(): void {
		const field = this.#q<HTMLInputElement>('[data-live-interval]');
		const seconds = liveInterval(field.value);
		this.#q('[data-interval-error]').hidden = seconds !== undefined;
		field.setAttribute('aria-invalid', String(seconds === undefined));
		if (seconds === undefined) return;
		this.#interval = seconds;
		if (this.#live) this.#startLive();
	}

	/** The scripted timeline's newest poll on screen. */
	#render(): void {
		const sim = runTimeline(this.#state);
		const last = sim.polls.at(-1);
		const lines = [...sim.startLog, ...sim.polls.flatMap((p) => p.log)];
		this.#q('[data-log]').textContent = lines.map((l) => formatLogLine(l, this.#lang)).join('\n');
		const disable = (action: string, off: boolean) => {
			const button = this.#root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
			if (button) button.disabled = off;
		};
		disable('revoke', !this.#state.access);
		disable('grant', this.#state.access);
		disable('remove-identity', !this.#state.identity);
		disable('restore-identity', this.#state.identity);
		this.#show(last, sim.polls.length, this.#state.os === 'linux');
	}

	/** The state line, the store, the files, the announcement and the event, for a poll. */
	#show(poll: PollResult | undefined, pollCount: number, linux: boolean): void {
		this.#shown = poll;
		this.#q('[data-time]').textContent = vmTime(poll);
		this.#q('[data-poll]').textContent = String(pollCount);
		const status = statusView(poll, this.#t);
		const statusCell = this.#q('[data-status]');
		statusCell.textContent = status.text;
		statusCell.dataset['tone'] = status.tone;
		this.#q('[data-status-message-row]').hidden = !status.message;
		this.#q('[data-status-message]').textContent = status.message ?? '';
		this.#fill('store', storeTable(poll, this.#t), 6);
		this.#q('[data-files-section]').hidden = !linux;
		if (linux) this.#fill('files', filesTable(poll?.files ?? [], this.#t), 4);
		const detail: SimUpdateDetail = { poll: poll ?? null, live: Boolean(this.#live) };
		this.#root.dispatchEvent(new CustomEvent(SIM_UPDATE_EVENT, { bubbles: true, detail }));
	}

	#fill(name: 'store' | 'files', view: TableView, columns: number): void {
		const table = this.#q<HTMLTableElement>(`[data-${name}]`);
		table.querySelector('caption')!.textContent = view.caption;
		const body = table.tBodies[0]!;
		if (view.empty) fillMessageRow(body, columns, view.empty);
		else
			fillRows(
				body,
				this.#q<HTMLTemplateElement>(`[data-${name}-row]`),
				view.rows,
				name === 'store' ? 'thumbprint' : 'path'
			);
	}

	#copyStore(): void {
		const chooser = document.querySelector('kvcert-certificate-chooser');
		if (!this.#shown || !chooser) return;
		chooser.dispatchEvent(
			new CustomEvent('kvcert-use-store', {
				detail: { text: storeAsFormatList(this.#shown.certificates), now: this.#shown.at },
			})
		);
		this.#announce(this.#t('kvcert.simulator.copied'));
	}

	#setLiveLayout(on: boolean, message?: string): void {
		for (const element of this.#root.querySelectorAll<HTMLElement>(SCRIPTED_ONLY))
			element.hidden = on;
		const note = this.#q('[data-live-intro]');
		note.textContent = on ? '' : (message ?? '');
		note.hidden = !note.textContent;
		this.#q('[data-live-about]').hidden = !on;
		this.#q('[data-interval-field]').hidden = !on;
		this.#q('[data-interval-error]').hidden = true;
		this.#q('[data-trace-section]').hidden = !on;
		for (const action of ['revoke', 'grant', 'renew', 'disable']) {
			const button = this.#root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
			if (button) button.disabled = false;
		}
	}

	#startLive(): void {
		this.#live?.close();
		const [os = '', version = ''] = this.#q<HTMLSelectElement>('[data-version]').value.split(':');
		this.#session = undefined;
		this.#shown = undefined;
		this.#liveLog = emptyLiveLog();
		this.#setLiveLayout(true);
		this.#live = openLiveStream(
			{
				os,
				version,
				interval: String(this.#interval),
				lang: this.#lang,
			},
			{
				session: (event) => {
					this.#session = event;
					// A refusal that was being retried is over: its note goes.
					this.#q('[data-live-intro]').hidden = true;
					this.#announce(this.#t('kvcert.simulator.liveStarted', { interval: event.interval }));
				},
				poll: (event) => {
					const poll = pollFromLive(event, this.#session?.certificate ?? 'webcert');
					const lines = [...event.log.map((l) => l.text), ...(event.error ? [event.error] : [])];
					this.#liveLog = appendLivePoll(this.#liveLog, lines, vmTime(poll), this.#t);
					this.#q('[data-log]').textContent = this.#liveLog.lines.join('\n');
					this.#q('[data-trace]').textContent = event.trace
						.map((r) => `${r.method} ${r.path} → ${r.status}`)
						.join('\n');
					const revoke = this.#root.querySelector<HTMLButtonElement>('[data-action="revoke"]');
					const grant = this.#root.querySelector<HTMLButtonElement>('[data-action="grant"]');
					if (revoke) revoke.disabled = !event.access;
					if (grant) grant.disabled = event.access;
					const before = this.#shown;
					this.#show(poll, event.index + 1, poll.files.length > 0);
					const pending = this.#pendingLive;
					this.#pendingLive = undefined;
					if (pending && this.#session)
						this.#sendLive(this.#session.id, pending.action, pending.label);
					// Polls that change nothing (most of them) leave the last summary standing.
					if (this.#awaitingPoll || liveNews(before, poll, this.#t)) {
						this.#awaitingPoll = false;
						this.#announce(liveSummary(event.index + 1, before, poll, this.#t, this.#lang));
					}
				},
				end: (event) =>
					this.#stopLive(this.#t('kvcert.simulator.liveEnded', { message: event.message })),
				lost: () => this.#stopLive(this.#t('kvcert.simulator.liveLost')),
				refused: (text, retrying) => (retrying ? this.#showLiveNote(text) : this.#stopLive(text)),
			}
		);
	}

	/** Says why live mode cannot run (yet), in the server's words. */
	#showLiveNote(text: string): void {
		const intro = this.#q('[data-live-intro]');
		intro.hidden = false;
		intro.textContent = text;
	}

	#stopLive(message?: string): void {
		this.#live?.close();
		this.#live = undefined;
		this.#session = undefined;
		this.#pendingLive = undefined;
		this.#q<HTMLInputElement>('[data-live-switch]').checked = false;
		this.#setLiveLayout(false, message);
		this.#render();
		if (message) this.#announce(message);
	}
}

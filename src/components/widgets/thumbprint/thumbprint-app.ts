import { translatorFor, type Lang, type Translate } from '../../../core/i18n/index.ts';
import type {
	ThumbprintsResponse,
	VaultCertificateVersion,
	VaultModeResponse,
} from '../../../core/thumbprint/types.ts';
import { vmCommands } from '../../../core/thumbprint/vm-commands.ts';
import { renderCell } from '../tables/render-cell.ts';
import { fetchVersions, loadVaultMode, vaultUrlFor } from './api.ts';
import {
	fileErrorKey,
	fileMatch,
	onVmCells,
	pasteResult,
	versionRows,
	type Verdict,
} from './versions-view.ts';
import { demoOnlyRefusal, vaultHint } from './vault-field.ts';

const ICONS = { ok: '✓', warn: '⚠', info: 'ℹ' } as const;

/**
 * The thumbprint tool on a page: fetch a certificate's versions, compare pasted VM output, compute
 * a file's thumbprint. `root` holds ThumbprintTool.astro's markup; what it shows comes from
 * versions-view.ts.
 */
export class ThumbprintApp {
	readonly #root: HTMLElement;
	readonly #lang: Lang;
	readonly #t: Translate;
	#versions: VaultCertificateVersion[] = [];
	#certificateName = '';
	#live = false;
	/** The demo vault's loopback URL: used when the vault field is left empty, never shown. */
	#demoVaultUrl = '';
	/** Which vaults the server reads, once it has said. */
	#mode: VaultModeResponse['mode'] | undefined;
	#pasteTimer: ReturnType<typeof setTimeout> | undefined;
	/** The last file chosen: typing its password reads it again. */
	#file: File | undefined;

	constructor(root: HTMLElement, lang: Lang, strings: Record<string, string>) {
		this.#root = root;
		this.#lang = lang;
		this.#t = translatorFor(strings, lang);
		this.#q<HTMLFormElement>('[data-fetch-form]').addEventListener('submit', (event) => {
			event.preventDefault();
			void this.#fetchVersions();
		});
		this.#q('[data-paste]').addEventListener('input', () => {
			clearTimeout(this.#pasteTimer);
			this.#pasteTimer = setTimeout(() => this.#compare(), 150);
		});
		this.#q<HTMLInputElement>('[data-file]').addEventListener('change', (event) => {
			const file = (event.target as HTMLInputElement).files?.[0];
			if (file) void this.#computeFile(file);
		});
		// Enter in the password field reads the same file again: no need to choose it a second time.
		this.#q('[data-password]').addEventListener('keydown', (event) => {
			if (event.key !== 'Enter' || !this.#file) return;
			event.preventDefault();
			void this.#computeFile(this.#file);
		});
		const drop = this.#q('[data-drop]');
		drop.addEventListener('dragover', (event) => {
			event.preventDefault();
			drop.classList.add('over');
		});
		drop.addEventListener('dragleave', () => drop.classList.remove('over'));
		drop.addEventListener('drop', (event) => {
			event.preventDefault();
			drop.classList.remove('over');
			const file = event.dataTransfer?.files?.[0];
			if (file) void this.#computeFile(file);
		});
		for (const button of root.querySelectorAll<HTMLButtonElement>('[data-copy]'))
			button.addEventListener('click', () => void this.#copy(button));
		for (const input of root.querySelectorAll('[data-vault], [data-name]'))
			input.addEventListener('input', () => {
				this.#showVaultHint();
				this.#renderCommands();
			});
		this.#renderCommands();
	}

	#q<T extends HTMLElement>(selector: string): T {
		return this.#root.querySelector(selector) as T;
	}

	/** Asks the server what it reads; resolves to whether the page has one (`live`) or not. */
	async loadMode(): Promise<'live' | 'static'> {
		const note = this.#q('[data-mode-note]');
		const result = await loadVaultMode(this.#lang, (text) => (note.textContent = text));
		if (result.kind !== 'live') {
			this.#live = false;
			note.textContent =
				result.kind === 'refused' ? result.message : this.#t('kvcert.thumbprint.fetch.staticNote');
			return 'static';
		}
		const { mode } = result;
		this.#live = true;
		this.#mode = mode.mode;
		this.#demoVaultUrl = mode.demoVaultUrl ?? '';
		this.#showVaultHint();
		this.#q('[data-names]').replaceChildren(
			...(mode.demoCertificates ?? []).map((n) =>
				Object.assign(document.createElement('option'), { value: n })
			)
		);
		note.textContent =
			mode.mode === 'azure'
				? this.#t('kvcert.thumbprint.fetch.azureHint')
				: this.#t('kvcert.thumbprint.fetch.demoNames', {
						names: (mode.demoCertificates ?? []).join(', '),
					});
		this.#renderCommands();
		return 'live';
	}

	/**
	 * The hint under the vault field: "demo vault" for an empty field on a demo server (instead of a
	 * loopback URL), the URL a bare vault name is read as.
	 */
	#showVaultHint(): void {
		const vault = this.#q<HTMLInputElement>('[data-vault]');
		const hint = this.#q('[data-vault-hint]');
		const text = vaultHint(vault.value, this.#demoVaultUrl, this.#t);
		hint.hidden = text === undefined;
		if (text !== undefined) {
			hint.textContent = text;
			vault.setAttribute('aria-describedby', hint.id);
		} else vault.removeAttribute('aria-describedby');
	}

	async #fetchVersions(): Promise<void> {
		const status = this.#q('[data-fetch-status]');
		const vault = vaultUrlFor(this.#q<HTMLInputElement>('[data-vault]').value, this.#demoVaultUrl);
		const name = this.#q<HTMLInputElement>('[data-name]').value.trim();
		const detail = this.#q('[data-fetch-detail]');
		status.classList.remove('error');
		detail.hidden = true;
		if (!this.#live) {
			status.textContent = this.#t('kvcert.thumbprint.fetch.staticNote');
			return;
		}
		const refusal = demoOnlyRefusal(vault, this.#mode, this.#demoVaultUrl, this.#t);
		if (refusal) {
			status.textContent = refusal.message;
			detail.textContent = refusal.detail;
			detail.hidden = false;
			status.classList.add('error');
			this.#showPrevious(!this.#q('[data-table-wrap]').hidden);
			status.focus();
			return;
		}
		const button = this.#q<HTMLButtonElement>('[data-fetch-button]');
		button.disabled = true;
		this.#root.setAttribute('aria-busy', 'true');
		status.textContent = this.#t('kvcert.thumbprint.fetch.loading', { name });
		const result = await fetchVersions(
			{ vault, name, lang: this.#lang },
			(text) => (status.textContent = text)
		);
		button.disabled = false;
		this.#root.removeAttribute('aria-busy');
		const wrap = this.#q('[data-table-wrap]');
		if (result.kind !== 'versions') {
			status.textContent =
				result.kind === 'refused'
					? result.message
					: this.#t('kvcert.thumbprint.fetch.networkError');
			status.classList.add('error');
			// An earlier table stays for comparison, marked as the earlier result under the error.
			this.#showPrevious(!wrap.hidden);
			status.focus();
			return;
		}
		this.#versions = result.body.versions;
		this.#certificateName = result.body.name;
		this.#renderTable(result.body);
		this.#showPrevious(false);
		status.textContent = this.#t('kvcert.thumbprint.fetch.loaded', {
			count: result.body.versions.length,
			name: result.body.name,
		});
		this.#compare();
		// The result's status line takes the focus, so that on a phone it (and the table under it) is on screen.
		status.focus();
	}

	#showPrevious(previous: boolean): void {
		this.#q('[data-previous]').hidden = !previous;
		this.#q('[data-table-wrap]').classList.toggle('stale', previous);
	}

	#renderTable(body: ThumbprintsResponse): void {
		this.#q('[data-caption]').textContent = this.#t('kvcert.thumbprint.table.caption', {
			name: body.name,
			vault:
				body.vaultUrl === this.#demoVaultUrl
					? this.#t('kvcert.thumbprint.fetch.demoVault')
					: body.vaultUrl,
		});
		const template = this.#q<HTMLTemplateElement>('[data-version-row]');
		this.#q('[data-rows]').replaceChildren(
			...versionRows(body.versions, Date.now(), this.#t).map((v) => {
				const row = (template.content.firstElementChild as HTMLElement).cloneNode(
					true
				) as HTMLElement;
				row.dataset['version'] = v.id;
				const slot = (name: string) => row.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;
				slot('name').textContent = v.name;
				slot('badges').replaceChildren(
					...v.badges.map((b) =>
						Object.assign(document.createElement('span'), {
							className: `badge ${b.tone}`,
							textContent: b.text,
						})
					)
				);
				renderCell(slot('id'), { kind: 'hex', value: v.id });
				renderCell(slot('dates'), { kind: 'parts', parts: [v.dates[0], '–', v.dates[1]] });
				// classList, not className: the slot keeps the component's scope class.
				slot('validity').textContent = v.validity?.text ?? '';
				if (v.validity) slot('validity').classList.add('badge', v.validity.tone);
				slot('subject').textContent = v.subject;
				renderCell(slot('sha1'), { kind: 'hex', value: v.sha1 });
				renderCell(slot('sha256'), { kind: 'hex', value: v.sha256 });
				return row;
			})
		);
		this.#q('[data-table-wrap]').hidden = false;
	}

	#compare(): void {
		const result = pasteResult(
			this.#q<HTMLTextAreaElement>('[data-paste]').value,
			this.#versions,
			this.#t
		);
		const cells = onVmCells(this.#versions, result.comparison, this.#t);
		for (const row of this.#root.querySelectorAll<HTMLElement>('[data-rows] tr')) {
			const cell = cells.get(row.dataset['version'] ?? '');
			row.classList.toggle('installed', cell?.mark === 'installed');
			row.classList.toggle('missing-current', cell?.mark === 'missing-current');
			const target = row.querySelector<HTMLElement>('[data-on-vm]');
			if (target) target.textContent = cell?.text ?? '';
		}
		this.#showVerdict(result.verdict);
		const notice = this.#q('[data-limit-notice]');
		notice.textContent = result.limitNotice ?? '';
		notice.hidden = !result.limitNotice;
		const unknownBox = this.#q('[data-unknown]');
		if (!result.unknown.length) return unknownBox.replaceChildren();
		const heading = document.createElement('p');
		heading.textContent = this.#t('kvcert.thumbprint.paste.unknownHeading');
		const list = document.createElement('ul');
		list.append(
			...result.unknown.map((u) => {
				const item = document.createElement('li');
				const code = document.createElement('span');
				renderCell(code, { kind: 'hex', value: u.hex });
				item.append(code, u.subject ? ` ${u.subject}` : '');
				return item;
			})
		);
		unknownBox.replaceChildren(heading, list);
	}

	/** The outcome: a colour, an icon and a status word as well as the sentence. */
	#showVerdict(verdict: Verdict | undefined): void {
		const box = this.#q('[data-verdict]');
		if (!verdict) return box.replaceChildren();
		const p = document.createElement('p');
		p.className = verdict.kind;
		p.dataset['kind'] = verdict.kind;
		const icon = Object.assign(document.createElement('span'), {
			className: 'icon',
			textContent: ICONS[verdict.kind],
		});
		icon.setAttribute('aria-hidden', 'true');
		const word = Object.assign(document.createElement('strong'), { textContent: verdict.word });
		p.append(icon, word, ' ', verdict.sentence);
		box.replaceChildren(p);
	}

	async #computeFile(file: File): Promise<void> {
		const t = this.#t;
		this.#file = file;
		const out = this.#q('[data-file-result]');
		delete out.dataset['needsPassword'];
		out.classList.remove('error');
		out.textContent = t('kvcert.thumbprint.file.computing');
		// Loaded only now: the parser (and, for a PFX, node-forge) stays off plain pages.
		const { computeThumbprints, CertificateReadError, DEFAULT_MAX_CERTIFICATE_BYTES } =
			await import('../../../core/thumbprint/compute-thumbprints.ts');
		const password = this.#q<HTMLInputElement>('[data-password]').value;
		try {
			// Checked before reading: a huge file is refused without loading it into memory.
			if (file.size > DEFAULT_MAX_CERTIFICATE_BYTES) throw new CertificateReadError('too-large');
			const results = await computeThumbprints(new Uint8Array(await file.arrayBuffer()), {
				password,
			});
			out.replaceChildren(
				...results.map((r) => {
					const block = document.createElement('div');
					block.className = 'computed';
					const title = document.createElement('p');
					title.textContent = t('kvcert.thumbprint.file.result', {
						file: file.name,
						index: r.index + 1,
					});
					block.append(title);
					for (const [algorithm, value] of [
						['SHA-1', r.sha1],
						['SHA-256', r.sha256],
					] as const) {
						const line = document.createElement('div');
						line.className = 'hash';
						const code = document.createElement('span');
						renderCell(code, { kind: 'hex', value });
						line.append(
							Object.assign(document.createElement('span'), {
								className: 'algo',
								textContent: algorithm,
							}),
							' ',
							code
						);
						block.append(line);
					}
					const match = fileMatch(r.sha1, this.#versions, this.#certificateName, t);
					if (match)
						block.append(Object.assign(document.createElement('p'), { textContent: match }));
					return block;
				})
			);
		} catch (error) {
			const code = error instanceof CertificateReadError ? error.code : 'not-a-certificate';
			if (code === 'password-required' || code === 'wrong-password')
				out.dataset['needsPassword'] = '';
			out.classList.add('error');
			out.textContent = t(fileErrorKey(code), {
				limit: `${DEFAULT_MAX_CERTIFICATE_BYTES / 1024 / 1024} MB`,
			});
		}
		// The outcome is below the password field: on screen, wherever the page was scrolled.
		out.scrollIntoView({ block: 'nearest' });
	}

	#renderCommands(): void {
		const commands = vmCommands(
			this.#q<HTMLInputElement>('[data-vault]').value,
			this.#q<HTMLInputElement>('[data-name]').value
		);
		for (const code of this.#root.querySelectorAll<HTMLElement>('[data-command]'))
			code.textContent = commands[code.dataset['command'] as keyof typeof commands];
	}

	async #copy(button: HTMLButtonElement): Promise<void> {
		const code = this.#root.querySelector<HTMLElement>(
			`[data-command="${button.dataset['copy']}"]`
		);
		try {
			await navigator.clipboard.writeText(code?.textContent ?? '');
			button.textContent = this.#t('kvcert.thumbprint.commands.copied');
			setTimeout(() => (button.textContent = this.#t('kvcert.thumbprint.commands.copy')), 2000);
		} catch {
			// Clipboard refused (insecure context or denied): the command stays selectable.
			const range = document.createRange();
			if (code) range.selectNodeContents(code);
			getSelection()?.removeAllRanges();
			getSelection()?.addRange(range);
		}
	}
}

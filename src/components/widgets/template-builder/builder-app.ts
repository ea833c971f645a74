// The template builder once the reader reaches for it: reads the form, writes every format as the
// answers change, shows why an answer is refused, and copies, downloads, shares or hands an output
// to the checker. Loaded on first focus or action (see TemplateBuilder.astro).
import {
	documentedVersionsOf,
	refusalsOf,
	scaffold,
	scaffoldFormats,
	versionFacts,
	type Refusal,
	type ScaffoldFormat,
	type ScaffoldOptions,
	type ScaffoldResult,
	type Translate,
} from '../../../core/scaffold/index.ts';
import {
	certificateCount,
	controlOfRefusal,
	fieldsFromOptions,
	fieldStates,
	optionsFromFields,
	type FieldValues,
} from './form-state.ts';
import { decodeFields, encodeFields, isOptionsFragment } from './share-state.ts';

/** The mounted builder, for the custom element. */
export interface BuilderApp {
	/** Runs the action of a button pressed before the builder was loaded. */
	replay(action: HTMLElement): void;
}

const radioGroups = ['os', 'machine', 'identity', 'form'];

/** An element with attributes and, optionally, its text. */
function element(tag: string, attributes: Record<string, string> = {}, text?: string): HTMLElement {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
	if (text !== undefined) node.textContent = text;
	return node;
}

/** Mounts the builder on its custom element. */
export function mountBuilder(root: HTMLElement, t: Translate): BuilderApp {
	const form = root.querySelector('form')!;
	const storageKey = `kvcert.builder:${root.dataset['idPrefix'] ?? ''}`;
	const status = root.querySelector<HTMLElement>('[data-status]')!;
	const notice = root.querySelector<HTMLElement>('[data-notice]')!;
	const template = root.querySelector<HTMLTemplateElement>('[data-certificate-template]');
	const certificates = root.querySelector<HTMLElement>('[data-certificates]')!;
	let results = new Map<ScaffoldFormat, ScaffoldResult>();
	const say = (text: string) => (notice.textContent = text);

	const controls = () =>
		[...form.elements].filter(
			(e): e is HTMLInputElement | HTMLSelectElement =>
				(e instanceof HTMLInputElement || e instanceof HTMLSelectElement) && e.name !== ''
		);

	function readValues(): FieldValues {
		const values: FieldValues = {};
		for (const control of controls()) {
			if (control instanceof HTMLInputElement && control.type === 'radio') {
				if (control.checked) values[control.name] = control.value;
			} else if (control instanceof HTMLInputElement && control.type === 'checkbox')
				values[control.name] = control.checked;
			else values[control.name] = control.value;
		}
		return values;
	}

	/** Makes the form hold `count` certificate fieldsets, copied from the template. */
	function setCertificateCount(count: number) {
		if (!template) return;
		const existing = [...certificates.querySelectorAll('[data-certificate]')];
		for (const fieldset of existing.slice(count)) fieldset.remove();
		const add = certificates.querySelector('[data-add-certificate]');
		for (let i = existing.length; i < count; i++) {
			const html = template.innerHTML.replace(/__i__/g, String(i)).replace(/__n__/g, String(i + 1));
			const holder = document.createElement('div');
			holder.innerHTML = html;
			certificates.insertBefore(holder.firstElementChild!, add);
		}
	}

	function writeValues(values: FieldValues) {
		setCertificateCount(Math.max(1, certificateCount(values)));
		for (const control of controls()) {
			const value = values[control.name];
			if (value === undefined) continue;
			if (control instanceof HTMLInputElement && control.type === 'radio')
				control.checked = control.value === value;
			else if (control instanceof HTMLInputElement && control.type === 'checkbox')
				control.checked = value === true;
			else if (control instanceof HTMLSelectElement) {
				setVersionChoices(values);
				if ([...control.options].some((o) => o.value === value)) control.value = String(value);
			} else control.value = String(value);
		}
	}

	/** The versions offered for the chosen OS: the supported documented ones. */
	function setVersionChoices(values: FieldValues) {
		const select = form.elements.namedItem('version');
		if (!(select instanceof HTMLSelectElement)) return;
		const os = values['os'] === 'linux' ? 'linux' : 'windows';
		const versions = documentedVersionsOf(os).filter((v) => versionFacts(os, v)?.supported);
		if ([...select.options].map((o) => o.value).join() === versions.join()) return;
		const current = select.value;
		select.replaceChildren(...versions.map((v) => new Option(v, v)));
		select.value = versions.includes(current) ? current : versions.at(-1)!;
	}

	const message = (refusal: Refusal) => t(`kvcert.builder.refusal.${refusal.code}`, refusal.data);

	/** Shows, hides, enables and explains the fields for the current answers. */
	function applyStates(options: ScaffoldOptions, refusals: Refusal[]) {
		const states = fieldStates(options);
		const messages = new Map<string, string[]>();
		const note = (control: string, text: string) =>
			messages.set(control, [...(messages.get(control) ?? []), text]);
		for (const wrapper of root.querySelectorAll<HTMLElement>('[data-field]')) {
			const name = wrapper.dataset['field']!;
			const key = name.startsWith('cert.') ? name.split('.')[2]! : name;
			const state = states[key];
			if (state) wrapper.hidden = state.hidden;
			const control = wrapper.querySelector<HTMLInputElement | HTMLSelectElement>(
				'input:not([type="radio"]), select'
			);
			if (control) control.disabled = Boolean(state?.refused);
			if (state?.refused) note(name, message(state.refused as Refusal));
		}
		for (const group of radioGroups)
			for (const radio of form.querySelectorAll<HTMLInputElement>(`input[name="${group}"]`)) {
				const refused = states[`${group}:${radio.value}`]?.refused;
				radio.disabled = Boolean(refused);
				if (refused) note(group, message(refused as Refusal));
			}
		// A refused choice gives way to the one the options took (see optionsFromFields).
		const taken: Record<string, string> = {
			machine: options.machine,
			identity: options.identity.kind,
			form: options.form,
		};
		for (const [group, value] of Object.entries(taken)) {
			const radio = form.querySelector<HTMLInputElement>(
				`input[name="${group}"][value="${value}"]`
			);
			if (radio && !radio.checked) radio.checked = true;
		}
		const polling = form.elements.namedItem('polling');
		if (polling instanceof HTMLInputElement) {
			const limits = versionFacts(options.os, options.version)?.polling;
			polling.min = String(limits?.min ?? 1);
			if (limits?.max) polling.max = String(limits.max);
			else polling.removeAttribute('max');
		}
		for (const control of controls()) control.removeAttribute('aria-invalid');
		for (const refusal of refusals) {
			const name = controlOfRefusal(refusal.field);
			note(name, message(refusal));
			const control = form.elements.namedItem(name);
			if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement)
				control.setAttribute('aria-invalid', 'true');
		}
		for (const wrapper of root.querySelectorAll<HTMLElement>('[data-field]')) {
			const paragraph = wrapper.querySelector<HTMLElement>('[data-refusal]')!;
			const text = [...new Set(messages.get(wrapper.dataset['field']!) ?? [])].join(' ');
			if (paragraph.textContent !== text) paragraph.textContent = text;
		}
	}

	function update() {
		const values = readValues();
		setVersionChoices(values);
		const options = optionsFromFields(readValues());
		const refusals = refusalsOf(options);
		applyStates(options, refusals);
		results = new Map(scaffoldFormats.map((f) => [f, scaffold(options, f, t)]));
		for (const [format, result] of results) renderPanel(format, result);
		const count = new Set(refusals.map((r) => `${r.code} ${r.field}`)).size;
		const text =
			count === 0
				? t('kvcert.builder.status.ready')
				: t('kvcert.builder.status.refused', { count });
		if (status.textContent !== text) status.textContent = text;
		try {
			sessionStorage.setItem(storageKey, JSON.stringify(readValues()));
		} catch {
			// Storage unavailable: the answers stay in the form only.
		}
		const more = root.querySelector<HTMLAnchorElement>('[data-more]');
		if (more) more.href = `${more.pathname}${encodeFields(fieldsFromOptions(options))}`;
	}

	function renderPanel(format: ScaffoldFormat, result: ScaffoldResult) {
		const panel = root.querySelector<HTMLElement>(`[data-panel="${format}"]`)!;
		if (!result.ok) {
			const box = element('div', { class: 'refused' });
			box.append(
				element(
					'p',
					{},
					t('kvcert.builder.output.refused', { format: t(`kvcert.builder.output.tab.${format}`) })
				)
			);
			const list = element('ul');
			for (const text of new Set(result.refusals.map(message)))
				list.append(element('li', {}, text));
			box.append(list);
			panel.replaceChildren(box);
			return;
		}
		const button = (action: string, label: string, text: string, secondary = true) =>
			element(
				'button',
				{
					type: 'button',
					...(secondary ? { class: 'secondary' } : {}),
					'data-action': action,
					'aria-label': label,
				},
				text
			);
		const actions = element('div', { class: 'panel-actions' });
		actions.append(
			button(
				'open',
				t('kvcert.builder.output.openInCheckerLabel', { file: result.checkerText.name }),
				t('kvcert.builder.output.openInChecker'),
				false
			)
		);
		const children: Node[] = [actions];
		if (format === 'azcli')
			children.push(
				element(
					'p',
					{ class: 'note' },
					t('kvcert.builder.output.checkerAzcli', {
						script: 'deploy.sh',
						settings: 'settings.json',
					})
				)
			);
		for (const file of result.files) {
			const box = element('div', { class: 'file', 'data-file': file.name });
			const head = element('div', { class: 'file-head' });
			head.append(
				element('span', { class: 'file-name' }, file.name),
				button(
					'copy',
					t('kvcert.builder.output.copyLabel', { file: file.name }),
					t('kvcert.builder.output.copy')
				),
				button(
					'download',
					t('kvcert.builder.output.downloadLabel', { file: file.name }),
					t('kvcert.builder.output.download')
				)
			);
			const pre = element('pre', {
				tabindex: '0',
				'aria-label': t('kvcert.builder.output.code', { file: file.name }),
			});
			pre.append(element('code', {}, file.text));
			box.append(head, pre);
			children.push(box);
		}
		panel.replaceChildren(...children);
	}

	async function copy(format: ScaffoldFormat, fileName: string, pre: HTMLElement | null) {
		const result = results.get(format);
		const file = result?.ok ? result.files.find((f) => f.name === fileName) : undefined;
		if (!file) return;
		try {
			await navigator.clipboard.writeText(file.text);
			say(t('kvcert.builder.output.copied', { file: file.name }));
		} catch {
			if (pre) {
				const range = document.createRange();
				range.selectNodeContents(pre);
				getSelection()?.removeAllRanges();
				getSelection()?.addRange(range);
				pre.focus();
			}
			say(t('kvcert.builder.output.copyFailed', { file: file.name }));
		}
	}

	function download(format: ScaffoldFormat, fileName: string) {
		const result = results.get(format);
		const file = result?.ok ? result.files.find((f) => f.name === fileName) : undefined;
		if (!file) return;
		const url = URL.createObjectURL(new Blob([file.text], { type: 'text/plain;charset=utf-8' }));
		const link = element('a', { href: url, download: file.name });
		document.body.append(link);
		link.click();
		link.remove();
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
		say(t('kvcert.builder.output.downloaded', { file: file.name }));
	}

	/** Hands an output to the checker inside the browser: in the link's fragment, or this tab's storage. */
	async function openInChecker(format: ScaffoldFormat) {
		const result = results.get(format);
		if (!result?.ok) return;
		const href = root.dataset['checkerHref'] ?? '/';
		const { encodeShare } = await import('../checker/share.ts');
		const encoded = await encodeShare(result.checkerText.text);
		if (encoded.ok) location.assign(`${href}${encoded.fragment}`);
		else {
			try {
				sessionStorage.setItem('kvcert.checker:/tools/template-checker/', result.checkerText.text);
			} catch {
				// Storage full: the checker opens empty.
			}
			location.assign(href);
		}
	}

	async function share() {
		const url = `${location.origin}${location.pathname}${encodeFields(readValues())}`;
		history.replaceState(history.state, '', url);
		try {
			await navigator.clipboard.writeText(url);
			say(t('kvcert.builder.share.copied'));
		} catch {
			say(t('kvcert.builder.share.inAddressBar'));
		}
	}

	function addCertificate() {
		const count = certificates.querySelectorAll('[data-certificate]').length;
		setCertificateCount(count + 1);
		update();
		form.querySelector<HTMLInputElement>(`[name="cert.${count}.name"]`)?.focus();
		say(t('kvcert.builder.certificate.added', { n: count + 1 }));
	}

	function removeCertificate(fieldset: HTMLElement) {
		const all = [...certificates.querySelectorAll<HTMLElement>('[data-certificate]')];
		const index = all.indexOf(fieldset);
		if (index === -1 || all.length === 1) return;
		const values = readValues();
		const shifted: FieldValues = {};
		for (const [name, value] of Object.entries(values)) {
			const match = /^cert\.(\d+)\.(\w+)$/.exec(name);
			if (!match) shifted[name] = value;
			else if (Number(match[1]) < index) shifted[name] = value;
			else if (Number(match[1]) > index)
				shifted[`cert.${Number(match[1]) - 1}.${match[2]}`] = value;
		}
		setCertificateCount(0);
		writeValues(shifted);
		update();
		const focus = Math.min(index, all.length - 2);
		form.querySelector<HTMLElement>(`[name="cert.${focus}.name"]`)?.focus();
		say(t('kvcert.builder.certificate.removed', { n: index + 1 }));
	}

	function act(target: HTMLElement) {
		const panel = target.closest<HTMLElement>('[data-panel]');
		const format = panel?.dataset['panel'] as ScaffoldFormat | undefined;
		const fileName = target.closest<HTMLElement>('[data-file]')?.dataset['file'] ?? '';
		const action = target.dataset['action'];
		if (target.hasAttribute('data-share')) void share();
		else if (target.hasAttribute('data-add-certificate')) addCertificate();
		else if (target.hasAttribute('data-remove-certificate'))
			removeCertificate(target.closest<HTMLElement>('[data-certificate]')!);
		else if (format && action === 'copy')
			void copy(format, fileName, target.closest('[data-file]')?.querySelector('pre') ?? null);
		else if (format && action === 'download') download(format, fileName);
		else if (format && action === 'open') void openInChecker(format);
	}

	// Answers from a link, or those given earlier in this tab (e.g. before opening the checker).
	if (isOptionsFragment(location.hash)) {
		const values = decodeFields(location.hash);
		if (values) {
			writeValues(values);
			say(t('kvcert.builder.share.restored'));
		} else say(t('kvcert.builder.share.damaged'));
	} else
		try {
			const stored = sessionStorage.getItem(storageKey);
			if (stored) writeValues(JSON.parse(stored) as FieldValues);
		} catch {
			// Nothing stored, or storage unavailable.
		}
	form.addEventListener('input', update);
	form.addEventListener('change', update);
	form.addEventListener('submit', (event) => event.preventDefault());
	root.addEventListener('click', (event) => {
		const target = (event.target as HTMLElement).closest<HTMLElement>(
			'[data-action], [data-share], [data-add-certificate], [data-remove-certificate]'
		);
		if (target) act(target);
	});
	update();
	root.dataset['ready'] = 'true';
	return { replay: act };
}

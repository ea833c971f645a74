// The builder's custom element: the tabs work at once; the builder itself loads on the first reach
// for the form or an action (builder-app.ts). This is all the page carries before that.
import { translatorFor } from '../../../core/i18n/index.ts';
import type { BuilderApp } from './builder-app.ts';
import { selectTab } from './tabs.ts';

/** The builder's custom element: tabs work at once; the builder loads on the first reach for it. */
class TemplateBuilderElement extends HTMLElement {
	#app: Promise<BuilderApp> | undefined;

	load(): Promise<BuilderApp> {
		if (!this.#app) {
			const t = translatorFor(
				JSON.parse(this.dataset['strings'] ?? '{}'),
				this.dataset['lang'] === 'en' ? 'en' : 'ja'
			);
			const status = this.querySelector<HTMLElement>('[data-status]')!;
			status.textContent = t('kvcert.builder.loading');
			this.#app = import('./builder-app.ts').then(({ mountBuilder }) => mountBuilder(this, t));
			this.#app.catch(() => {
				status.textContent = t('kvcert.builder.loadError');
			});
		}
		return this.#app;
	}

	/**
	 * The floating "See the output" link (a phone) stands aside while a field has the focus (it would
	 * cover what is typed, over the phone's keyboard), while the output is on screen, and while it
	 * would lie over a field, its label or its hint (rv18d #4, rv18e #3): it shows again once the page
	 * scrolls on.
	 */
	#placeJump(form: HTMLFormElement): void {
		const jump = this.querySelector<HTMLElement>('[data-to-output]');
		const outputs = this.querySelector('.outputs');
		if (!jump || !outputs) return;
		let outputShown = false;
		let typing = false;
		const update = () => {
			jump.hidden = outputShown || typing;
			if (jump.hidden) return;
			// Measured in place while invisible (it keeps its box), so it can come back.
			const box = jump.getBoundingClientRect();
			// (Never while it has the keyboard's focus: the focus would be lost with it.)
			const covering =
				document.activeElement !== jump &&
				// Anything of the form a reader reads or taps: controls, labels, hints and refusals (rv18e
				// #3), looked up each time, as refusals and certificate rows come and go.
				[...form.querySelectorAll(formContent)].some((field) =>
					overlaps(box, field.getBoundingClientRect())
				);
			jump.toggleAttribute('data-over-field', covering);
		};
		new IntersectionObserver(([entry]) => {
			outputShown = entry?.isIntersecting ?? false;
			update();
		}).observe(outputs);
		form.addEventListener('focusin', (event) => {
			typing = (event.target as Element).matches(
				'input:not([type="radio"], [type="checkbox"]), select, textarea'
			);
			update();
		});
		form.addEventListener('focusout', () => {
			typing = false;
			update();
		});
		let frame = 0;
		const later = () => {
			if (frame) return;
			frame = requestAnimationFrame(() => {
				frame = 0;
				update();
			});
		};
		addEventListener('scroll', later, { passive: true });
		addEventListener('resize', later, { passive: true });
	}

	connectedCallback() {
		const tablist = this.querySelector<HTMLElement>('[data-tablist]')!;
		tablist.addEventListener('click', (event) => {
			const tab = (event.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
			if (tab) selectTab(tablist, tab, false);
		});
		tablist.addEventListener('keydown', (event) => {
			const tabs = [...tablist.querySelectorAll<HTMLElement>('[role="tab"]')];
			const at = tabs.indexOf(document.activeElement as HTMLElement);
			const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[
				event.key
			];
			if (next === undefined || at === -1) return;
			event.preventDefault();
			selectTab(tablist, tabs[(next + tabs.length) % tabs.length]!, true);
		});
		// "See the output": the selected tab takes the focus (and so comes into view) without putting
		// an anchor in the address, where a link to the answers may stand.
		this.querySelector('[data-to-output]')?.addEventListener('click', (event) => {
			event.preventDefault();
			this.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
			this.querySelector('.outputs')?.scrollIntoView({ block: 'start' });
		});
		const form = this.querySelector('form')!;
		this.#placeJump(form);
		// The first reach for the form or an action loads the builder, which takes over from there.
		form.addEventListener('focusin', () => void this.load(), { once: true });
		this.addEventListener('click', (event) => {
			const action = (event.target as HTMLElement).closest<HTMLElement>(
				'[data-action], [data-share], [data-add-certificate], [data-remove-certificate]'
			);
			if (!action || this.dataset['ready']) return;
			event.preventDefault();
			void this.load().then((app) => app.replay(action));
		});
		let stored = false;
		try {
			stored = !!sessionStorage.getItem(`kvcert.builder:${this.dataset['idPrefix']}`);
		} catch {
			// No storage: nothing to restore.
		}
		if (stored || location.hash.startsWith('#options=')) void this.load();
	}
}

/** What of the form the floating link must never lie over. */
const formContent =
	'input:not([type="hidden"]), select, textarea, label, legend, .hint, .refusal:not(:empty)';

/** Whether two boxes share any area (the link's shadow aside). */
function overlaps(a: DOMRect, b: DOMRect): boolean {
	return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

if (!customElements.get('kvcert-template-builder'))
	customElements.define('kvcert-template-builder', TemplateBuilderElement);

// The step-through of a diagram (Diagram.astro): previous / next / all steps by buttons, and ←/→,
// Home, End and Escape inside the controls. A step highlights its boxes and arrows in the drawing and
// its sentence in the list, and says the sentence in the status line beside the buttons (so a phone
// shows picture, buttons and sentence together). On a narrow screen the drawing fits the width, and
// "zoom" shows it at its natural size in a frame that scrolls sideways; there each step scrolls its
// highlighted part into the frame.
import { format } from '../../core/i18n/format.ts';
import { scrollToShow, stepAfter, stepKeys, type StepAction } from './stepper.ts';

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

class KvDiagram extends HTMLElement {
	#step = 0;
	#total = 0;
	#controls: HTMLElement | null = null;

	connectedCallback() {
		this.#controls = this.querySelector('.kv-diagram__controls');
		if (!this.#controls) return;
		this.#total = this.querySelectorAll('.kv-diagram__steps li').length;
		this.#controls.hidden = false;
		this.#controls.addEventListener('click', (event) => {
			const button = (event.target as Element).closest('button');
			const action = button?.dataset['action'];
			if (action === 'zoom') return this.#zoom(button!);
			if (action) this.show(stepAfter(this.#step, this.#total, action as StepAction));
		});
		this.#controls.addEventListener('keydown', (event) => {
			const action = stepKeys[event.key];
			if (!action) return;
			event.preventDefault();
			this.show(stepAfter(this.#step, this.#total, action));
		});
		this.show(0);
	}

	#zoom(button: HTMLButtonElement) {
		const zoomed = !this.hasAttribute('data-zoom');
		this.toggleAttribute('data-zoom', zoomed);
		button.setAttribute('aria-pressed', String(zoomed));
		if (zoomed) this.#reveal();
	}

	/** Highlights step n (1-based), or shows every step when n is 0. */
	show(n: number) {
		this.#step = n;
		this.dataset['step'] = String(n);
		let sentence = '';
		for (const element of this.querySelectorAll<HTMLElement | SVGElement>('[data-steps]')) {
			const active = n > 0 && (element.dataset['steps'] ?? '').split(' ').includes(String(n));
			element.classList.toggle('is-active', active);
			if (element instanceof HTMLLIElement) {
				if (active) {
					element.setAttribute('aria-current', 'step');
					sentence = element.textContent?.trim() ?? '';
				} else element.removeAttribute('aria-current');
			}
		}
		const controls = this.#controls;
		if (!controls) return;
		const count = controls.querySelector('[data-count]');
		const text = controls.querySelector('[data-sentence]');
		if (count)
			count.textContent =
				n === 0
					? (controls.dataset['allSteps'] ?? '')
					: format(controls.dataset['stepOf'] ?? '', { current: n });
		if (text) text.textContent = sentence;
		if (n > 0) this.#reveal();
	}

	/** Brings the highlighted part into the zoomed frame, and the frame into the window. */
	#reveal() {
		const canvas = this.querySelector<HTMLElement>('.kv-diagram__canvas');
		if (!canvas) return;
		const behavior = reducedMotion() ? 'auto' : 'smooth';
		const frame = canvas.getBoundingClientRect();
		const active = [...this.querySelectorAll<SVGGraphicsElement>('svg .is-active')];
		if (active.length > 0 && canvas.scrollWidth > canvas.clientWidth) {
			const boxes = active.map((el) => el.getBoundingClientRect());
			const start = Math.min(...boxes.map((b) => b.left)) - frame.left + canvas.scrollLeft;
			const end = Math.max(...boxes.map((b) => b.right)) - frame.left + canvas.scrollLeft;
			const left = scrollToShow(
				{ start, end },
				canvas.scrollLeft,
				canvas.clientWidth,
				canvas.scrollWidth - canvas.clientWidth
			);
			if (left !== canvas.scrollLeft) canvas.scrollTo({ left, behavior });
		}
		// The drawing and the status line under it (the step's sentence) in the window, below the
		// sticky header, scrolling as little as possible.
		const status = this.querySelector('.kv-diagram__status') ?? canvas;
		const top = frame.top;
		const bottom = status.getBoundingClientRect().bottom;
		const covered = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
		if (top < covered) scrollBy({ top: top - covered, behavior });
		else if (bottom > innerHeight)
			scrollBy({ top: Math.min(bottom - innerHeight + 8, top - covered), behavior });
	}
}

if (!customElements.get('kv-diagram')) customElements.define('kv-diagram', KvDiagram);

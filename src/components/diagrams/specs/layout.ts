import type { DiagramGroup, DiagramNode, Localized } from '../model';

/**
 * The shared grid of the architecture diagrams: the Azure VM on the left, Azure services on the
 * right, so that the three architectures can be compared side by side.
 */
export const size = { width: 760, height: 420 };

const vm = { x: 16, y: 40, w: 300, h: 364 };
const left = { x: 40, w: 252 };
const right = { x: 468, w: 268 };

/** The dashed Azure VM boundary. */
export const vmGroup: DiagramGroup = {
	...vm,
	label: { ja: 'Azure 仮想マシン', en: 'Azure virtual machine' },
};

/** A node inside the VM, in row 0 (top) to 3 (bottom). */
export function inVm(
	id: string,
	row: number,
	label: Localized[],
	tone?: DiagramNode['tone']
): DiagramNode {
	return { id, x: left.x, y: 72 + row * 84, w: left.w, h: 64, label, ...(tone ? { tone } : {}) };
}

/** A node outside the VM, in row 0 (top) to 2 (bottom). */
export function inAzure(
	id: string,
	row: number,
	label: Localized[],
	tone?: DiagramNode['tone']
): DiagramNode {
	return { id, x: right.x, y: 56 + row * 132, w: right.w, h: 64, label, ...(tone ? { tone } : {}) };
}

/** Labels used by several diagrams. */
export const labels = {
	app: [{ ja: 'アプリケーション', en: 'Application' }],
	entra: [{ ja: 'Microsoft Entra ID', en: 'Microsoft Entra ID' }],
	keyVault: [{ ja: 'Azure Key Vault', en: 'Azure Key Vault' }],
	peer: [
		{ ja: '接続先', en: 'Clients' },
		{ ja: '(TLS)', en: '(TLS)' },
	],
	imds: [
		{ ja: 'IMDS', en: 'IMDS' },
		{ ja: '169.254.169.254', en: '169.254.169.254' },
	],
} satisfies Record<string, Localized[]>;

/**
 * The wider grid of the extension diagrams: two columns inside the VM (a, b) and one outside (azure),
 * with room between them for the arrows' labels.
 */
export const wide = {
	size: { width: 760, height: 392 },
	group: { x: 16, y: 40, w: 456, h: 328, label: vmGroup.label } satisfies DiagramGroup,
	columns: { a: { x: 32, w: 156 }, b: { x: 296, w: 160 }, azure: { x: 572, w: 168 } },
	rows: [72, 172, 272],
};

/** A 64-unit-high box in the wide grid. */
export function cell(
	id: string,
	column: keyof typeof wide.columns,
	row: number,
	label: Localized[],
	tone?: DiagramNode['tone']
): DiagramNode {
	const { x, w } = wide.columns[column];
	return { id, x, y: wide.rows[row] ?? 0, w, h: 64, label, ...(tone ? { tone } : {}) };
}

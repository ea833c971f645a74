// @ts-check
/**
 * The tutorial's reading order. Slugs are locale-less: Starlight finds the ja and en page for each,
 * and the page titles become the labels.
 * @type {import('@astrojs/starlight/types').StarlightUserConfig['sidebar']}
 */
export const sidebar = [
	{ slug: 'overview' },
	{
		label: 'Architectures',
		translations: { ja: 'アーキテクチャ' },
		items: [
			{ slug: 'architecture/service-principal' },
			{ slug: 'architecture/managed-identity' },
			{ slug: 'architecture/vm-extension' },
		],
	},
	{
		label: 'Setup',
		translations: { ja: 'セットアップ' },
		items: [{ slug: 'setup/arm-template' }, { slug: 'setup/cli-powershell-bicep-terraform' }],
	},
	{ slug: 'verify' },
	{ slug: 'operations' },
	{ slug: 'security' },
	{ slug: 'troubleshooting' },
	{
		label: 'Tools',
		translations: { ja: 'ツール' },
		items: [{ slug: 'tools/thumbprint' }],
	},
];

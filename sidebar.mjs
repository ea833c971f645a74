// @ts-check
/**
 * The tutorial's reading order. Slugs are locale-less: Starlight finds the ja and en page for each,
 * and the page titles become the labels. The rule reference is not content (pages/[lang]/rules/), so
 * it is a link with its own labels.
 * @type {import('@astrojs/starlight/types').StarlightUserConfig['sidebar']}
 */
export const sidebar = [
	{ slug: 'start-here' },
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
		label: 'Workshop',
		translations: { ja: 'ワークショップ' },
		items: [
			{ slug: 'workshop' },
			{ slug: 'workshop/prework' },
			{ slug: 'workshop/facilitator' },
			{ slug: 'workshop/room' },
			{ slug: 'glossary' },
		],
	},
	{
		label: 'Tools',
		translations: { ja: 'ツール' },
		items: [
			{ slug: 'tools/template-checker' },
			{ slug: 'tools/template-builder' },
			{ slug: 'tools/thumbprint' },
			{ slug: 'tools/renewal-simulator' },
			// A plain link: Starlight prefixes the current locale (/ja/rules/, /en/rules/).
			{ label: 'Rule reference', translations: { ja: 'ルール一覧' }, link: '/rules/' },
		],
	},
];

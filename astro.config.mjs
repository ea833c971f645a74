// @ts-check
import node from '@astrojs/node';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightLinksValidator from 'starlight-links-validator';
import { lazySearch } from './src/build/lazy-search.mjs';
import { rehypeGlossaryLinks } from './src/build/rehype-glossary-links.mjs';
import { rehypeJaPhrases } from './src/build/rehype-ja-phrases.mjs';
import { rehypeTableLabels } from './src/build/rehype-table-labels.mjs';
import { sidebar } from './sidebar.mjs';

// srcDir '.' puts Starlight's fixed <srcDir>/content/docs at ./content/docs (research/docs-site.md §1.2).
export default defineConfig({
	site: process.env.SITE ?? 'http://localhost:4321',
	srcDir: '.',
	output: 'static',
	adapter: node({ mode: 'standalone' }),
	server: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 4321) },
	vite: {
		plugins: [lazySearch()],
		// The checker's worker (a module worker) imports the Bicep/Terraform parser on demand: ES output.
		worker: { format: 'es' },
	},
	markdown: { rehypePlugins: [rehypeTableLabels, rehypeGlossaryLinks, rehypeJaPhrases] },
	integrations: [
		starlight({
			title: 'kvcert',
			description: 'Azure Key Vault certificates on Azure virtual machines, explained and checked.',
			defaultLocale: 'ja',
			locales: {
				ja: { label: '日本語', lang: 'ja' },
				en: { label: 'English', lang: 'en' },
			},
			customCss: ['./styles/site.css'],
			routeMiddleware: './route-data.ts',
			components: { PageTitle: './src/components/overrides/PageTitle.astro' },
			sidebar,
			plugins: [
				starlightLinksValidator({
					errorOnInconsistentLocale: true,
					// The rule reference is an Astro route (pages/[lang]/rules), not a docs entry; the
					// language-neutral 404 page links both home pages on purpose, and each home page
					// links the other language's.
					exclude: ({ link, slug }) =>
						slug === '404' || /^\/(?:ja|en)\/rules\//.test(link) || /^\/(?:ja|en)\/$/.test(link),
				}),
			],
		}),
	],
});

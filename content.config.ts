import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
	i18n: defineCollection({
		loader: i18nLoader(),
		// kvcert's own `kvcert.*` UI strings pass through beside Starlight's (the schema is passthrough);
		// tests/unit/i18n/ui-strings.test.ts keeps ja.json and en.json in step.
		schema: i18nSchema(),
	}),
};

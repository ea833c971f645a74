import { readExtensionConfigs } from '../check/index.ts';
import type { ExtensionConfigs } from '../extension/index.ts';

/** What the simulator could read from a pasted template, settings file or command. */
export type TemplateConfigs = ExtensionConfigs;

/** Reads each Key Vault VM extension of an input into simulator settings (the checker reads it). */
export function configsFromTemplate(
	input: string,
	options: Parameters<typeof readExtensionConfigs>[1] = {}
): TemplateConfigs {
	return readExtensionConfigs(input, options);
}

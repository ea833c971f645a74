import { parseJsonDocument, propertyValue, type JsonDocument } from '../json.ts';
import type { SourceText } from '../source.ts';
import type { Localized } from '../types.ts';
import type { Located } from '../values.ts';

/** The forms people paste when an extension failed, beside whole templates and settings. */
export type PastedForm = 'fragment' | 'properties' | 'settingsWrapper' | 'handlerSettings';

/** How each pasted form is named in the "read as" message (KV051). */
export const pastedFormNames: Record<PastedForm, Localized> = {
	fragment: {
		ja: '外側の波かっこがない JSON の一部',
		en: 'a JSON fragment without its outer braces',
	},
	properties: {
		ja: '拡張機能リソースの properties オブジェクト',
		en: 'the properties object of an extension resource',
	},
	settingsWrapper: {
		ja: '"settings" でくるまれた拡張機能の settings',
		en: 'extension settings wrapped in a "settings" key',
	},
	handlerSettings: {
		ja: 'VM 上のハンドラー設定ファイル (runtimeSettings[].handlerSettings.publicSettings)',
		en: 'the handler settings file from a VM (runtimeSettings[].handlerSettings.publicSettings)',
	},
};

/** A pasted input read as one or more extensions. */
export interface PastedInput {
	form: PastedForm;
	/** Every JSON document read (the wrapped text, publicSettings given as a JSON string). */
	docs: JsonDocument[];
	/** Extensions: their properties object (publisher, type, …) or just their settings. */
	extensions: Array<{ properties: Located | undefined; settings: Located | undefined }>;
}

const hasSettingsKeys = (node: Located['node'] | undefined) =>
	propertyValue(node, 'secretsManagementSettings') !== undefined ||
	propertyValue(node, 'authenticationSettings') !== undefined;

/** Reads an object that is (or wraps) extension settings or properties, as a pasted form. */
function readObject(doc: JsonDocument, form: PastedForm | undefined): PastedInput | undefined {
	const root = doc.root;
	if (!root || root.type !== 'object') return undefined;
	const at = (node: Located['node']): Located => ({ doc, node, scope: undefined });
	// The settings wrapper first: `{ "settings": {…}, "authenticationSettings": {…} }` left the
	// authentication outside settings (KV009 reads the wrapper as the extension's properties).
	const wrapper = propertyValue(root, 'settings', true);
	if (
		wrapper &&
		hasSettingsKeys(wrapper) &&
		!propertyValue(root, 'secretsManagementSettings') &&
		!propertyValue(root, 'publisher', true) &&
		!propertyValue(root, 'type', true)
	)
		return {
			form: form ?? 'settingsWrapper',
			docs: [doc],
			extensions: [{ properties: at(root), settings: at(wrapper) }],
		};
	if (hasSettingsKeys(root))
		return form
			? { form, docs: [doc], extensions: [{ properties: undefined, settings: at(root) }] }
			: undefined;
	const settings = propertyValue(root, 'settings', true);
	const publisher = propertyValue(root, 'publisher', true);
	const type = propertyValue(root, 'type', true);
	if (typeof type?.value === 'string' && /^keyvaultforpaas$/i.test(type.value)) return undefined;
	if ((publisher || type) && (settings || propertyValue(root, 'typeHandlerVersion', true)))
		return {
			form: form ?? 'properties',
			docs: [doc],
			extensions: [{ properties: at(root), settings: settings ? at(settings) : undefined }],
		};
	const properties = propertyValue(root, 'properties', true);
	const innerType = propertyValue(properties, 'type', true)?.value;
	if (typeof innerType === 'string' && /^keyvaultforpaas$/i.test(innerType)) return undefined;
	if (properties && propertyValue(properties, 'publisher', true) && !type)
		return {
			form: form ?? 'properties',
			docs: [doc],
			extensions: [
				{
					properties: at(properties),
					settings: propertyValue(properties, 'settings', true)
						? at(propertyValue(properties, 'settings', true)!)
						: undefined,
				},
			],
		};
	// `{ "name": …, "properties": { "settings": {…} } }` without publisher or type: an extension
	// resource cut down to what matters, recognised by its settings.
	const innerSettings = propertyValue(properties, 'settings', true);
	if (properties && innerSettings && hasSettingsKeys(innerSettings) && !type)
		return {
			form: form ?? 'properties',
			docs: [doc],
			extensions: [{ properties: at(properties), settings: at(innerSettings) }],
		};
	if (settings && hasSettingsKeys(settings))
		return {
			form: form ?? 'settingsWrapper',
			docs: [doc],
			extensions: [{ properties: undefined, settings: at(settings) }],
		};
	const runtime = propertyValue(root, 'runtimeSettings', true);
	if (runtime?.type === 'array') {
		const result: PastedInput = { form: 'handlerSettings', docs: [doc], extensions: [] };
		for (const item of runtime.children ?? []) {
			const publicSettings = propertyValue(
				propertyValue(item, 'handlerSettings', true),
				'publicSettings',
				true
			);
			if (!publicSettings) continue;
			if (publicSettings.type === 'string') {
				// publicSettings as a JSON string: the settings reached the machine as a string (given
				// to PowerShell's -Setting as text), which the extension rejects; KV007 says so there.
				result.extensions.push({ properties: undefined, settings: at(publicSettings) });
			} else result.extensions.push({ properties: undefined, settings: at(publicSettings) });
		}
		return result.extensions.length > 0 ? result : undefined;
	}
	return undefined;
}

/** `"key":` at the start of a pasted text: a fragment of an object. */
const fragmentKey = /^"(?:[^"\\\n]|\\.){1,120}"\s*:/;

/**
 * Recognises what people paste when an extension failed: a fragment without its outer braces
 * (`"secretsManagementSettings": { … }`), an extension's `properties`, settings wrapped in
 * `"settings"`, or the handler settings file copied off the VM. Positions stay in the pasted text.
 */
export function readPasted(source: SourceText, doc: JsonDocument): PastedInput | undefined {
	const whole = readObject(doc, undefined);
	if (whole) return whole;
	const start = source.raw.search(/\S/);
	if (start === -1 || source.raw[start] !== '"') return undefined;
	// `"key": value, …` without braces: read inside braces added around it.
	const length = source.raw.length;
	const wrapped = parseJsonDocument(source, `{${source.raw}\n}`, (offset) =>
		Math.max(0, Math.min(length, offset - 1))
	);
	// A fragment cut off mid-way (brackets left open, a trailing comma) or holding a docs
	// placeholder is still read as far as it goes; its syntax errors are reported beside.
	if (!wrapped.root) return undefined;
	const read = readObject(wrapped, 'fragment');
	if (read) return read;
	// A fragment that holds no extension (the docs' `"identity": { … }`) is read as what it is: its
	// own syntax errors are reported, not the whole's "end of file expected" at its first colon.
	return fragmentKey.test(source.raw.slice(start, start + 200))
		? { form: 'fragment', docs: [wrapped], extensions: [] }
		: undefined;
}

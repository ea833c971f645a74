import type { JsonDocument } from './json.ts';
import type { Anchor } from './navigate.ts';
import type { TemplateScope } from './scope.ts';
import type { Located, Value } from './values.ts';

/** Operating system of a machine or an extension. */
export type OsKind = 'windows' | 'linux';

/** The kinds of machines that host the Key Vault extension. */
export type HostKind = 'vm' | 'vmss' | 'arc';

/** How an extension was written. */
export type ExtensionForm =
	'top-level' | 'nested' | 'profile' | 'resource' | 'settings' | 'command';

/** A value and where it is written (absent when the value is implied). */
export interface Field {
	value: Value;
	anchor: Anchor | undefined;
	at?: Located;
}

/** Any resource of a template, kept for cross-resource rules. */
export interface TemplateResource {
	at: Located;
	/** Full type, lower case (e.g. `microsoft.compute/virtualmachines/extensions`). */
	type: string;
	/** The resource this one is nested in, if any. */
	parent: TemplateResource | undefined;
	/** Symbolic name (languageVersion 2.0). */
	symbolicName: string | undefined;
	scope: TemplateScope;
	/** Canonical lower-case name, computed once (null when it is not a string). */
	canonicalName?: string | null;
	/** The nested deployment this resource is declared in (undefined: the top-level template). */
	deployment: TemplateResource | undefined;
	/** For a nested deployment: whether its expressions have their own scope, and whether it targets another resource group or subscription. */
	placement?: { inner: boolean; elsewhere: boolean };
}

/** A VM, scale set or Arc machine that may host the extension. */
export interface HostResource {
	kind: HostKind;
	resource: TemplateResource;
	extensions: ExtensionSite[];
	/** Other (non Key Vault) extensions declared on the host, as their resource or profile entry nodes. */
	otherExtensions: Located[];
	/** What host.ts has read already (OS, image, identity), so that rules do not read it again. */
	memo: Record<string, unknown>;
}

/** One Key Vault VM extension found in the input. */
export interface ExtensionSite {
	form: ExtensionForm;
	hostKind: HostKind | undefined;
	/** The extension resource (or profile entry) object; absent for bare settings and commands. */
	resource: TemplateResource | undefined;
	/** The object with publisher, type, typeHandlerVersion, settings. */
	properties: Located | undefined;
	/** The settings node as written (may be an expression or a string). */
	settings: Located | undefined;
	/** True when settings are given in a form kvcert cannot read (a PowerShell hashtable, a variable). */
	settingsUnknown?: boolean;
	/** Where settings that could not be read are written, and why (reported by KV051). */
	unread?: {
		anchor: Anchor;
		messageId:
			| 'fileNotRead'
			| 'variableNotRead'
			| 'valueNotRead'
			| 'partNotRead'
			| 'settingStringPath'
			| 'settingAsString'
			| 'settingPathString'
			| 'settingFileText';
		data: Record<string, string>;
	};
	host: HostResource | undefined;
	/**
	 * Which machine the extension is on, for rules that compare extensions (KV039): the declared
	 * host, or the name expression of a machine the template does not declare, within one deployment.
	 */
	machine?: string;
	name: Field | undefined;
	publisher: Field | undefined;
	type: Field | undefined;
	version: Field | undefined;
	/** Where to point at when a finding concerns the whole extension. */
	anchor: Anchor;
	document: CheckedDocument;
}

/** A parsed input with everything rules may look at. */
export interface CheckedDocument {
	doc: JsonDocument | undefined;
	resources: TemplateResource[];
	/** Resources by lower-case full type, for rules that look for vaults, grants… */
	byType: Map<string, TemplateResource[]>;
	hosts: HostResource[];
	extensions: ExtensionSite[];
}

// The examples' texts, loaded with the editor (not with the page).
import azCliInlineJson from './examples/az-cli-inline-json.sh?raw';
import linuxNumericPolling from './examples/linux-numeric-polling.settings.json?raw';
import topLevelWithoutVmName from './examples/top-level-without-vm-name.json?raw';
import userAssignedWithoutClientId from './examples/user-assigned-without-client-id.json?raw';
import linuxSecretId from './examples/linux-secret-id.tf?raw';
import versionedUrl from './examples/versioned-url.settings.json?raw';
import windowsCertificatesUrl from './examples/windows-3.0-certificates-url.json?raw';
import windowsSecretUriWithVersion from './examples/windows-secret-uri-with-version.bicep?raw';
import { checkerExampleEntries, type CheckerExampleEntry } from './example-ids.ts';

const texts: Record<string, string> = {
	'az-cli-inline-json.sh': azCliInlineJson,
	'linux-numeric-polling.settings.json': linuxNumericPolling,
	'top-level-without-vm-name.json': topLevelWithoutVmName,
	'user-assigned-without-client-id.json': userAssignedWithoutClientId,
	'versioned-url.settings.json': versionedUrl,
	'windows-3.0-certificates-url.json': windowsCertificatesUrl,
	'windows-secret-uri-with-version.bicep': windowsSecretUriWithVersion,
	'linux-secret-id.tf': linuxSecretId,
};

/** An example of the menu with its text. */
export interface CheckerExample extends CheckerExampleEntry {
	text: string;
}

/** The examples with their texts, in menu order. */
export const checkerExamples: CheckerExample[] = checkerExampleEntries.map((entry) => ({
	...entry,
	text: texts[entry.file] ?? '',
}));

// The examples menu: realistic broken inputs, each with the findings it should produce (checked by
// tests/unit/checker/examples.test.ts against the engine and by the browser tests in the panel).
import azCliInlineJson from './examples/az-cli-inline-json.sh?raw';
import linuxNumericPolling from './examples/linux-numeric-polling.settings.json?raw';
import topLevelWithoutVmName from './examples/top-level-without-vm-name.json?raw';
import userAssignedWithoutClientId from './examples/user-assigned-without-client-id.json?raw';
import versionedUrl from './examples/versioned-url.settings.json?raw';
import windowsCertificatesUrl from './examples/windows-3.0-certificates-url.json?raw';

/** One example of the menu. */
export interface CheckerExample {
	/** The menu entry's id; its label is `kvcert.checker.examples.<id>`. */
	id: string;
	text: string;
	/** The findings it shows: rule id and line. */
	expected: Array<{ ruleId: string; line: number }>;
}

/** The examples, in menu order. */
export const checkerExamples: CheckerExample[] = [
	{
		id: 'windowsCertificatesUrl',
		text: windowsCertificatesUrl,
		expected: [
			{ ruleId: 'KV012', line: 25 },
			{ ruleId: 'KV015', line: 25 },
		],
	},
	{
		id: 'linuxNumericPolling',
		text: linuxNumericPolling,
		expected: [{ ruleId: 'KV010', line: 3 }],
	},
	{
		id: 'topLevelWithoutVmName',
		text: topLevelWithoutVmName,
		expected: [{ ruleId: 'KV005', line: 11 }],
	},
	{
		id: 'userAssignedWithoutClientId',
		text: userAssignedWithoutClientId,
		expected: [{ ruleId: 'KV030', line: 33 }],
	},
	{
		id: 'versionedUrl',
		text: versionedUrl,
		expected: [{ ruleId: 'KV016', line: 6 }],
	},
	{
		id: 'azCliInlineJson',
		text: azCliInlineJson,
		expected: [
			{ ruleId: 'KV010', line: 8 },
			{ ruleId: 'KV012', line: 8 },
		],
	},
];

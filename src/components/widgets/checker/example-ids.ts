// The examples menu: realistic broken inputs, each with the findings it should produce. Plain data
// (no text imports), so the page markup and the tests can read it; examples.ts adds the texts.

/** One entry of the examples menu. */
export interface CheckerExampleEntry {
	/** The menu entry's id; its label is `kvcert.checker.examples.<id>`. */
	id: string;
	/** The file under checker/examples/ that holds its text. */
	file: string;
	/** The findings it shows, in panel order: rule id and line. */
	expected: Array<{ ruleId: string; line: number }>;
}

/** The examples, in menu order. */
export const checkerExampleEntries: CheckerExampleEntry[] = [
	{
		id: 'windowsCertificatesUrl',
		file: 'windows-3.0-certificates-url.json',
		expected: [
			{ ruleId: 'KV012', line: 25 },
			{ ruleId: 'KV015', line: 25 },
		],
	},
	{
		id: 'linuxNumericPolling',
		file: 'linux-numeric-polling.settings.json',
		expected: [{ ruleId: 'KV010', line: 3 }],
	},
	{
		id: 'topLevelWithoutVmName',
		file: 'top-level-without-vm-name.json',
		expected: [{ ruleId: 'KV005', line: 11 }],
	},
	{
		id: 'userAssignedWithoutClientId',
		file: 'user-assigned-without-client-id.json',
		expected: [{ ruleId: 'KV030', line: 33 }],
	},
	{
		id: 'versionedUrl',
		file: 'versioned-url.settings.json',
		expected: [{ ruleId: 'KV016', line: 6 }],
	},
	{
		id: 'azCliInlineJson',
		file: 'az-cli-inline-json.sh',
		expected: [
			{ ruleId: 'KV010', line: 8 },
			{ ruleId: 'KV012', line: 8 },
		],
	},
	{
		id: 'bicepSecretUriWithVersion',
		file: 'windows-secret-uri-with-version.bicep',
		expected: [
			{ ruleId: 'KV010', line: 31 },
			{ ruleId: 'KV043', line: 34 },
		],
	},
	{
		id: 'terraformSecretId',
		file: 'linux-secret-id.tf',
		expected: [
			{ ruleId: 'KV010', line: 17 },
			{ ruleId: 'KV042', line: 20 },
		],
	},
];

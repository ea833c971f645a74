/** The ids of the examples menu, in order (the texts live in examples.ts, loaded with the editor). */
export const checkerExampleIds = [
	'windowsCertificatesUrl',
	'linuxNumericPolling',
	'topLevelWithoutVmName',
	'userAssignedWithoutClientId',
	'versionedUrl',
	'azCliInlineJson',
] as const;

/**
 * What the checker's file picker offers: every kind of file the checker reads (ARM and parameters
 * JSON, Bicep and its parameters, Terraform in HCL and JSON, settings, shell and PowerShell scripts),
 * plus plain text. `.tf.json` is covered by `.json`, but is listed so the list says what it means.
 */
export const acceptedFiles: readonly string[] = [
	'.json',
	'.jsonc',
	'.bicep',
	'.bicepparam',
	'.tf',
	'.tf.json',
	'.ps1',
	'.sh',
	'.azcli',
	'.txt',
	'application/json',
	'text/plain',
];

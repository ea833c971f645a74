// The Bicep and Terraform readers, imported on demand by engine/check.ts (only when such input
// appears), so that checks of ARM JSON and commands load none of them.
export {
	bicepModulesNotRead,
	bicepparamAsBicep,
	jsonBicepParameters,
	readBicep,
	readBicepParameters,
} from './bicep.ts';
export { readTerraform, terraformUnread } from './terraform.ts';
export { terraformJsonTree } from './terraform-json.ts';

// The shape of an ARM deployment template and parameters file (the parts Resource Manager reads
// before it evaluates anything), after learn.microsoft.com/azure/azure-resource-manager/templates/syntax
// and the deploymentTemplate.json / deploymentParameters.json schemas (2019-04-01).
const expression = { type: 'string' };
const parameter = {
	type: 'object',
	required: ['type'],
	properties: {
		type: {
			enum: ['string', 'securestring', 'int', 'bool', 'object', 'secureObject', 'array'],
		},
		defaultValue: {},
		allowedValues: { type: 'array' },
		metadata: {
			type: 'object',
			properties: { description: { type: 'string', minLength: 1 } },
		},
	},
	additionalProperties: false,
};
const resource = {
	type: 'object',
	required: ['type', 'apiVersion', 'name'],
	properties: {
		type: { type: 'string', pattern: '^([A-Za-z0-9.]+/[A-Za-z0-9./]+|[A-Za-z]+)$' },
		apiVersion: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(-preview)?$' },
		name: expression,
		location: expression,
		scope: expression,
		condition: {},
		dependsOn: { type: 'array', items: expression },
		identity: {
			type: 'object',
			required: ['type'],
			properties: {
				type: { enum: ['SystemAssigned', 'UserAssigned', 'SystemAssigned, UserAssigned', 'None'] },
				userAssignedIdentities: { type: 'object' },
			},
			additionalProperties: false,
		},
		sku: { type: 'object' },
		properties: { type: 'object' },
		resources: { type: 'array', items: { $ref: '#/definitions/resource' } },
	},
	additionalProperties: false,
};

export const deploymentTemplateSchema = {
	type: 'object',
	required: ['$schema', 'contentVersion', 'resources'],
	definitions: { resource },
	properties: {
		$schema: {
			const: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
		},
		contentVersion: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$' },
		metadata: { type: 'object' },
		parameters: { type: 'object', additionalProperties: parameter },
		variables: { type: 'object' },
		resources: { type: 'array', minItems: 1, items: { $ref: '#/definitions/resource' } },
		outputs: { type: 'object' },
	},
	additionalProperties: false,
};

export const deploymentParametersSchema = {
	type: 'object',
	required: ['$schema', 'contentVersion', 'parameters'],
	properties: {
		$schema: {
			const: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
		},
		contentVersion: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$' },
		parameters: {
			type: 'object',
			additionalProperties: {
				type: 'object',
				required: ['value'],
				properties: { value: {} },
				additionalProperties: false,
			},
		},
	},
	additionalProperties: false,
};

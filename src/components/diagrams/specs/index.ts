import type { DiagramSpec } from '../model';
import { managedIdentity } from './managed-identity';
import { renewal } from './renewal';
import { servicePrincipal } from './service-principal';
import { vmExtension } from './vm-extension';

/** Every diagram on the site, by the name pages use in `<Diagram name="…" />`. */
export const diagrams = {
	'service-principal': servicePrincipal,
	'managed-identity': managedIdentity,
	'vm-extension': vmExtension,
	renewal,
} satisfies Record<string, DiagramSpec>;

export type DiagramName = keyof typeof diagrams;

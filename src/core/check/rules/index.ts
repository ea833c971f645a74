import { publisherRule } from './kv001-publisher.ts';
import { extensionTypeRule } from './kv002-extension-type.ts';
import { typeHandlerVersionRule } from './kv003-type-handler-version.ts';
import { unsupportedVersionRule } from './kv004-unsupported-version.ts';
import { childResourceNameRule } from './kv005-child-resource-name.ts';
import { dependsOnMachineRule } from './kv006-depends-on-machine.ts';
import { settingsObjectRule } from './kv007-settings-object.ts';
import { observedCertificatesRequiredRule } from './kv008-observed-certificates-required.ts';
import { authenticationSettingsPlacementRule } from './kv009-authentication-settings-placement.ts';
import { pollingIntervalStringRule } from './kv010-polling-interval-string.ts';
import { pollingIntervalRangeRule } from './kv011-polling-interval-range.ts';
import { observedCertificatesShapeRule } from './kv012-observed-certificates-shape.ts';
import { v4StringListRule } from './kv013-v4-string-list.ts';
import { observedUrlFormatRule } from './kv014-observed-url-format.ts';
import { certificatesPathRule } from './kv015-certificates-path.ts';
import { versionedUrlRule } from './kv016-versioned-url.ts';
import { managedHsmRule } from './kv017-managed-hsm.ts';
import { vaultAndSecretNamesRule } from './kv018-vault-and-secret-names.ts';
import { cloudSuffixRule } from './kv019-cloud-suffix.ts';
import { windowsStoreLocationRule } from './kv020-windows-store-location.ts';
import { linuxStoreLocationRule } from './kv021-linux-store-location.ts';
import { linuxStoreNameRule } from './kv022-linux-store-name.ts';
import { linkOnRenewalRule } from './kv023-link-on-renewal.ts';
import { keyExportableRule } from './kv024-key-exportable.ts';
import { requireInitialSyncV4Rule } from './kv025-require-initial-sync-v4.ts';
import { osSpecificSettingsRule } from './kv026-os-specific-settings.ts';
import { linuxV4RemovedSettingsRule } from './kv027-linux-v4-removed-settings.ts';
import { booleanStringsRule } from './kv028-boolean-strings.ts';
import { managedIdentityRequiredRule } from './kv029-managed-identity-required.ts';
import { msiClientIdRequiredRule } from './kv030-msi-client-id-required.ts';
import { msiEndpointRequiredRule } from './kv031-msi-endpoint-required.ts';
import { msiClientIdFormatRule } from './kv032-msi-client-id-format.ts';
import { systemAssignedAuthenticationSettingsRule } from './kv033-system-assigned-authentication-settings.ts';
import { msiEndpointFormatRule } from './kv034-msi-endpoint-format.ts';
import { arcMsiEndpointRule } from './kv035-arc-msi-endpoint.ts';
import { vaultAccessRule } from './kv036-vault-access.ts';
import { initialSyncDeadlockRule } from './kv037-initial-sync-deadlock.ts';
import { misplacedExtensionPropertiesRule } from './kv038-misplaced-extension-properties.ts';
import { duplicateHandlerRule } from './kv039-duplicate-handler.ts';
import { windowsV4OldServerRule } from './kv040-windows-v4-old-server.ts';
import { linuxV4DistributionRule } from './kv041-linux-v4-distribution.ts';
import { terraformCertificateAttributeRule } from './kv042-terraform-certificate-attribute.ts';
import { secretUriWithVersionRule } from './kv043-secret-uri-with-version.ts';
import { protectedSettingsRule } from './kv044-protected-settings.ts';
import { provisionAfterExtensionsRule } from './kv045-provision-after-extensions.ts';
import { linuxAclsShapeRule } from './kv046-linux-acls-shape.ts';
import { expressionSyntaxRule } from './kv049-expression-syntax.ts';
import { jsonSyntaxRule } from './kv050-json-syntax.ts';
import { unreadInputRule } from './kv051-unread-input.ts';
import { settingsSchemaRule } from './kv052-settings-schema.ts';
import { azOptionDashesRule } from './kv053-az-option-dashes.ts';
import { suppressionCommentRule } from './kv060-suppression-comment.ts';
import type { Rule } from '../rule.ts';

/** Every rule, in catalog order. KV049, KV050, KV051, KV053 and KV060 are reported by the engine and the readers. */
export const rules: Rule[] = [
	publisherRule,
	extensionTypeRule,
	typeHandlerVersionRule,
	unsupportedVersionRule,
	childResourceNameRule,
	dependsOnMachineRule,
	settingsObjectRule,
	observedCertificatesRequiredRule,
	authenticationSettingsPlacementRule,
	pollingIntervalStringRule,
	pollingIntervalRangeRule,
	observedCertificatesShapeRule,
	v4StringListRule,
	observedUrlFormatRule,
	certificatesPathRule,
	versionedUrlRule,
	managedHsmRule,
	vaultAndSecretNamesRule,
	cloudSuffixRule,
	windowsStoreLocationRule,
	linuxStoreLocationRule,
	linuxStoreNameRule,
	linkOnRenewalRule,
	keyExportableRule,
	requireInitialSyncV4Rule,
	osSpecificSettingsRule,
	linuxV4RemovedSettingsRule,
	booleanStringsRule,
	managedIdentityRequiredRule,
	msiClientIdRequiredRule,
	msiEndpointRequiredRule,
	msiClientIdFormatRule,
	systemAssignedAuthenticationSettingsRule,
	msiEndpointFormatRule,
	arcMsiEndpointRule,
	vaultAccessRule,
	initialSyncDeadlockRule,
	misplacedExtensionPropertiesRule,
	duplicateHandlerRule,
	windowsV4OldServerRule,
	linuxV4DistributionRule,
	terraformCertificateAttributeRule,
	secretUriWithVersionRule,
	protectedSettingsRule,
	provisionAfterExtensionsRule,
	linuxAclsShapeRule,
	expressionSyntaxRule,
	jsonSyntaxRule,
	unreadInputRule,
	settingsSchemaRule,
	azOptionDashesRule,
	suppressionCommentRule,
];

/** Finds a rule by id (e.g. `KV015`) or name (e.g. `certificates-path`). */
export function findRule(idOrName: string): Rule | undefined {
	const key = idOrName.toLowerCase();
	return rules.find((rule) => rule.id.toLowerCase() === key || rule.name === key);
}

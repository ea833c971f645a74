import { resourceName } from '../find.ts';
import { hostIdentity } from '../host.ts';
import type { TemplateResource } from '../model.ts';
import { anchorOf, child, items, resolve } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule, type RuleContext } from '../rule.ts';
import { canonicalText, type Located } from '../values.ts';
import { observedUrls } from './observed-urls.ts';
import { booleanOf } from './util.ts';

/** Role definitions whose data actions include reading secrets (research/kvvm-extension.md §3.8). */
const secretReadingRoles = [
	'4633458b-17de-408a-b874-0445c86b69e6',
	'00482a5a-887f-4fb3-b363-3b7fe8e74483',
	'b86a8fe4-44ce-4948-aee5-eccb2c155cd7',
];

/** The canonical vault name of an observed URL: the host without its suffix, holes as markers. */
function vaultKey(canonical: string): string | undefined {
	const match = /^https:\/\/((?:\uE001[^\uE001]*\uE001|[^/\uE001])*)/i.exec(canonical);
	if (!match) return undefined;
	return match[1]!
		.replace(/\uE001[^\uE001]*keyvaultdns\uE001.*$/, '')
		.replace(/\.vault\..*$/i, '')
		.toLowerCase();
}

/** The key of the hole an observed URL starts with (`${vault.vault_uri}secrets/…`), or ''. */
function leadingHole(canonical: string): string {
	return /^\uE001([^\uE001]*)\uE001/.exec(canonical)?.[1] ?? '';
}

/**
 * The user-assigned identity a text refers to: a Terraform `azurerm_user_assigned_identity.<name>`
 * (its `.id`, `.principal_id`, `.client_id`) or an ARM/Bicep `…/userAssignedIdentities/<name>`
 * (its resource ID, or `reference(…).principalId` / `.clientId`). Undefined for anything else.
 */
function identityName(canonical: string | undefined): string | undefined {
	if (canonical === undefined) return undefined;
	const terraform = /user_assigned_identity\.([\w-]+)/.exec(canonical);
	if (terraform) return `azurerm_user_assigned_identity.${terraform[1]}`;
	const arm = /userassignedidentities\/([^/()\s'",\]\uE001{}]+)/i.exec(canonical);
	if (!arm) return undefined;
	// A name whose rest is unknown (`concat('id-', parameters('a'))`) is not guessed from its start.
	// (An unknown part shows as `{…}` in the canonical text, or as a \uE001 hole.)
	const next = canonical[arm.index + arm[0].length];
	if (next === '{' || next === '\uE001') return undefined;
	return arm[1]!.toLowerCase();
}

/**
 * The user-assigned identity the extension authenticates with, when the input tells: the one its
 * msiClientId refers to, or the machine's only identity (one user-assigned, no system-assigned).
 */
function extensionIdentity(context: RuleContext): string | undefined {
	const clientId = child(context.authenticationSettings, 'msiClientId', true);
	if (clientId) return identityName(canonicalText(resolve(clientId).value));
	const host = context.extension.host;
	if (!host) return undefined;
	const identity = hostIdentity(host);
	if (identity.systemAssigned !== false || identity.userAssignedKeys.length !== 1) return undefined;
	const key = identity.userAssignedKeys[0]!;
	return identityName(canonicalText(resolve(key).value) ?? undefined);
}

type Grant = 'policy' | 'role' | 'unknown';

/** An access policy that grants secrets get without list, and whose principal it names. */
interface GetOnly {
	policy: Located;
	principal: string | undefined;
}

interface PolicyGrants {
	grants: Grant[];
	/** Principals (identityName) of the policies that grant get and list. */
	full: Array<string | undefined>;
	getOnly: GetOnly[];
}

/** Access policies with secrets get and list, on the vault itself or as accessPolicies resources. */
function policyGrants(
	vault: TemplateResource,
	name: string,
	byType: Map<string, TemplateResource[]>
): PolicyGrants {
	const result: PolicyGrants = { grants: [], full: [], getOnly: [] };
	const lists = [child(child(vault.at, 'properties', true), 'accessPolicies', true)];
	for (const resource of byType.get('microsoft.keyvault/vaults/accesspolicies') ?? []) {
		const own = resource.parent === vault || resourceName(resource)?.startsWith(`${name}/`);
		if (own) lists.push(child(child(resource.at, 'properties', true), 'accessPolicies', true));
	}
	for (const list of lists) {
		if (!list) continue;
		if (resolve(list).at.node.type !== 'array') {
			result.grants.push('unknown');
			continue;
		}
		for (const policy of items(list)) {
			const secrets = child(child(policy, 'permissions', true), 'secrets', true);
			const names = items(secrets).map((p) => canonicalText(resolve(p).value)?.toLowerCase());
			const objectId = child(policy, 'objectId', true);
			const principal = objectId ? identityName(canonicalText(resolve(objectId).value)) : undefined;
			if (
				!secrets ||
				resolve(secrets).at.node.type !== 'array' ||
				names.some((n) => n === undefined || n.includes('\uE001'))
			)
				result.grants.push('unknown');
			else if (names.includes('all') || (names.includes('get') && names.includes('list'))) {
				result.grants.push('policy');
				result.full.push(principal);
			} else if (names.includes('get')) result.getOnly.push({ policy, principal });
		}
	}
	return result;
}

function roleGrants(byType: Map<string, TemplateResource[]>): Grant[] {
	const grants: Grant[] = [];
	for (const resource of byType.get('microsoft.authorization/roleassignments') ?? []) {
		const role = canonicalText(
			resolve(
				child(child(resource.at, 'properties', true), 'roleDefinitionId', true) ?? resource.at
			).value
		)?.toLowerCase();
		if (
			role === undefined ||
			(role.includes('\uE001') && !secretReadingRoles.some((r) => role.includes(r)))
		)
			grants.push('unknown');
		else if (secretReadingRoles.some((r) => role.includes(r))) grants.push('role');
	}
	return grants;
}

/** KV036: the vault, when in the same template, grants the identity access to secrets. */
export const vaultAccessRule = defineRule({
	id: 'KV036',
	name: 'vault-access',
	severity: 'warning',
	meta: {
		title: {
			ja: 'Key Vault でマネージド ID にシークレットの読み取りを許可します',
			en: 'The vault must let the identity read secrets',
		},
		docs: {
			ja: '拡張機能の ID に必要なアクセス許可は、Key Vault の方式で違います。アクセス ポリシーなら、シークレットの get と list (portal では「取得」と「一覧」) です。RBAC なら、「Key Vault シークレット ユーザー (Key Vault Secrets User)」ロール (4633458b-17de-408a-b874-0445c86b69e6) です。監視する証明書の Key Vault が同じテンプレートにあり、どちらの付与も見つからない場合に警告します。RBAC を使わない Key Vault へのロールの割り当ては効果がありません。RBAC を使う Key Vault にアクセス ポリシーだけがある場合の挙動は、ドキュメントに記載がありません。そのため、この場合は情報に留めています。拡張機能が使うユーザー割り当てマネージド ID は、入力から分かる場合があります (msiClientId が参照している ID か、マシンに割り当てられた ID がユーザー割り当てマネージド ID 1 つだけの場合はその ID)。このとき、その ID へのアクセス ポリシーがシークレットの get だけを許可して list を許可していなければ、ほかのプリンシパルに get と list を許可するポリシーがあっても警告します。get だけで失敗したという報告は見つかっていませんが、ドキュメントは get と list を求めています。それ以外の場合は、付与先のプリンシパルが拡張機能の ID かどうかまでは確認しません。',
			en: 'The extension’s identity needs secrets get and list on an access-policy vault, or the "Key Vault Secrets User" role (4633458b-17de-408a-b874-0445c86b69e6) on an RBAC vault. When the vault of an observed certificate is in the same template and neither grant is found, the rule warns. A role assignment does nothing on a vault that does not use RBAC. Access policies on an RBAC vault are reported as info only, as their effect is not confirmed by the sources. When the input tells which user-assigned identity the extension uses (the one its msiClientId refers to, or the machine’s only identity) and the access policy for that identity grants secrets get without list, the rule warns even when other principals are granted both: no failure with get alone has been reported, but the documentation asks for get and list. Otherwise it does not check that the grant’s principal is the extension’s identity.',
		},
		messages: {
			noGrant: {
				ja: 'Key Vault {{vault}} に、シークレットの get/list を許可するアクセス ポリシーも、Key Vault シークレット ユーザー (Key Vault Secrets User) のロールの割り当ても見つかりません。',
				en: 'Vault {{vault}} has neither an access policy with secrets get/list nor a Key Vault Secrets User role assignment.',
			},
			roleOnPolicyVault: {
				ja: 'Key Vault {{vault}} は RBAC を使っていない (enableRbacAuthorization: false) ため、ロールの割り当ては効果がありません。アクセス ポリシーでシークレットの get/list を許可してください。',
				en: 'Vault {{vault}} does not use RBAC (enableRbacAuthorization: false), so role assignments have no effect; grant secrets get/list with an access policy.',
			},
			getWithoutList: {
				ja: 'Key Vault {{vault}} のアクセス ポリシーは、拡張機能が使うユーザー割り当てマネージド ID {{identity}} にシークレットの get だけを許可し、list を許可していません。ドキュメントでは、シークレットの get と list の両方を許可するよう求めています。このポリシーのシークレットのアクセス許可に list を追加してください。',
				en: 'The access policy of vault {{vault}} for {{identity}}, the identity the extension uses, grants secrets get but not list; the documentation asks access policies for both. Add list to its secret permissions.',
			},
			policyOnRbacVault: {
				ja: 'Key Vault {{vault}} は RBAC を使っています。アクセス ポリシーではなく、Key Vault シークレット ユーザー (Key Vault Secrets User) ロールを割り当ててください。',
				en: 'Vault {{vault}} uses RBAC; assign the Key Vault Secrets User role rather than an access policy.',
			},
		},
		sources: ['S1', 'S2', 'S15'],
	},
	check(context) {
		const { byType } = context.extension.document;
		const vaults = byType.get('microsoft.keyvault/vaults') ?? [];
		if (vaults.length === 0) return;
		const reported = new Set<TemplateResource>();
		const identity = extensionIdentity(context);
		for (const url of observedUrls(context)) {
			const canonical = canonicalText(url.shape.value);
			if (canonical === undefined) continue;
			const key = vaultKey(canonical);
			const vault = vaults.find((v) => {
				const name = resourceName(v);
				if (name === undefined) return false;
				if (key !== undefined && key === name) return true;
				const hole = url.shape.hole?.key ?? leadingHole(canonical);
				const inner = name.replace(/\uE001/g, '');
				return (
					/vaulturi|secreturi/.test(hole) &&
					hole.includes(`microsoft.keyvault/vaults/`) &&
					hole.includes(inner)
				);
			});
			if (!vault || reported.has(vault)) continue;
			reported.add(vault);
			const name = resourceName(vault)!;
			const rbac = booleanOf(
				child(child(vault.at, 'properties', true), 'enableRbacAuthorization', true)
			);
			const policies = policyGrants(vault, name, byType);
			const grants = [...policies.grants, ...roleGrants(byType)];
			if (grants.includes('unknown')) continue;
			const related = [{ at: anchorOf(vault.at), message: relatedMessages.vaultDeclared }];
			const data = { vault: name.replace(/\uE001([^\uE001]*)\uE001/g, '{$1}') };
			const hasPolicy = grants.includes('policy');
			const hasRole = grants.includes('role');
			// The extension's own identity has get without list, whatever other principals are granted.
			const ownGetOnly = identity
				? policies.getOnly.find((g) => g.principal === identity)
				: undefined;
			if (ownGetOnly && !hasRole && rbac !== true && !policies.full.includes(identity))
				context.report({
					messageId: 'getWithoutList',
					data: { ...data, identity: identity! },
					at: url.use,
					related: [
						...related,
						{ at: anchorOf(ownGetOnly.policy), message: relatedMessages.grantHere },
					],
				});
			else if (!hasPolicy && !hasRole)
				context.report({ messageId: 'noGrant', data, at: url.use, related });
			else if (rbac === false && hasRole && !hasPolicy)
				context.report({ messageId: 'roleOnPolicyVault', data, at: url.use, related });
			else if (rbac === true && hasPolicy && !hasRole)
				context.report({
					messageId: 'policyOnRbacVault',
					data,
					severity: 'info',
					at: url.use,
					related,
				});
		}
	},
});

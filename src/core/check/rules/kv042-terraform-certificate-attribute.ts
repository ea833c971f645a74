import type { Anchor } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { isHole, type Hole, type Value } from '../values.ts';

/** The Terraform attribute a URL comes from, when it is a key vault certificate's or secret's. */
function terraformAttribute(value: Value): { type: string; attribute: string } | undefined {
	const holes: Hole[] =
		value.kind === 'unknown'
			? [value.hole]
			: value.kind === 'string'
				? value.parts.filter(isHole).map((p) => p.hole)
				: [];
	for (const hole of holes) {
		const match = /^tf:azurerm_key_vault_(certificate|secret)\.([a-z_]+):/.exec(hole.key);
		if (match) return { type: match[1]!, attribute: match[2]! };
	}
	return undefined;
}

/** KV042: Terraform `secret_id` pins a version; `id`/`versionless_id` of a certificate is a /certificates/ URL. */
export const terraformCertificateAttributeRule = defineRule({
	id: 'KV042',
	name: 'terraform-certificate-attribute',
	severity: 'warning',
	meta: {
		title: {
			ja: 'Terraform では azurerm_key_vault_certificate の versionless_secret_id を監視します',
			en: 'In Terraform, observe the versionless_secret_id of azurerm_key_vault_certificate',
		},
		docs: {
			ja: '`azurerm_key_vault_certificate` の `secret_id` は、バージョン付きのシークレット URL です。4.0 (Windows) と 4.x (Linux) はバージョン付きの URL を受け付けません。1.0～3.0 での扱いはドキュメントに記載がないため、更新後の新しいバージョンは取得されないものと考えてください。`id` と `versionless_id` は `/certificates/` の URL で、秘密鍵を含みません。`versionless_secret_id` (バージョンなしの `/secrets/` URL) を使ってください。`azurerm_key_vault_secret` の `id` もバージョン付きです (`versionless_id` を使います)。',
			en: 'The `secret_id` of `azurerm_key_vault_certificate` is a versioned secret URL: 4.0 (Windows) and 4.x (Linux) reject versioned URLs, and what 1.0–3.0 do with one is not documented, so assume renewed versions are not picked up. `id` and `versionless_id` are `/certificates/` URLs, without the private key. Use `versionless_secret_id` (the versionless `/secrets/` URL). The `id` of `azurerm_key_vault_secret` is versioned too (use `versionless_id`).',
		},
		messages: {
			versioned: {
				ja: '{{attribute}} はバージョン付きの URL です。4.0 (Windows) と 4.x (Linux) では使えず、1.0～3.0 でも更新後のバージョンは取得されないものと考えてください。{{replacement}} を使ってください。',
				en: '{{attribute}} is a versioned URL: 4.0 (Windows) and 4.x (Linux) reject it, and with 1.0–3.0 assume renewed certificates are not followed. Use {{replacement}}.',
			},
			certificates: {
				ja: '{{attribute}} は /certificates/ の URL で、秘密鍵を含みません。versionless_secret_id を使ってください。',
				en: '{{attribute}} is a /certificates/ URL, without the private key. Use versionless_secret_id.',
			},
			fix: { ja: '{{replacement}} にする', en: 'Use {{replacement}}' },
		},
		sources: ['S22', 'S23'],
	},
	check(context) {
		for (const entry of context.observedCertificates ?? []) {
			const url =
				entry.url ??
				(entry.shape === 'unknown' ? { at: entry.at, resolved: entry.resolved } : undefined);
			if (!url) continue;
			const found = terraformAttribute(url.resolved.value);
			if (!found) continue;
			const { type, attribute } = found;
			let messageId: 'versioned' | 'certificates';
			let replacement: string;
			if (type === 'certificate' && attribute === 'secret_id') {
				messageId = 'versioned';
				replacement = 'versionless_secret_id';
			} else if (type === 'secret' && attribute === 'id') {
				messageId = 'versioned';
				replacement = 'versionless_id';
			} else if (type === 'certificate' && (attribute === 'id' || attribute === 'versionless_id')) {
				messageId = 'certificates';
				replacement = 'versionless_secret_id';
			} else continue;
			// Point at the attribute where the reference is written (the place of use, or a local/variable).
			const at = url.resolved.at;
			const { source } = at.doc;
			const start = at.doc.toRaw(at.node.offset);
			const end = at.doc.toRaw(at.node.offset + at.node.length);
			const written = source.raw.slice(start, end);
			const index = written.search(
				new RegExp(`azurerm_key_vault_${type}\\.[\\w-]+(?:\\[[^\\]]*\\])?\\.${attribute}\\b`)
			);
			let exact: Anchor | undefined;
			if (index !== -1) {
				const attributeStart = written.indexOf(`.${attribute}`, index) + 1;
				exact = {
					source,
					start: start + attributeStart,
					end: start + attributeStart + attribute.length,
				};
			}
			context.report({
				messageId,
				data: { attribute, replacement },
				at: exact ?? { source, start, end },
				...(exact
					? {
							fix: {
								messageId: 'fix',
								data: { replacement },
								edits: [{ at: exact, text: replacement }],
							},
						}
					: {}),
			});
		}
	},
});

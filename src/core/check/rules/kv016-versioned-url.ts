import type { Anchor } from '../navigate.ts';
import type { ReportDescriptor } from '../rule.ts';
import { defineRule } from '../rule.ts';
import { positionAt } from '../source.ts';
import { observedUrls, pieceReport } from './observed-urls.ts';

/** KV016: observed URLs are versionless so that renewals are followed. */
export const versionedUrlRule = defineRule({
	id: 'KV016',
	name: 'versioned-url',
	severity: 'warning',
	meta: {
		title: {
			ja: '証明書の URL にバージョンを含めません',
			en: 'Do not pin a version in certificate URLs',
		},
		docs: {
			ja: '拡張機能はバージョンなしの URL (`/secrets/<名前>`) を定期的にポーリングし、更新された新しいバージョンをインストールします。4.0 (Windows) と 4.x (Linux) ではバージョン付きの URL 自体が使えないため、エラーにしています。1.0～3.0 で 32 文字のバージョンを付けた URL をどう扱うか (そのバージョンに固定するのか) はドキュメントに記載がありません。更新に追従しないものと考え、警告にしています。',
			en: 'The extension polls versionless URLs (`/secrets/<name>`) and installs each renewed version. 4.0 (Windows) and 4.x (Linux) no longer accept versioned URLs, so there it is an error. What 1.0–3.0 do with a 32-character version segment (pin that version, or something else) is not documented; assume renewals are not followed, so it is a warning.',
		},
		messages: {
			versioned: {
				ja: 'URL にバージョン {{actual}} が含まれています。更新された証明書をインストールさせるには、バージョンなしの URL にしてください。',
				en: 'The URL names version {{actual}}; use the versionless URL so that renewed certificates are installed.',
			},
			fix: { ja: 'バージョンのセグメントを削除する', en: 'Remove the version segment' },
			versionedVariable: {
				ja: '{{variable}} にはバージョン付きの ID が入っています ({{line}} 行目で `{{command}}` の出力を代入しています)。4.0 (Windows) と 4.x (Linux) ではバージョン付きの URL は使えず、1.0～3.0 でも更新後の証明書は取得されないものと考えてください。バージョンなしの URL (https://<Key Vault 名>.vault.azure.net/secrets/<証明書名>) を渡してください。',
				en: '{{variable}} holds a versioned id (assigned from `{{command}}` on line {{line}}): 4.0 (Windows) and 4.x (Linux) reject versioned URLs, and with 1.0–3.0 assume renewed certificates are not followed. Pass the versionless URL (https://<vault-name>.vault.azure.net/secrets/<certificate-name>).',
			},
		},
		sources: ['S13', 'S12', 'S1', 'S11'],
		examples: {
			bad: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "observedCertificates": [
      {
        "url": "https://kvprod.vault.azure.net/secrets/web/0123456789abcdef0123456789abcdef",
        "certificateStoreName": "MY",
        "certificateStoreLocation": "LocalMachine"
      }
    ]
  }
}`,
			good: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "observedCertificates": [
      {
        "url": "https://kvprod.vault.azure.net/secrets/web",
        "certificateStoreName": "MY",
        "certificateStoreLocation": "LocalMachine"
      }
    ]
  }
}`,
		},
	},
	check(context) {
		for (const url of observedUrls(context)) {
			const [, name, version] = url.shape.segments;
			if (!name || !version?.known || !/^[0-9a-f]{32}$/i.test(version.text)) continue;
			const place = pieceReport(url, version);
			const removal = pieceReport(url, { ...version, start: name.end, end: version.end }).exact;
			context.report({
				messageId: 'versioned',
				data: { actual: version.text },
				severity: context.major === 4 ? 'error' : 'warning',
				...place,
				...(removal ? { fix: { messageId: 'fix', edits: [{ at: removal, text: '' }] } } : {}),
			});
		}
	},
});

/**
 * A script variable assigned a versioned id (`az keyvault certificate show … --query sid`) and used
 * in the settings: reported at the use, the assignment named (input/versioned-ids.ts).
 */
export function versionedVariable(use: {
	use: Anchor;
	assigned: Anchor;
	variable: string;
	command: string;
	version: string | undefined;
}): ReportDescriptor {
	const major = use.version ? Number.parseInt(use.version, 10) : undefined;
	return {
		messageId: 'versionedVariable',
		severity: major === 4 ? 'error' : 'warning',
		data: {
			variable: use.variable,
			command: use.command,
			line: String(positionAt(use.assigned.source, use.assigned.start).line),
		},
		at: use.use,
		related: [{ at: use.assigned, message: assignedHere }],
	};
}

const assignedHere = {
	ja: 'ここでバージョン付きの ID を代入しています。',
	en: 'The versioned id is assigned here.',
};

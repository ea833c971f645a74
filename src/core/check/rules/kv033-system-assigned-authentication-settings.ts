import { hostIdentity } from '../host.ts';
import { anchorOf } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule } from '../rule.ts';
import { propertyKeyAnchor } from './util.ts';

/** KV033: with only a system-assigned identity, the Linux docs say to omit authenticationSettings (Windows 4.0 recommends it). */
export const systemAssignedAuthenticationSettingsRule = defineRule({
	id: 'KV033',
	name: 'system-assigned-authentication-settings',
	severity: 'warning',
	meta: {
		title: {
			ja: 'システム割り当てマネージド ID だけの場合の authenticationSettings はドキュメントによって指示が異なります',
			en: 'With only a system-assigned identity, the docs disagree about authenticationSettings',
		},
		docs: {
			ja: 'システム割り当てマネージド ID だけを持つ仮想マシンの authenticationSettings について、ドキュメントの記述は食い違っています。古い Windows のドキュメントは「推奨」、2024 年の Linux のドキュメントは「引き続き必要」としています。2025 年 4 月の Linux 3.0 のドキュメントは「省略してください。含めるとデプロイが失敗します」、Linux 4.x は「省略してください」です。Windows 4.0 のドキュメントは「複数の ID を持つ VM 拡張機能での問題を避けるため」に定義するよう勧めていますが、省くと失敗するとは書いていません。このルールは Linux の新しいドキュメントに従って省くよう勧めます。ドキュメントが一致しないため、エラーではなく警告にしています。Windows 4.0 で省いて拡張機能がトークンを取得できない場合は、authenticationSettings を追加してください。',
			en: 'The docs disagree about authenticationSettings on a machine with only a system-assigned identity: an older Windows doc "recommends" it, the 2024 Linux doc says it is "still required", the April 2025 Linux 3.0 doc says "omit … Including it will cause deployment to fail", and Linux 4.x says "Omit". The Windows 4.0 doc says to define it "to avoid issues with a VM extension with multiple identities", without saying that omitting it fails. The rule follows the newer Linux docs and suggests omitting it; because the sources disagree it is a warning, not an error. On Windows 4.0, if the extension cannot get a token without it, add authenticationSettings back.',
		},
		messages: {
			present: {
				ja: '仮想マシンにはシステム割り当てマネージド ID しかありません。Linux の新しいドキュメントは authenticationSettings を省くよう指示しています (2025 年 4 月の Linux 3.0 のドキュメントは、含めるとデプロイが失敗すると書いています)。Windows 4.0 のドキュメントは定義するよう勧めていますが、省いて失敗するという記述はありません。Windows で省いて拡張機能がトークンを取得できない場合は、authenticationSettings を追加してください。',
				en: 'The machine has only a system-assigned identity. The newer Linux docs say to omit authenticationSettings (the April 2025 Linux 3.0 doc says including it makes the deployment fail); the Windows 4.0 doc recommends defining it but does not say that omitting it fails. On Windows, if the extension cannot get a token without it, add authenticationSettings.',
			},
		},
		sources: ['S7', 'S11', 'S3', 'S8'],
	},
	check(context) {
		const { host } = context.extension;
		const auth = context.authenticationSettings;
		if (!host || host.kind === 'arc' || !auth) return;
		const identity = hostIdentity(host);
		if (identity.systemAssigned !== true || identity.userAssigned !== false) return;
		context.report({
			messageId: 'present',
			at: propertyKeyAnchor(auth),
			related: identity.at
				? [{ at: anchorOf(identity.at), message: relatedMessages.identityDeclared }]
				: [],
		});
	},
});

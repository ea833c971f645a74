import { hostIdentity } from '../host.ts';
import { anchorOf } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule } from '../rule.ts';
import { propertyKeyAnchor } from './util.ts';

/** KV033: with only a system-assigned identity, current docs say to omit authenticationSettings. */
export const systemAssignedAuthenticationSettingsRule = defineRule({
	id: 'KV033',
	name: 'system-assigned-authentication-settings',
	severity: 'warning',
	meta: {
		title: {
			ja: 'システム割り当てマネージド ID だけの場合は authenticationSettings を省きます',
			en: 'With only a system-assigned identity, omit authenticationSettings',
		},
		docs: {
			ja: 'システム割り当てマネージド ID だけを持つ仮想マシンの authenticationSettings について、資料の記述は食い違っています。古い Windows の資料は「推奨」、2024 年の Linux の資料は「必要」、2025 年 4 月の Linux の資料は「省略してください。含めるとデプロイが失敗します」、Linux 4.0 は「省略してください」です。新しい資料に従って省くよう勧めますが、資料が一致しないためエラーではなく警告にしています。',
			en: 'The docs disagree about authenticationSettings on a machine with only a system-assigned identity: an older Windows doc "recommends" it, the 2024 Linux doc says it is "still required", the April 2025 Linux doc says "omit … Including it will cause deployment to fail", and Linux 4.0 says "Omit". The rule follows the newer docs, but because the sources disagree it is a warning, not an error.',
		},
		messages: {
			present: {
				ja: '仮想マシンにはシステム割り当てマネージド ID しかありません。最新の資料では authenticationSettings を省くよう案内されています (Linux では含めるとデプロイが失敗するとされています)。',
				en: 'The machine has only a system-assigned identity; current docs say to omit authenticationSettings (on Linux, including it is said to make the deployment fail).',
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

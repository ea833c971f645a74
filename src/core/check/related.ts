import type { Localized } from './types.ts';

/** Messages of related locations, shared by the rules. */
export const relatedMessages = {
	valueWritten: {
		ja: '値はここで指定されています。',
		en: 'The value is written here.',
	},
	valueUsed: {
		ja: 'この値はここで使われています。',
		en: 'The value is used here.',
	},
	hostDeclared: {
		ja: '仮想マシン (またはスケール セット) はここで宣言されています。',
		en: 'The virtual machine (or scale set) is declared here.',
	},
	otherOsKey: {
		ja: 'もう一方の OS の設定はここです。',
		en: 'The key of the other OS is here.',
	},
	identityDeclared: {
		ja: 'マネージド ID はここで宣言されています。',
		en: 'The managed identity is declared here.',
	},
	firstExtension: {
		ja: '同じマシンの最初の Key Vault VM 拡張機能はここです。',
		en: 'The first Key Vault extension on the same machine is here.',
	},
	versionHere: {
		ja: 'typeHandlerVersion はここで指定されています。',
		en: 'typeHandlerVersion is set here.',
	},
	imageHere: {
		ja: 'イメージはここで指定されています。',
		en: 'The image is set here.',
	},
	grantHere: {
		ja: 'アクセス権の付与はここです。',
		en: 'Access is granted here.',
	},
	wholeExpression: {
		ja: '式全体はここです。',
		en: 'The whole expression is here.',
	},
	samePlaceholder: {
		ja: '同じプレースホルダーがここにもあります。',
		en: 'The same placeholder is here too.',
	},
	vaultDeclared: {
		ja: 'Key Vault はここで宣言されています。',
		en: 'The key vault is declared here.',
	},
} satisfies Record<string, Localized>;

// Where each field's one-line explanation links to: a section of the tutorial (its heading's id in
// each language) or a rule's reference page.

import type { Lang } from '../../../core/i18n/lang.ts';

/** A tutorial section, by page and heading id per language. */
interface Section {
	page: string;
	anchor: Record<Lang, string>;
}

const extension = (en: string, ja: string): Section => ({
	page: 'architecture/vm-extension',
	anchor: { en, ja },
});

const howItWorks = extension('how-it-works', '仕組み');
const identity = extension('which-identity-the-extension-uses', '拡張機能が使う-id');
const whereCertificatesGo = extension('where-certificates-go', '証明書のインストール先');

/** The rule reference page of a rule, by its name. */
const rule = (name: string) => ({ rule: name });

const links: Record<string, Section | { rule: string }> = {
	os: howItWorks,
	version: extension('versions-and-what-changed', 'バージョンごとの違い'),
	target: howItWorks,
	machine: rule('child-resource-name'),
	machineName: rule('child-resource-name'),
	resourceGroup: howItWorks,
	subnetId: howItWorks,
	identity,
	clientId: rule('msi-client-id-format'),
	identityId: identity,
	vaultName: extension(
		'why-secrets-and-not-certificates',
		'certificates-ではなく-secrets-を使う理由'
	),
	cloud: rule('cloud-suffix'),
	access: rule('vault-access'),
	polling: extension('polling', 'ポーリング'),
	linkOnRenewal: extension('renewal-and-linking', '更新とリンク'),
	requireInitialSync: rule('initial-sync-deadlock'),
	form: rule('child-resource-name'),
	certificateName: extension('why-versionless-urls', 'バージョンなしの-url-を使う理由'),
	storeName: whereCertificatesGo,
	storeLocation: whereCertificatesGo,
	accounts: extension('who-can-use-the-private-key', '秘密鍵を使えるアカウント'),
	keyExportable: extension(
		'private-keys-exportability-and-storage',
		'秘密鍵のエクスポートと保存方法'
	),
	path: extension('the-store-folder', 'ストア-フォルダー'),
	symbolicLinkName: extension('files-and-symlinks', 'ファイルとシンボリック-リンク'),
	acls: extension('permissions', 'アクセス許可'),
};

/** The address a field's explanation links to, in the page's language. */
export function tutorialLink(field: string, lang: Lang): string {
	const link = links[field];
	if (!link) throw new Error(`No tutorial link for the field ${field}`);
	if ('rule' in link) return `/${lang}/rules/${link.rule}/`;
	return `/${lang}/${link.page}/#${link.anchor[lang]}`;
}

/** Every field that has an explanation link. */
export const linkedFields = Object.keys(links);

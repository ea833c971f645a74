// @ts-check
/**
 * The glossary's terms, once for both languages: the anchor (`/<lang>/glossary/#<id>`), the key the
 * glossary is sorted by (ja: by reading, as a Japanese dictionary is; en: alphabetically), and the
 * phrases that tutorial pages link to the term on their first use (src/build/rehype-glossary-links.mjs).
 * A term without phrases is in the glossary but not linked (it is written in code where it is used).
 * tests/unit/glossary.test.ts checks the glossary pages against this table.
 */

/**
 * @typedef {object} TermSide
 * @property {string} sort the key the glossary is sorted by
 * @property {string[]} [link] phrases linked to the term on a page's first use
 * @property {string[]} [notAfter] text that, right before a phrase, means it is part of a longer term
 */
/** @typedef {{ id: string, ja: TermSide, en: TermSide }} GlossaryTerm */

/** @type {GlossaryTerm[]} */
export const glossaryTerms = [
	{ id: 'imds', ja: { sort: 'IMDS', link: ['IMDS'] }, en: { sort: 'IMDS', link: ['IMDS'] } },
	{
		id: 'managed-identity',
		ja: { sort: 'まねーじど ID', link: ['マネージド ID'], notAfter: ['割り当て'] },
		en: { sort: 'managed identity', link: ['managed identity'], notAfter: ['assigned '] },
	},
	{
		id: 'client-id',
		ja: { sort: 'くらいあんと ID', link: ['クライアント ID'] },
		en: { sort: 'client ID', link: ['client ID'] },
	},
	{
		id: 'service-principal',
		ja: { sort: 'さーびす ぷりんしぱる', link: ['サービス プリンシパル'] },
		en: { sort: 'service principal', link: ['service principal'] },
	},
	{
		id: 'secrets-user',
		ja: { sort: 'Key Vault しーくれっと ゆーざー', link: ['Key Vault シークレット ユーザー'] },
		en: { sort: 'Key Vault Secrets User', link: ['Key Vault Secrets User'] },
	},
	{
		id: 'certificate-key-secret',
		ja: { sort: 'Key Vault の しょうめいしょ' },
		en: { sort: 'certificate, key and secret' },
	},
	{ id: 'pfx-pem', ja: { sort: 'PFX', link: ['PFX'] }, en: { sort: 'PFX', link: ['PFX'] } },
	{ id: 'san', ja: { sort: 'SAN', link: ['SAN'] }, en: { sort: 'SAN', link: ['SAN'] } },
	{
		id: 'thumbprint',
		ja: { sort: 'ぼいん', link: ['拇印'] },
		en: { sort: 'thumbprint', link: ['thumbprint'] },
	},
	{
		id: 'versionless-url',
		ja: { sort: 'ばーじょん', link: ['バージョンなしの URL'] },
		en: { sort: 'version and versionless URL', link: ['versionless URL'] },
	},
	{
		id: 'vm-extension',
		ja: { sort: 'Key Vault VM', link: ['Key Vault VM 拡張機能'] },
		en: { sort: 'Key Vault VM extension', link: ['Key Vault VM extension'] },
	},
	{
		id: 'polling-interval',
		ja: { sort: 'ぽーりんぐ', link: ['ポーリング間隔'] },
		en: { sort: 'polling interval', link: ['polling interval'] },
	},
	{
		id: 'type-handler-version',
		ja: { sort: 'typeHandlerVersion' },
		en: { sort: 'typeHandlerVersion' },
	},
	{
		id: 'schannel',
		ja: { sort: 'Schannel', link: ['Schannel'] },
		en: { sort: 'Schannel', link: ['Schannel'] },
	},
	{ id: 'eku', ja: { sort: 'EKU', link: ['EKU'] }, en: { sort: 'EKU', link: ['EKU'] } },
	{
		id: 'cng-keyguard',
		ja: { sort: 'CNG', link: ['KeyGuard'] },
		en: { sort: 'CNG and KeyGuard', link: ['KeyGuard'] },
	},
	{ id: 'acls', ja: { sort: 'acls' }, en: { sort: 'acls' } },
	{
		id: 'provision-after-extensions',
		ja: { sort: 'provisionAfterExtensions' },
		en: { sort: 'provisionAfterExtensions' },
	},
	{
		id: 'require-initial-sync',
		ja: { sort: 'requireInitialSync' },
		en: { sort: 'requireInitialSync' },
	},
	{
		id: 'renewal-link',
		ja: { sort: 'こうしん りんく', link: ['更新リンク'] },
		en: { sort: 'renewal link', link: ['renewal link'] },
	},
];

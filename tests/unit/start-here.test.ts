import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import { describe, expect, test } from 'vitest';
import { checkSync, formatText } from '../../src/core/check/index.ts';
import { isLiveSnippetId } from '../../src/core/snippets/catalog';

/**
 * The Start-here path (content/docs/{ja,en}/start-here.mdx) promises every command from an empty
 * subscription to a renewed certificate, in Bash and in PowerShell, each with what it prints. These
 * tests read the pages as a reader would: step by step, tab by tab.
 */
const docs = fileURLToPath(new URL('../../content/docs/', import.meta.url));
const langs = ['ja', 'en'] as const;
type Lang = (typeof langs)[number];
const read = (lang: Lang, page: string) => readFileSync(join(docs, lang, page), 'utf8');
const outputTitle = { ja: '出力', en: 'Output' } as const;

interface Fence {
	lang: string;
	title: string | undefined;
	body: string;
}

interface ShellTab {
	label: string;
	fences: Fence[];
}

interface Step {
	heading: string;
	/** Every `<Tabs syncKey="shell">` group of the step, each as its tabs. */
	groups: ShellTab[][];
	/** Code fences outside the shell tabs (shared output, the kvcert example). */
	loose: Fence[];
	text: string;
}

function fencesOf(text: string): Fence[] {
	return [...text.matchAll(/^```(\w+)((?:[^\n\w][^\n]*)?)\n([\s\S]*?)^```$/gm)].map((m) => ({
		lang: m[1]!,
		title: /title="([^"]+)"/.exec(m[2]!)?.[1],
		body: m[3]!,
	}));
}

/** The page's `## Step N:` / `## ステップ N:` sections, each split into its shell tabs. */
function stepsOf(lang: Lang): Step[] {
	const source = read(lang, 'start-here.mdx');
	const sections = source.split(/^## /m).slice(1);
	return sections
		.filter((section) => /^(?:Step|ステップ) \d+: /.test(section))
		.map((section) => {
			const heading = section.split('\n')[0]!;
			const groups = [...section.matchAll(/<Tabs syncKey="shell">([\s\S]*?)<\/Tabs>/g)].map(
				(group) =>
					[...group[1]!.matchAll(/<TabItem label="([^"]+)">([\s\S]*?)<\/TabItem>/g)].map((tab) => ({
						label: tab[1]!,
						fences: fencesOf(tab[2]!),
					}))
			);
			const outside = section.replace(/<Tabs syncKey="shell">[\s\S]*?<\/Tabs>/g, '');
			return { heading, groups, loose: fencesOf(outside), text: section };
		});
}

/** A command as both languages must show it: comments gone, the region made neutral. */
function normalised(code: string): string {
	return code
		.split('\n')
		.map((line) => line.replace(/\s+#\s.*$/, '').trimEnd())
		.filter((line) => line.trim() !== '')
		.join('\n')
		.replace(/japaneast|eastus/g, '<region>');
}

const commandsOf = (tab: ShellTab, shell: 'bash' | 'powershell') =>
	tab.fences.filter((f) => f.lang === shell).map((f) => f.body);
const allCommands = (steps: Step[], shell: 'bash' | 'powershell') =>
	steps
		.flatMap((step) => step.groups.flat())
		.flatMap((tab) => commandsOf(tab, shell))
		.join('\n');

describe('Start here: every command in both shells, with its output', () => {
	for (const lang of langs) {
		const steps = stepsOf(lang);

		test(`${lang}: the no-subscription callout sends a served site's reader straight to Run, npm start only for a static copy`, () => {
			const callout =
				/<Aside type="tip" title="(?:Azure のサブスクリプションがない場合|[^"]*subscription[^"]*)">([\s\S]*?)<\/Aside>/.exec(
					read(lang, 'start-here.mdx')
				)?.[1];
			expect(callout).toBeDefined();
			// rv18e #4: a visitor of the served site (a workshop's) needs no setup.
			const served = callout!.indexOf(
				lang === 'ja'
					? 'kvcert のサーバーから配信されている場合'
					: 'If a kvcert server serves this site'
			);
			const staticCopy = callout!.indexOf(
				lang === 'ja' ? '静的なファイルだけで配信しているサイトでは' : 'On a static copy'
			);
			const npm = callout!.indexOf('npm ci && npm start');
			expect(served).toBeGreaterThanOrEqual(0);
			expect(staticCopy).toBeGreaterThan(served);
			expect(npm).toBeGreaterThan(staticCopy);
		});

		test(`${lang}: steps 0 to 13, in order`, () => {
			expect(steps.map((s) => Number(/\d+/.exec(s.heading)![0]))).toEqual(
				Array.from({ length: 14 }, (_, i) => i)
			);
		});

		test(`${lang}: every shell tab group has a Bash and a PowerShell tab, each with commands and their output`, () => {
			const groups = steps.flatMap((step) => step.groups.map((group) => ({ step, group })));
			expect(groups.length).toBeGreaterThanOrEqual(14);
			for (const { step, group } of groups) {
				const where = `${lang} "${step.heading}"`;
				expect(
					group.map((tab) => tab.label),
					where
				).toEqual(['Bash', 'PowerShell']);
				const [bash, powershell] = group as [ShellTab, ShellTab];
				for (const [tab, shell] of [
					[bash, 'bash'],
					[powershell, 'powershell'],
				] as const) {
					const kinds = tab.fences.map((f) =>
						f.lang === shell ? 'command' : f.title === outputTitle[lang] ? 'output' : f.lang
					);
					// Commands first, then what they print: nothing else in a tab.
					expect(kinds, `${where} / ${tab.label}`).toEqual(['command', 'output']);
					expect(tab.fences[1]!.body.trim(), `${where} / ${tab.label} prints something`).not.toBe(
						''
					);
				}
			}
		});

		test(`${lang}: every step from 1 on runs commands in both shells, or says which step's command to run again`, () => {
			for (const step of steps.slice(1)) {
				const shows = step.groups.length > 0;
				const refers = /\]\(#(?:step|ステップ)-\d+/.test(step.text);
				expect(shows || refers, `${lang} "${step.heading}"`).toBe(true);
				if (!shows)
					expect(
						step.loose.some((f) => f.title === outputTitle[lang]),
						`${lang} "${step.heading}" shows the expected output`
					).toBe(true);
			}
		});

		test(`${lang}: the path covers sign-in to clean-up in both shells`, () => {
			const bash = allCommands(steps, 'bash');
			const powershell = allCommands(steps, 'powershell');
			const milestones: [string, RegExp, RegExp][] = [
				['sign in', /^az login$/m, /^Connect-AzAccount$/m],
				['resource group', /az group create/, /New-AzResourceGroup/],
				[
					'vault with Azure RBAC',
					/az keyvault create[\s\S]*--enable-rbac-authorization true/,
					/New-AzKeyVault[\s\S]*EnableRbacAuthorization/,
				],
				['your data role', /Key Vault Certificates Officer/, /Key Vault Certificates Officer/],
				[
					'certificate from a self-signed policy',
					/get-default-policy[\s\S]*az keyvault certificate create/,
					/New-AzKeyVaultCertificatePolicy[^\n]*-IssuerName Self[\s\S]*Add-AzKeyVaultCertificate/,
				],
				[
					'VM with a system-assigned identity',
					/az vm create[\s\S]*--assign-identity/,
					/New-AzVM[\s\S]*-SystemAssignedIdentity/,
				],
				[
					'the VM identity reads secrets',
					/--role "Key Vault Secrets User"[\s\S]*--assignee-object-id "\$principalId"/,
					/-ObjectId \$principalId[\s\S]*'Key Vault Secrets User'/,
				],
				[
					'the extension with its settings',
					/az vm extension set[\s\S]*--settings @settings\.json/,
					/Set-AzVMExtension[\s\S]*-SettingString \(Get-Content -Raw -Path settings\.json\)/,
				],
				[
					'verify on the VM',
					/az vm run-command invoke[\s\S]*openssl x509/,
					/openssl x509[\s\S]*Invoke-AzVMRunCommand[^\n]*-ScriptString \$script/,
				],
				[
					'renew: a second version',
					/(az keyvault certificate create[\s\S]*){2}/,
					/(Add-AzKeyVaultCertificate[\s\S]*){2}/,
				],
				[
					'clean up, purge the soft-deleted vault',
					/az group delete[\s\S]*az keyvault purge/,
					/Remove-AzResourceGroup[\s\S]*Remove-AzKeyVault[^\n]*-InRemovedState/,
				],
			];
			for (const [what, inBash, inPowerShell] of milestones) {
				expect(bash, `${lang} Bash: ${what}`).toMatch(inBash);
				expect(powershell, `${lang} PowerShell: ${what}`).toMatch(inPowerShell);
			}
		});

		test(`${lang}: the principal ID and the vault ID come from commands, never from the reader`, () => {
			for (const shell of ['bash', 'powershell'] as const) {
				const code = allCommands(steps, shell);
				expect(code).not.toMatch(/<principal-id>|<vault-id>|<object-id>/);
				const assign =
					shell === 'bash'
						? {
								principal: /^principalId=\$\(az vm show /m,
								vault: /^vaultId=\$\(az keyvault show /m,
							}
						: {
								principal: /^\$principalId = \(Get-AzVM /m,
								vault: /^\$vaultId = \(Get-AzKeyVault /m,
							};
				const principalAt = code.search(assign.principal);
				const vaultAt = code.search(assign.vault);
				expect(principalAt, `${lang} ${shell} sets the principal ID`).toBeGreaterThanOrEqual(0);
				expect(vaultAt, `${lang} ${shell} sets the vault ID`).toBeGreaterThanOrEqual(0);
				const use =
					shell === 'bash' ? ['"$principalId"', '"$vaultId"'] : ['$principalId', '$vaultId'];
				expect(code.indexOf(`${use[0]} `, principalAt + 1)).toBeGreaterThan(principalAt);
				expect(code.indexOf(use[1]!, vaultAt + 1)).toBeGreaterThan(vaultAt);
			}
		});

		test(`${lang}: every "if it fails" link leads to a troubleshooting heading`, () => {
			const headings = new Set<string>();
			const slugger = new GithubSlugger();
			for (const line of read(lang, 'troubleshooting.mdx').split('\n'))
				if (/^#{2,3} /.test(line)) headings.add(slugger.slug(line.replace(/^#+ /, '')));
			const links = [
				...read(lang, 'start-here.mdx').matchAll(
					new RegExp(`\\]\\(/${lang}/troubleshooting/#([^)]+)\\)`, 'g')
				),
			].map((m) => decodeURIComponent(m[1]!));
			expect(links.length).toBeGreaterThanOrEqual(10);
			for (const anchor of links) expect([...headings], anchor).toContain(anchor);
		});

		test(`${lang}: the live snippets are the catalog's`, () => {
			const samples = [
				...read(lang, 'start-here.mdx').matchAll(/<LiveSnippet sample="([^"]+)"/g),
			].map((m) => m[1]!);
			expect(samples).toEqual(['create-certificate', 'list-versions']);
			for (const id of samples) expect(isLiveSnippetId(id), id).toBe(true);
		});
	}

	test('ja and en show the same commands and the same outputs, step by step', () => {
		const [ja, en] = [stepsOf('ja'), stepsOf('en')];
		expect(ja.length).toBe(en.length);
		for (const [i, jaStep] of ja.entries()) {
			const enStep = en[i]!;
			expect(jaStep.groups.length, `step ${i}`).toBe(enStep.groups.length);
			for (const [g, jaGroup] of jaStep.groups.entries())
				for (const [t, jaTab] of jaGroup.entries()) {
					const enTab = enStep.groups[g]![t]!;
					expect(jaTab.fences.map((f) => normalised(f.body))).toEqual(
						enTab.fences.map((f) => normalised(f.body))
					);
				}
			expect(jaStep.loose.map((f) => f.lang)).toEqual(enStep.loose.map((f) => f.lang));
		}
	});

	test('the region is Japanese in ja and neutral in en', () => {
		for (const [lang, region] of [
			['ja', 'japaneast'],
			['en', 'eastus'],
		] as const) {
			const source = read(lang, 'start-here.mdx');
			expect(source).toMatch(new RegExp(`^location=${region}\\b`, 'm'));
			expect(source).toMatch(new RegExp(`^\\$location = '${region}'`, 'm'));
			expect(source).not.toMatch(lang === 'en' ? /japaneast|C=JP/ : /eastus/);
		}
	});

	test('the settings the path deploys, and the command that deploys them, pass kvcert check', () => {
		const steps = stepsOf('en');
		const bash = allCommands(steps, 'bash');
		const settings = /cat > settings\.json <<EOF\n([\s\S]*?)\nEOF/
			.exec(bash)![1]!
			.replace('$secretUrl', 'https://kv-start-12345.vault.azure.net/secrets/tutorial-cert');
		const result = checkSync(settings, { path: 'settings.json' });
		expect(result.extensionCount).toBe(1);
		expect(result.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
		const install = /^az vm extension set[\s\S]*?--output tsv$/m.exec(bash)![0];
		const command = checkSync(install, {
			path: 'install.sh',
			readFile: (path) => (path === 'settings.json' ? settings : undefined),
		});
		expect(command.extensionCount).toBe(1);
		expect(command.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
		// The PowerShell tab writes the same JSON.
		const powershell = allCommands(steps, 'powershell');
		expect(/@"\n([\s\S]*?)\n"@ \| Set-Content -Path settings\.json/.exec(powershell)![1]).toBe(
			/cat > settings\.json <<EOF\n([\s\S]*?)\nEOF/.exec(bash)![1]
		);
	});

	test('what the page says kvcert check prints is what kvcert check prints for those settings', () => {
		const bash = allCommands(stepsOf('en'), 'bash');
		const settings = /cat > settings\.json <<EOF\n([\s\S]*?)\nEOF/
			.exec(bash)![1]!
			.replace('$secretUrl', 'https://kv-start-12345.vault.azure.net/secrets/tutorial-cert');
		for (const lang of langs) {
			const promised = stepsOf(lang)
				.flatMap((step) => step.loose)
				.find((f) => f.body.startsWith('settings.json: '))!
				.body.trim();
			const result = checkSync(settings, { path: 'settings.json', lang });
			expect(formatText([result], { lang, sources: new Map() }).trim()).toBe(promised);
		}
	});
});

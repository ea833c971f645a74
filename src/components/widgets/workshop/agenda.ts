/** One time box of the 90-minute workshop. */
export interface AgendaBlock {
	id: string;
	minutes: number;
	title: { ja: string; en: string };
	/** The exercise done in this block, if any. */
	exercise?: 'template' | 'versions' | 'predict' | 'quiz';
}

/** The agenda: 90 minutes in total (a unit test keeps it so). */
export const agenda: AgendaBlock[] = [
	{
		id: 'intro',
		minutes: 10,
		title: {
			ja: '導入: 目標と 3 つのアーキテクチャ',
			en: 'Introduction: objectives and the three architectures',
		},
	},
	{
		id: 'extension',
		minutes: 15,
		title: {
			ja: 'Key Vault VM 拡張機能のしくみ (デモ)',
			en: 'How the Key Vault VM extension works (demo)',
		},
	},
	{
		id: 'template',
		minutes: 15,
		title: { ja: '演習 A: 壊れたテンプレートを直す', en: 'Exercise A: fix a broken template' },
		exercise: 'template',
	},
	{
		id: 'versions',
		minutes: 15,
		title: {
			ja: '演習 B: 拇印とバージョンを照合する',
			en: 'Exercise B: match thumbprints and versions',
		},
		exercise: 'versions',
	},
	{ id: 'break', minutes: 5, title: { ja: '休憩', en: 'Break' } },
	{
		id: 'predict',
		minutes: 15,
		title: {
			ja: '演習 C: 更新後にアプリが選ぶ証明書を予想する',
			en: 'Exercise C: predict the certificate the app picks after a renewal',
		},
		exercise: 'predict',
	},
	{
		id: 'quiz',
		minutes: 10,
		title: {
			ja: '演習 D: アーキテクチャを選ぶクイズ',
			en: 'Exercise D: quiz on choosing an architecture',
		},
		exercise: 'quiz',
	},
	{ id: 'wrap', minutes: 5, title: { ja: 'まとめと質疑応答', en: 'Wrap-up and questions' } },
];

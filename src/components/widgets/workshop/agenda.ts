import type { ExerciseId } from './progress.ts';

/** One time box of the 90-minute workshop. */
export interface AgendaBlock {
	id: string;
	minutes: number;
	/** The block's title; an exercise's title is also its heading on the workshop page (a test keeps them equal). */
	title: { ja: string; en: string };
	/** The exercise done in this block, if any. */
	exercise?: ExerciseId;
	/** An exercise block's minutes of hands-on work; the rest of the block is the debrief. */
	work?: number;
}

/**
 * The agenda: 90 minutes in total (a unit test keeps it so). Each exercise box is the estimated work
 * plus a few minutes of debrief; the workshop page and the facilitator script say how each box
 * splits, and a unit test keeps their words equal to these numbers.
 */
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
		minutes: 12,
		title: {
			ja: 'Key Vault VM 拡張機能の仕組み (デモ)',
			en: 'How the Key Vault VM extension works (demo)',
		},
	},
	{
		id: 'template',
		minutes: 12,
		title: { ja: '演習 A: 壊れたテンプレートを直す', en: 'Exercise A: fix a broken template' },
		exercise: 'template',
		work: 8,
	},
	{
		id: 'versions',
		minutes: 10,
		title: {
			ja: '演習 B: VM にあるバージョンを見分ける',
			en: 'Exercise B: which versions does the VM have?',
		},
		exercise: 'versions',
		work: 6,
	},
	{ id: 'break', minutes: 5, title: { ja: '休憩', en: 'Break' } },
	{
		id: 'predict',
		minutes: 12,
		title: { ja: '演習 C: 更新して予想する', en: 'Exercise C: renew and predict' },
		exercise: 'predict',
		work: 8,
	},
	{
		id: 'quiz',
		minutes: 10,
		title: { ja: '演習 D: アーキテクチャを選ぶ', en: 'Exercise D: choose an architecture' },
		exercise: 'quiz',
		work: 7,
	},
	{
		id: 'own',
		minutes: 12,
		title: {
			ja: '演習 E: 自分のテンプレートをチェックする',
			en: 'Exercise E: check your own template',
		},
		exercise: 'own',
		work: 8,
	},
	{ id: 'wrap', minutes: 7, title: { ja: 'まとめと質疑応答', en: 'Wrap-up and questions' } },
];

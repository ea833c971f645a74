import { format, type Lang, type MessageValues } from '../../core/i18n/index.ts';

/** Codes of the live simulator's refusals and stream endings. */
export type LiveMessageCode =
	| 'azureMode'
	| 'tooManySessions'
	| 'badOs'
	| 'badVersion'
	| 'methodNotAllowed'
	| 'notJson'
	| 'bodyTooLarge'
	| 'badBody'
	| 'unknownSession'
	| 'unknownAction'
	| 'badTarget'
	| 'pollFailed'
	| 'timeUp'
	| 'pollLimit'
	| 'busy'
	| 'tooManyForClient'
	| 'gaveUp'
	| 'controlRate'
	| 'viewsFull'
	| 'viewsFullForClient'
	| 'renewLimit'
	| 'openRate'
	| 'renewRate'
	| 'writeRefused';

/** The messages in both languages (the live simulator's own table). */
export const liveMessages: Record<Lang, Record<LiveMessageCode, string>> = {
	ja: {
		azureMode:
			'ライブ モードはデモ用 Key Vault を使います。このサーバーは KVCERT_VAULT_MODE=azure で実行されているため、ライブ モードは無効です。あらかじめ決めたタイムラインをお使いください。',
		tooManySessions:
			'現在、ライブ セッションの数が上限に達しています。しばらく待ってから、もう一度お試しください。',
		badOs: 'os には windows または linux を指定してください。',
		badVersion:
			'version には、この OS でシミュレーションできるバージョン ({{versions}}) を指定してください。',
		methodNotAllowed: 'このエンドポイントでは、このメソッドは使用できません。',
		notJson: '要求の本文は JSON (Content-Type: application/json) で送ってください。',
		bodyTooLarge: '本文が大きすぎます ({{max}} バイトまで)。',
		badBody:
			'本文を JSON として読み取れません。{"session": "…", "action": "renew"} の形式で送信してください。',
		unknownSession:
			'このセッションは存在しないか、すでに終了しています。ライブ モードを開始し直してください。',
		unknownAction: 'action には renew、disable、revoke、grant のいずれかを指定してください。',
		badTarget: '無効にするバージョンが見つかりません。',
		pollFailed: 'ポーリングに失敗しました: {{detail}}',
		timeUp: 'ライブ セッションの上限時間 ({{seconds}} 秒) に達したため、終了しました。',
		pollLimit: 'ポーリング回数の上限 ({{polls}} 回) に達したため、終了しました。',
		busy: 'このサーバーでは、ライブ モードのストリームが上限 ({{max}} 本) に達しています。',
		tooManyForClient:
			'この端末のアドレスから開いているライブ モードのストリームが、1 つのアドレスの上限 ({{max}} 本) に達しています。同じアドレスから接続している人 (同じ NAT やプロキシを経由している人など) の分も数に含まれます。使っていないタブのライブ モードを止めると、空きができます。',
		gaveUp:
			'空きを待ちましたが、ライブ モードを開始できませんでした。あらかじめ決めたタイムラインをお使いください。',
		controlRate:
			'操作の回数が、この端末のアドレスの上限 (1 分あたり {{max}} 回) に達しました。同じアドレスから接続している人の分も数に含まれます。{{seconds}} 秒待ってから操作してください。',
		viewsFull:
			'このサーバーでは、専用のデモ用 Key Vault のコピーを使うセッションが上限に達しています。しばらく待ってから、もう一度お試しください。',
		viewsFullForClient:
			'この端末のアドレスで、専用のデモ用 Key Vault のコピーを使うセッションが上限 ({{max}} 件) に達しています。同じアドレスから接続している人 (同じ NAT やプロキシを経由している人など) の分も数に含まれます。使っていないタブのライブ モードを止めるか、しばらく待ってからもう一度お試しください。',
		renewLimit:
			'このセッションでは、更新できる回数の上限 ({{max}} 回) に達しました。ライブ モードを開始し直すと、もう一度更新できます。',
		openRate:
			'この端末のアドレスからライブ モードを開始した回数が上限 ({{minutes}} 分あたり {{max}} 回) に達しました。同じアドレスから接続している人の分も数に含まれます。{{seconds}} 秒待ってから、もう一度お試しください。',
		renewRate:
			'この端末のアドレスから更新した回数が上限 ({{minutes}} 分あたり {{max}} 回) に達しました。同じアドレスから接続している人の分も数に含まれます。{{seconds}} 秒待ってから、もう一度お試しください。',
		writeRefused:
			'デモ用 Key Vault が新しいバージョンの作成を拒否しました (短時間の作成回数の上限)。少し待ってから、もう一度お試しください。',
	},
	en: {
		azureMode:
			'Live mode uses the demo Key Vault. This server runs with KVCERT_VAULT_MODE=azure, so live mode is off; use the scripted timeline.',
		tooManySessions: 'The maximum number of live sessions is running. Wait a moment and try again.',
		badOs: 'os must be windows or linux.',
		badVersion: 'version must be a version the simulator knows for this OS ({{versions}}).',
		methodNotAllowed: 'This method is not allowed on this endpoint.',
		notJson: 'Send the body as JSON (Content-Type: application/json).',
		bodyTooLarge: 'The body is too large (at most {{max}} bytes).',
		badBody: 'The body is not readable JSON. Send {"session": "…", "action": "renew"}.',
		unknownSession: 'This session does not exist or has ended. Start live mode again.',
		unknownAction: 'action must be one of renew, disable, revoke, grant.',
		badTarget: 'No version to disable was found.',
		pollFailed: 'The poll failed: {{detail}}',
		timeUp: 'The live session reached its time limit ({{seconds}} s) and ended.',
		pollLimit: 'The live session reached its limit of {{polls}} polls and ended.',
		busy: 'This server already runs as many live streams as it allows ({{max}}).',
		tooManyForClient:
			'This address already has as many live streams as one address may have ({{max}}); everyone connecting through the same network address (behind the same NAT or proxy) counts toward it. Stopping live mode in a tab you no longer use frees one.',
		gaveUp:
			'Live mode could not start: no stream became free while the page waited. Use the scripted timeline.',
		controlRate:
			'This address sent more than {{max}} changes in a minute; everyone connecting through the same network address counts toward it. Wait {{seconds}} s, then try again.',
		viewsFull:
			'This server already has as many sessions with their own copy of the demo vault as it allows. Wait a moment and try again.',
		viewsFullForClient:
			'This address already has {{max}} sessions with their own copy of the demo vault; everyone connecting through the same network address (behind the same NAT or proxy) counts toward it. Stop live mode in tabs you no longer use, or try again in a while.',
		renewLimit:
			'This session has renewed as often as a session may ({{max}} times). Start live mode again to renew more.',
		openRate:
			'This address started live mode {{max}} times in {{minutes}} minutes, the most one address may; everyone connecting through the same network address counts toward it. Wait {{seconds}} s, then try again.',
		renewRate:
			'This address renewed {{max}} times in {{minutes}} minutes, the most one address may; everyone connecting through the same network address counts toward it. Wait {{seconds}} s, then try again.',
		writeRefused:
			'The demo vault refused to create another version right now (too many in a short time). Wait a moment and try again.',
	},
};

/** A message in `lang` with `{{name}}` placeholders filled. */
export function liveMessage(lang: Lang, code: LiveMessageCode, values: MessageValues = {}): string {
	return format(liveMessages[lang][code], values);
}

// `npm run workshop`: the site as one server for a workshop room. It serves on every network
// interface (HOST and PORT override 0.0.0.0 and 4321), prints the participants' address for each
// network this computer is on (with a QR code) and the facilitator's address with a key made for
// this run only, and opens the room: participants' progress goes to the facilitator's view
// (src/server/room/). The API answers every address it prints, with no PUBLIC_ORIGIN needed.
// Options: --lang ja|en (the printed text and the pages it points to; default from
// KVCERT_LANG/LC_ALL/LANG), --no-build, --no-qr.
import { randomBytes } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { serve } from './start.mjs';

const { values } = parseArgs({
	options: {
		lang: { type: 'string' },
		'no-build': { type: 'boolean', default: false },
		'no-qr': { type: 'boolean', default: false },
	},
});
const envLang = process.env.KVCERT_LANG || process.env.LC_ALL || process.env.LANG || '';
const lang = (values.lang ?? (/^ja/i.test(envLang) ? 'ja' : 'en')) === 'ja' ? 'ja' : 'en';
const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 4321);
const key = randomBytes(18).toString('base64url');
const machine = hostname().toLowerCase();

const text = {
	en: {
		title: 'kvcert workshop room',
		participants: 'Participants: open this address on the same network as this computer',
		other: 'the same page in Japanese',
		noNetwork:
			'No network address found: participants cannot reach this computer. Join the room’s network (Wi-Fi or cable), then start again.',
		name: (name) =>
			`If the network resolves computer names, this also works: http://${name}:${port}/`,
		facilitator:
			'Facilitator (on this computer; the key is for this run only, do not show it to participants):',
		notes: [
			'No page? A firewall may block the port: allow Node.js on private networks (Windows asks the first time), or open TCP ' +
				port +
				'.',
			'Guest Wi-Fi often isolates its clients from each other: use a network where laptops can reach each other, or a phone hotspot.',
			'Stop with Ctrl+C. Progress lives in this process only and is gone when it stops.',
		],
		listening: 'listening on',
	},
	ja: {
		title: 'kvcert ワークショップ (ルーム モード)',
		participants: '参加者: このコンピューターと同じネットワークで、次のアドレスを開いてください',
		other: '英語版の同じページ',
		noNetwork:
			'ネットワークのアドレスが見つかりません。参加者はこのコンピューターにアクセスできません。ルームのネットワーク (Wi-Fi または有線) に接続してから、起動し直してください。',
		name: (name) =>
			`ネットワークでコンピューター名を引ける場合は、こちらでも開けます: http://${name}:${port}/`,
		facilitator:
			'進行役 (このコンピューターで開きます。キーはこの実行の間だけ有効です。参加者には見せないでください):',
		notes: [
			'ページが開かない場合は、ファイアウォールによるポートの遮断を確認してください。プライベート ネットワークで Node.js を許可するか (Windows は初回に確認します)、TCP ' +
				port +
				' を開いてください。',
			'ゲスト用の Wi-Fi では、端末どうしの通信が遮断されていることがよくあります。PC どうしが通信できるネットワークか、スマートフォンのテザリングを使ってください。',
			'Ctrl+C で停止します。進み具合はこのプロセスのメモリにだけあり、停止すると消えます。',
		],
		listening: 'listening on',
	},
}[lang];

/** IPv4 addresses of this computer's network interfaces, loopback and link-local left out. */
function roomAddresses() {
	const found = [];
	for (const [name, entries] of Object.entries(networkInterfaces()))
		for (const entry of entries ?? [])
			if (entry.family === 'IPv4' && !entry.internal && !entry.address.startsWith('169.254.'))
				found.push({ name, address: entry.address });
	return found;
}

await serve({
	host,
	port,
	noBuild: values['no-build'],
	quietVault: true,
	beforeSite: async (load) => {
		const { openRoom } = await load('src/server/room/room-dependencies.ts');
		// The first address printed below: handouts printed on this computer link to it.
		const [first] = roomAddresses();
		openRoom(key, first ? `http://${first.address}:${port}` : undefined);
		// The machine's name too, for networks that resolve it (the printed IP addresses and any
		// address the connection arrives on are allowed by src/server/allowed-hosts.ts).
		return [machine, `${machine}.local`];
	},
	onListening: async () => {
		const other = lang === 'ja' ? 'en' : 'ja';
		const lines = [`\n${text.title}\n`, `${text.participants}:`];
		const addresses = roomAddresses();
		for (const { name, address } of addresses) {
			const url = `http://${address}:${port}/${lang}/workshop/`;
			lines.push(`\n  ${url}   (${name})`);
			if (!values['no-qr'])
				lines.push(
					(await QRCode.toString(url, { type: 'terminal', small: true, errorCorrectionLevel: 'L' }))
						.split('\n')
						.map((row) => `  ${row}`)
						.join('\n')
				);
			lines.push(`  ${text.other}: http://${address}:${port}/${other}/workshop/`);
		}
		if (addresses.length === 0) lines.push(`\n  ${text.noNetwork}`);
		lines.push(`\n  ${text.name(machine)}`);
		lines.push(`\n${text.facilitator}`);
		lines.push(`  http://localhost:${port}/${lang}/workshop/room/#key=${key}`);
		lines.push('');
		for (const note of text.notes) lines.push(`- ${note}`);
		lines.push(`\nkvcert workshop: ${text.listening} ${host}:${port}`);
		console.log(lines.join('\n'));
	},
});

import type { Lang } from '../core/check/types.ts';
import { cliLanguage } from './cli-language.ts';
import { describeInternalError } from './internal-error.ts';

/**
 * Entry of the `kvcert` command: picks the subcommand and hands it the remaining arguments.
 * Each subcommand lives in ./commands/<name>.ts and exports `run(args): Promise<number>` (the exit code).
 */
type Command = {
	summary: string;
	load: () => Promise<{ run: (args: string[]) => Promise<number> }>;
};

const commands: Record<string, Command> = {};

/** Registers a subcommand; each command file's loader is listed here so help stays complete. */
function command(name: string, summary: string, load: Command['load']) {
	commands[name] = { summary, load };
}

// Subcommands are registered by the features that provide them (check, thumbprint, compare, emulator…).
command(
	'check',
	'Check Key Vault VM extension settings in ARM templates and commands',
	() => import('./commands/check.ts')
);
command(
	'thumbprint',
	'SHA-1/SHA-256 of a certificate file, or of every version in a vault',
	() => import('./commands/thumbprint.ts')
);
command(
	'compare',
	'Is the current vault version installed on the VM? (exit 0 yes, 1 no)',
	() => import('./commands/compare.ts')
);
command(
	'emulator',
	'Run the local Key Vault + IMDS emulator with the demo vault',
	() => import('./commands/emulator.ts')
);

const usage = () =>
	[
		'Usage: kvcert <command> [options]',
		'',
		'Commands:',
		...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`),
		'',
		'Run `kvcert <command> --help` for a command’s options.',
	].join('\n');

/** The language for the last-resort message: `--lang` among the arguments, else the environment. */
function argvLanguage(argv: string[]): Lang {
	const index = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
	const value = index === -1 ? undefined : (argv[index]!.split('=')[1] ?? argv[index + 1]);
	return cliLanguage(value);
}

/**
 * Runs the CLI with argv (without node and script) and resolves to the exit code. This is the one
 * top-level handler: an error no command expected (commands turn every known failure into their
 * own message and exit code) prints one line asking for a report, never a stack trace, and exits 2.
 */
export async function main(argv: string[]): Promise<number> {
	const internalError = (error: unknown) => {
		console.error(describeInternalError(error, argvLanguage(argv)));
		process.exit(2);
	};
	// Errors thrown outside the awaited chain (a timer, a socket event) end the same way.
	process.once('uncaughtException', internalError);
	process.once('unhandledRejection', internalError);
	try {
		return await runCommand(argv);
	} catch (error) {
		console.error(describeInternalError(error, argvLanguage(argv)));
		return 2;
	}
}

async function runCommand(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h') {
		console.log(usage());
		return name ? 0 : 2;
	}
	const entry = commands[name];
	if (!entry) {
		console.error(`kvcert: unknown command '${name}'\n\n${usage()}`);
		return 2;
	}
	const { run } = await entry.load();
	return run(rest);
}

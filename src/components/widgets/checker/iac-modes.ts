// Small CodeMirror stream modes for Bicep and Terraform (HCL): CodeMirror has no package or legacy
// mode for either. They colour comments, strings, numbers, keywords and property names only.
import type { StreamParser, StringStream } from '@codemirror/language';

interface ModeState {
	/** Inside a block comment. */
	comment: boolean;
	/** Inside a multi-line string (Bicep ''' … ''') or a heredoc (HCL, with its end marker). */
	until: string | undefined;
}

function mode(options: {
	name: string;
	lineComment: RegExp;
	quote: string;
	keywords: RegExp;
}): StreamParser<ModeState> {
	const { quote } = options;
	return {
		name: options.name,
		startState: () => ({ comment: false, until: undefined }),
		token(stream: StringStream, state: ModeState) {
			if (state.comment) {
				if (stream.skipTo('*/')) {
					stream.pos += 2;
					state.comment = false;
				} else stream.skipToEnd();
				return 'comment';
			}
			if (state.until !== undefined) {
				if (stream.sol() && stream.match(new RegExp(`^\\s*${state.until}\\s*$`))) {
					state.until = undefined;
					return 'string';
				}
				if (state.until === "'''" && stream.skipTo("'''")) {
					stream.pos += 3;
					state.until = undefined;
				} else stream.skipToEnd();
				return 'string';
			}
			if (stream.eatSpace()) return null;
			if (stream.match(options.lineComment)) {
				stream.skipToEnd();
				return 'comment';
			}
			if (stream.match('/*')) {
				state.comment = true;
				return 'comment';
			}
			if (quote === "'" && stream.match("'''")) {
				state.until = "'''";
				return 'string';
			}
			const heredoc = quote === '"' ? stream.match(/^<<-?\s*([A-Z_]\w*)/i) : null;
			if (heredoc && typeof heredoc === 'object') {
				state.until = heredoc[1];
				return 'string';
			}
			if (stream.eat(quote)) {
				let escaped = false;
				let next: string | void;
				while ((next = stream.next()) !== undefined) {
					if (next === quote && !escaped) break;
					escaped = !escaped && next === '\\';
				}
				return 'string';
			}
			if (stream.match(/^-?\d+(?:\.\d+)?\b/)) return 'number';
			if (stream.match(/^(?:true|false|null)\b/)) return 'atom';
			if (stream.match(options.keywords)) return 'keyword';
			if (stream.match(/^[A-Z_][\w-]*(?=\s*[:=](?!=))/i)) return 'propertyName';
			if (stream.match(/^[A-Z_][\w-]*/i)) return 'variableName';
			stream.next();
			return null;
		},
		languageData: { commentTokens: { line: options.name === 'bicep' ? '//' : '#' } },
	};
}

/** Bicep: `//` and block comments, single-quoted strings, Bicep keywords. */
export const bicepMode = mode({
	name: 'bicep',
	lineComment: /^\/\//,
	quote: "'",
	keywords:
		/^(?:resource|module|param|var|output|existing|for|in|if|targetScope|using|import|type|func|metadata)\b/,
});

/** Terraform (HCL): `#`, `//` and block comments, double-quoted strings and heredocs, blocks. */
export const terraformMode = mode({
	name: 'terraform',
	lineComment: /^(?:#|\/\/)/,
	quote: '"',
	keywords:
		/^(?:resource|data|variable|output|locals|module|provider|terraform|for|in|if|dynamic|content)\b/,
});

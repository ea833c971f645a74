import type { Tree, TreeCursor } from 'web-tree-sitter';

/**
 * A depth-first walk over a WebAssembly tree, for copying it out (tree-sitter.ts `copyTree`).
 *
 * web-tree-sitter's `TreeCursor` copies the cursor's four words into the runtime's transfer buffer
 * before each call and back after each move (through the generic `setValue`/`getValue`): about 30
 * such calls per node, most of the copy's time. The runtime's own cursor functions read the cursor
 * from that buffer and moves write it back, so while nothing else uses the buffer the words are
 * already there: `fastWalker` calls those functions directly. They are the module the runtime was
 * initialised with (Emscripten fills in the options object it is given); when they are not there
 * (another version, or the runtime initialised elsewhere), the public cursor is used.
 */
export interface TreeWalker {
	typeId(): number;
	start(): number;
	end(): number;
	missing(): boolean;
	firstChild(): boolean;
	nextSibling(): boolean;
	parent(): boolean;
	/** Frees the cursor. */
	done(): void;
}

/** The runtime functions the fast walker calls (web-tree-sitter 0.25's binding). */
interface RuntimeBinding {
	_ts_init(): number;
	_ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
	_ts_tree_cursor_start_index_wasm(tree: number): number;
	_ts_tree_cursor_end_index_wasm(tree: number): number;
	_ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
	_ts_tree_cursor_goto_first_child_wasm(tree: number): number;
	_ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
	_ts_tree_cursor_goto_parent_wasm(tree: number): number;
	getValue(address: number, type: 'i32'): number;
}

const bindingFunctions: ReadonlyArray<keyof RuntimeBinding> = [
	'_ts_init',
	'_ts_tree_cursor_current_node_type_id_wasm',
	'_ts_tree_cursor_start_index_wasm',
	'_ts_tree_cursor_end_index_wasm',
	'_ts_tree_cursor_current_node_is_missing_wasm',
	'_ts_tree_cursor_goto_first_child_wasm',
	'_ts_tree_cursor_goto_next_sibling_wasm',
	'_ts_tree_cursor_goto_parent_wasm',
	'getValue',
];

let binding: { runtime: RuntimeBinding; buffer: number } | undefined;

/** Keeps the options object `Parser.init` was given, if the runtime filled it in as expected. */
export function useRuntimeBinding(options: object): void {
	const runtime = options as Partial<RuntimeBinding>;
	if (!bindingFunctions.every((name) => typeof runtime[name] === 'function')) return;
	// `_ts_init` only returns the address of the runtime's static transfer buffer.
	binding = { runtime: runtime as RuntimeBinding, buffer: runtime._ts_init!() };
}

/** Whether walks call the runtime's functions directly (else they go through the public cursor). */
export function fastWalk(): boolean {
	return binding !== undefined;
}

/** The public cursor, method for method. */
class CursorWalker implements TreeWalker {
	constructor(private readonly cursor: TreeCursor) {}
	typeId(): number {
		return this.cursor.nodeTypeId;
	}
	start(): number {
		return this.cursor.startIndex;
	}
	end(): number {
		return this.cursor.endIndex;
	}
	missing(): boolean {
		return this.cursor.nodeIsMissing;
	}
	firstChild(): boolean {
		return this.cursor.gotoFirstChild();
	}
	nextSibling(): boolean {
		return this.cursor.gotoNextSibling();
	}
	parent(): boolean {
		return this.cursor.gotoParent();
	}
	done(): void {
		this.cursor.delete();
	}
}

/** The runtime's cursor functions over the cursor kept in the transfer buffer. */
class BufferWalker implements TreeWalker {
	constructor(
		private readonly runtime: RuntimeBinding,
		private readonly buffer: number,
		private readonly cursor: TreeCursor,
		private readonly tree: number
	) {}
	typeId(): number {
		return this.runtime._ts_tree_cursor_current_node_type_id_wasm(this.tree);
	}
	start(): number {
		return this.runtime._ts_tree_cursor_start_index_wasm(this.tree);
	}
	end(): number {
		return this.runtime._ts_tree_cursor_end_index_wasm(this.tree);
	}
	missing(): boolean {
		return this.runtime._ts_tree_cursor_current_node_is_missing_wasm(this.tree) === 1;
	}
	firstChild(): boolean {
		return this.runtime._ts_tree_cursor_goto_first_child_wasm(this.tree) === 1;
	}
	nextSibling(): boolean {
		return this.runtime._ts_tree_cursor_goto_next_sibling_wasm(this.tree) === 1;
	}
	parent(): boolean {
		return this.runtime._ts_tree_cursor_goto_parent_wasm(this.tree) === 1;
	}
	done(): void {
		// The moves changed the cursor in the buffer only (its stack may have been reallocated):
		// hand the current words back to the public cursor so that `delete` frees what it holds.
		const words = this.cursor as unknown as Record<number, number>;
		for (let i = 0; i < 4; i++) words[i] = this.runtime.getValue(this.buffer + 4 * i, 'i32');
		this.cursor.delete();
	}
}

/**
 * A walker at the root of `tree`. Between its creation and `done()`, nothing else may call into
 * the tree-sitter runtime (the fast walker's cursor lives in the runtime's transfer buffer).
 */
export function walkTree(tree: Tree): TreeWalker {
	const cursor = tree.walk();
	const address = (tree as unknown as Record<number, number>)[0];
	// After `walk()` the new cursor is in the transfer buffer, where the runtime's functions read it.
	return binding && typeof address === 'number'
		? new BufferWalker(binding.runtime, binding.buffer, cursor, address)
		: new CursorWalker(cursor);
}

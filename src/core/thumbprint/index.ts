/**
 * Thumbprints: find them in pasted tool output, compute them from certificate files, and compare a
 * Key Vault certificate's versions with what a VM has installed. Pure TypeScript (no DOM, no Node).
 */
export * from './compare-versions.ts';
export * from './compute-thumbprints.ts';
export * from './describe-comparison.ts';
export * from './encoding.ts';
export * from './find-thumbprints.ts';
export * from './types.ts';
export * from './vm-commands.ts';
export * from './format-message.ts';

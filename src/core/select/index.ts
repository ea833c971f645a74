export * from './parse-certificate-list.ts';
export * from './strategies.ts';
export * from './messages.ts';
export { storeAsList, storeAsFormatList } from './from-simulation.ts';

import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-FALEJ2U5.js";import"./chunk-XSO5MWSQ.js";import"./chunk-NLMBYBRB.js";import"./chunk-4BYTCAOE.js";export{a as getDemoEmulator,b as isDemoEmulatorStarted,c as stopDemoEmulator};

import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-FRKOUB2C.js";import"./chunk-WNB4GPMZ.js";import"./chunk-NLMBYBRB.js";import"./chunk-4BYTCAOE.js";export{a as getDemoEmulator,b as isDemoEmulatorStarted,c as stopDemoEmulator};

import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-4ORO2IQF.js";import"./chunk-FRKOUB2C.js";import"./chunk-WNB4GPMZ.js";import"./chunk-QF3OS6S5.js";import"./chunk-EXY235MR.js";import"./chunk-7MLDH2S5.js";import"./chunk-NLMBYBRB.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};

import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-BOMN5K6W.js";import"./chunk-SSOTGNVC.js";import"./chunk-SXCSOWDI.js";import"./chunk-GXEAOEVU.js";import"./chunk-EXY235MR.js";import"./chunk-7MLDH2S5.js";import"./chunk-NLMBYBRB.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};

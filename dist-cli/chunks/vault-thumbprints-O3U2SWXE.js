import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-7QWSD4X2.js";import"./chunk-XRGSVJJD.js";import"./chunk-UP4HFCFB.js";import"./chunk-6RQHL5TM.js";import"./chunk-EXY235MR.js";import"./chunk-7MLDH2S5.js";import"./chunk-IIVBKKI4.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};

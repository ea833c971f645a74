import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-SRE7GWJH.js";import"./chunk-FWDB4BSD.js";import"./chunk-GTGHUANY.js";import"./chunk-2PUNHNVQ.js";import"./chunk-EXY235MR.js";import"./chunk-7MLDH2S5.js";import"./chunk-IIVBKKI4.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};

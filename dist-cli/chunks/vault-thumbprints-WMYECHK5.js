import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-A74UY67R.js";import"./chunk-XRGSVJJD.js";import"./chunk-UP4HFCFB.js";import"./chunk-BTX4UFDQ.js";import"./chunk-EXY235MR.js";import"./chunk-7MLDH2S5.js";import"./chunk-IIVBKKI4.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};

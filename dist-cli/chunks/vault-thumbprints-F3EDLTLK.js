import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-SSNTV5K3.js";import"./chunk-5O4NPHGL.js";import"./chunk-COXTQSJW.js";import"./chunk-NMVZ5H3O.js";import"./chunk-EXY235MR.js";import"./chunk-7MLDH2S5.js";import"./chunk-NLMBYBRB.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};

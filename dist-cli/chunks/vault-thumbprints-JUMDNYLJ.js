import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-JBDW22Y3.js";import"./chunk-PZAMWTNJ.js";import"./chunk-O2GL32CM.js";import"./chunk-XFH4KK4S.js";import"./chunk-EXY235MR.js";import"./chunk-7MLDH2S5.js";import"./chunk-NLMBYBRB.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};

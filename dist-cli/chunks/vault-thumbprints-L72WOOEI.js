import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-5OSC3BK7.js";import"./chunk-PEHJVRSN.js";import"./chunk-MZLEQFWI.js";import"./chunk-UW3CZEMO.js";import"./chunk-NLMBYBRB.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};

import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-WZ7ZOKZN.js";import"./chunk-JSZOYIRK.js";import"./chunk-FJUQM6AZ.js";import"./chunk-WLXUHDLA.js";import"./chunk-EXY235MR.js";import"./chunk-7MLDH2S5.js";import"./chunk-IIVBKKI4.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};

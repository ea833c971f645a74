import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-UXPP4YJH.js";import"./chunk-U6RJU67I.js";import"./chunk-3YB4TP67.js";import"./chunk-KEDTAUYV.js";import"./chunk-EXY235MR.js";import"./chunk-7MLDH2S5.js";import"./chunk-IIVBKKI4.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};

import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-4B4BO2ZO.js";import"./chunk-BXTJNPOT.js";import"./chunk-TS4FQBP5.js";import"./chunk-PWLOJVSN.js";import"./chunk-EXY235MR.js";import"./chunk-7MLDH2S5.js";import"./chunk-NLMBYBRB.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};

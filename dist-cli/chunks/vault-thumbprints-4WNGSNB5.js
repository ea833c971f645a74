import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);
import{a}from"./chunk-M2VFEJS6.js";import"./chunk-BXTJNPOT.js";import"./chunk-TS4FQBP5.js";import"./chunk-UW3CZEMO.js";import"./chunk-NLMBYBRB.js";import"./chunk-4BYTCAOE.js";export{a as lookUpVaultThumbprints};
